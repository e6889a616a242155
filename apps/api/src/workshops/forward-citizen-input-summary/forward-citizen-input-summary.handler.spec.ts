import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { collectedCitizenInput, givenWorkshop, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
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
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new ForwardCitizenInputSummaryHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends CitizenInputSummaryForwarded once input was collected', async () => {
    await given(collectedCitizenInput(workshopId, '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b', { summary: forwarded.summary }));

    const result = await sut.execute(new ForwardCitizenInputSummaryCommand(workshopId, forwarded, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'CitizenInputSummaryForwarded', data: { workshopId, ...forwarded } }]);
  });

  it('refuses a summary when no input was collected with CITIZEN_INPUT.NOT_COLLECTED', async () => {
    await given();

    await expect(sut.execute(new ForwardCitizenInputSummaryCommand(workshopId, forwarded, at, harness.context()))).rejects.toMatchObject({
      code: 'CITIZEN_INPUT.NOT_COLLECTED',
      kind: 'conflict',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
