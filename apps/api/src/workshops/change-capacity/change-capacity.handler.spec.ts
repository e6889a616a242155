import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { ChangeCapacityCommand } from './change-capacity.command';
import { ChangeCapacityHandler } from './change-capacity.handler';

describe('ChangeCapacityHandler', () => {
  let harness: EventStoreHarness;
  let sut: ChangeCapacityHandler;
  const workshopId = '8e0a5f4b-6c7d-4e1f-8a3b-4c5d6e7f8091';
  const [r1, r2, r3] = ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000003'];
  const [p1, p2, p3] = ['b1000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000003'];

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new ChangeCapacityHandler(harness.handler);
    // Two seats, both taken; a third person waits.
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 2 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r2, p2), registration(workshopId, r3, p3));
  });
  afterEach(() => harness.cleanup());

  it('appends WorkshopCapacityChanged and promotes the waitlisted participant into the new seat', async () => {
    await sut.execute(new ChangeCapacityCommand(workshopId, 3, AT, harness.context()));

    expect((await harness.eventsOf(workshopStream(workshopId))).slice(5)).toEqual([
      { type: 'WorkshopCapacityChanged', data: { workshopId, capacity: 3, previousCapacity: 2, changedAt: AT } },
      { type: 'WaitlistedParticipantPromoted', data: { workshopId, registrationId: r3, personId: p3, promotedAt: AT } },
    ]);
  });

  it('refuses fewer seats than are taken with WORKSHOP.CAPACITY_BELOW_REGISTERED', async () => {
    await expect(sut.execute(new ChangeCapacityCommand(workshopId, 1, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.CAPACITY_BELOW_REGISTERED' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(5);
  });
});
