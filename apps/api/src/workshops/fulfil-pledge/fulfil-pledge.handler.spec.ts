import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, pledged, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
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
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new FulfilPledgeHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends PledgeFulfilled naming the pledging organisation', async () => {
    await given(pledged(workshopId, pledgeId, organizationId));

    const result = await sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'PledgeFulfilled', data: { workshopId, pledgeId, organizationId, fulfilledAt: at } }]);
  });

  it('refuses a pledge fulfilled already with PLEDGE.NOT_PENDING', async () => {
    await given(pledged(workshopId, pledgeId, organizationId));
    await sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()));

    await expect(sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()))).rejects.toMatchObject({ code: 'PLEDGE.NOT_PENDING', kind: 'conflict' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown pledge with PLEDGE.NOT_FOUND', async () => {
    await given();

    await expect(sut.execute(new FulfilPledgeCommand(workshopId, pledgeId, at, harness.context()))).rejects.toMatchObject({ code: 'PLEDGE.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(stream)).toHaveLength(1);
  });
});
