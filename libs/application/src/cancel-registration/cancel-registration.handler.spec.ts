import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { CancelRegistrationCommand } from './cancel-registration.command';
import { CancelRegistrationHandler } from './cancel-registration.handler';

describe('CancelRegistrationHandler', () => {
  let harness: EventStoreHarness;
  let sut: CancelRegistrationHandler;
  const workshopId = 'e46a0fa1-c2d3-4e75-8a91-a2b3c4d5e6f7';
  const [r1, r2, r3] = ['e5000000-0000-4000-8000-000000000001', 'e5000000-0000-4000-8000-000000000002', 'e5000000-0000-4000-8000-000000000003'];
  const [p1, p2, p3] = ['f5000000-0000-4000-8000-000000000001', 'f5000000-0000-4000-8000-000000000002', 'f5000000-0000-4000-8000-000000000003'];

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CancelRegistrationHandler(harness.handler, harness.store);
  });
  afterEach(() => harness.cleanup());

  const givenFullWorkshopWithTwoWaiting = (...then: Parameters<typeof givenWorkshop>[4][]) =>
    givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r2, p2), registration(workshopId, r3, p3), ...then);

  it('appends RegistrationCancelled and promotes the first waitlisted, answering its id, also on a retry', async () => {
    await givenFullWorkshopWithTwoWaiting();
    const context = harness.context();

    const result = await sut.execute(new CancelRegistrationCommand(workshopId, r1, 'Sairastuminen', AT, context));
    const retry = await sut.execute(new CancelRegistrationCommand(workshopId, r1, 'Sairastuminen', AT, context));

    expect(result.promoted).toBe(r2);
    expect(retry).toMatchObject({ promoted: r2, workshop: { duplicate: true, position: result.workshop.position } });
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(5)).toEqual([
      { type: 'RegistrationCancelled', data: { workshopId, registrationId: r1, personId: p1, previousStatus: 'registered', reason: 'Sairastuminen', cancelledAt: AT } },
      { type: 'WaitlistedParticipantPromoted', data: { workshopId, registrationId: r2, personId: p2, promotedAt: AT } },
    ]);
  });

  it('promotes nobody when a waitlisted registration is cancelled', async () => {
    await givenFullWorkshopWithTwoWaiting();

    const result = await sut.execute(new CancelRegistrationCommand(workshopId, r3, '', AT, harness.context()));

    expect(result.promoted).toBeNull();
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(5).map((e) => e.type)).toEqual(['RegistrationCancelled']);
  });

  it('refuses an unknown registration with REGISTRATION.NOT_FOUND and a held workshop with WORKSHOP.ALREADY_HELD', async () => {
    await givenFullWorkshopWithTwoWaiting(markHeld(workshopId));

    await expect(sut.execute(new CancelRegistrationCommand(workshopId, 'e5000000-0000-4000-8000-000000000009', '', AT, harness.context()))).rejects.toMatchObject({ code: 'REGISTRATION.NOT_FOUND', kind: 'not-found' });
    await expect(sut.execute(new CancelRegistrationCommand(workshopId, r1, '', AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(7);
  });
});
