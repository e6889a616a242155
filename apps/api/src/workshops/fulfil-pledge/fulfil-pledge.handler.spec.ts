import { workshopDecider, workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { FulfilPledgeCommand } from './fulfil-pledge.command';
import { FulfilPledgeHandler } from './fulfil-pledge.handler';

describe('FulfilPledgeHandler', () => {
  let harness: EventStoreHarness;
  let sut: FulfilPledgeHandler;
  const workshopId = 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c61';
  const pledgeId = 'b0c9d8e7-f6a5-4b4c-9d3e-2f1a0b9c8d72';
  const organizationId = 'c1d0e9f8-a7b6-4c5d-8e4f-3a2b1c0d9e83';
  const stream = workshopStream(workshopId);
  const at = '2023-06-14T17:00:00.000Z';
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
  const pledged: WorkshopCommand = {
    type: 'PledgeResource',
    at: '2023-05-05T09:00:00.000Z',
    data: { workshopId, pledgeId, organizationId, kind: 'storage', description: 'Storage room for the bench café equipment', inKindValueCents: 6_000, valuationBasis: 'Estimated rent of a small storage room for two days' },
  };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new FulfilPledgeHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends PledgeFulfilled naming the pledging organisation', async () => {
    await given(planned, pledged);

    const result = await sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'PledgeFulfilled', data: { workshopId, pledgeId, organizationId, fulfilledAt: at } }]);
  });

  it('refuses a pledge fulfilled already with PLEDGE.NOT_PENDING', async () => {
    await given(planned, pledged);
    await sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()));

    await expect(sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()))).rejects.toMatchObject({ code: 'PLEDGE.NOT_PENDING', kind: 'conflict' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown pledge with PLEDGE.NOT_FOUND', async () => {
    await given(planned);

    await expect(sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()))).rejects.toMatchObject({ code: 'PLEDGE.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
