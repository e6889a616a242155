import { workshopDecider, workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { ForwardCitizenInputSummaryCommand, type ForwardedSummary } from './forward-citizen-input-summary.command';
import { ForwardCitizenInputSummaryHandler } from './forward-citizen-input-summary.handler';

describe('ForwardCitizenInputSummaryHandler', () => {
  let harness: EventStoreHarness;
  let sut: ForwardCitizenInputSummaryHandler;
  const workshopId = '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a';
  const stream = workshopStream(workshopId);
  const at = '2023-06-28T09:00:00.000Z';
  const forwarded: ForwardedSummary = {
    summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
    recipients: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
    forwardedAt: '2023-06-28',
  };
  const given = async (...commands: WorkshopCommand[]) => {
    for (const command of commands) await harness.handler.handle(workshopDecider, stream, command, harness.context());
  };
  const planned: WorkshopCommand = {
    type: 'PlanWorkshop',
    at: '2023-04-01T09:00:00.000Z',
    data: {
      workshopId,
      chainId: null,
      title: 'Työpaja 2: Penkkikahvila SuomiAreenassa',
      theme: 'Kuntalaisten ajatuksia sosiaalisista innovaatioista',
      method: 'Bench café (Penkkikahvila)',
      kind: 'street-event',
      format: 'in-person',
      location: { venue: 'Tent on the pedestrian street', municipality: 'Pori', region: 'Satakunta' },
      startsAt: '2023-06-14T11:00:00+03:00',
      endsAt: '2023-06-14T17:00:00+03:00',
      targetGroups: ['citizens'],
      access: 'open',
      capacity: null,
      coOrganizerIds: [],
    },
  };
  const collected: WorkshopCommand = {
    type: 'CollectCitizenInput',
    at: '2023-06-14T14:00:00.000Z',
    data: { workshopId, inputId: '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b', topic: 'Everyday life in Pori', summary: forwarded.summary, citizensHeard: 126, collectedAt: '2023-06-14' },
  };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new ForwardCitizenInputSummaryHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends CitizenInputSummaryForwarded once input was collected', async () => {
    await given(planned, collected);

    const result = await sut.execute(new ForwardCitizenInputSummaryCommand(workshopId, forwarded, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'CitizenInputSummaryForwarded', data: { workshopId, ...forwarded } }]);
  });

  it('refuses a summary when no input was collected with CITIZEN_INPUT.NOT_COLLECTED', async () => {
    await given(planned);

    await expect(sut.execute(new ForwardCitizenInputSummaryCommand(workshopId, forwarded, at, harness.context()))).rejects.toMatchObject({
      code: 'CITIZEN_INPUT.NOT_COLLECTED',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
