import { workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenOrganization, givenWorkshop, markHeld, openRegistration, RAUMA_PLAN, registration } from '../workshop-fixtures.spec-helper';
import { DomainCommandExecutor } from './domain-command-executor';

// A planned workshop's life through the generic use case: reschedule, co-organisers, capacity, held, cancelled, reported
// (formerly one pass-through handler each; PlanWorkshop stays a use case of its own).
describe('DomainCommandExecutor: workshop planning commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('RescheduleWorkshop', () => {
    const workshopId = '6c8e3d2f-4a5b-4c9d-8e1f-2a3b4c5d6e7f';
    const later = { startsAt: '2023-04-26T10:00:00.000Z', endsAt: '2023-04-26T13:30:00.000Z', location: { venue: 'Rauman pääkirjasto', municipality: 'Rauma', region: 'Satakunta' } };

    it('appends WorkshopRescheduled with the previous dates', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);

      const result = await executor.execute('workshop', { type: 'RescheduleWorkshop', data: { workshopId, ...later }, at: AT }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([
        { type: 'WorkshopRescheduled', data: { workshopId, ...later, previousStartsAt: RAUMA_PLAN.startsAt, previousEndsAt: RAUMA_PLAN.endsAt, rescheduledAt: AT } },
      ]);
    });

    it('refuses a held workshop with WORKSHOP.ALREADY_HELD and an unknown one with WORKSHOP.NOT_FOUND', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

      await expect(executor.execute('workshop', { type: 'RescheduleWorkshop', data: { workshopId, ...later }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.ALREADY_HELD',
      });
      await expect(
        executor.execute('workshop', { type: 'RescheduleWorkshop', data: { workshopId: '7d9f4e3a-5b6c-4d0e-9f2a-3b4c5d6e7f80', ...later }, at: AT }, harness.context()),
      ).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
    });
  });

  describe('AddCoOrganizer', () => {
    const workshopId = '9f1b6a5c-7d8e-4f20-9b4c-5d6e7f8091a2';
    const valoId = 'c2000000-0000-4000-8000-000000000001';

    beforeEach(async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);
    });

    it('appends CoOrganizerAdded once; adding the same organisation again appends nothing', async () => {
      await givenOrganization(harness.handler, harness.context, valoId, 'Valo-Valmennusyhdistys ry');

      await executor.execute('workshop', { type: 'AddCoOrganizer', data: { workshopId, organizationId: valoId }, at: AT }, harness.context());
      const again = await executor.execute('workshop', { type: 'AddCoOrganizer', data: { workshopId, organizationId: valoId }, at: AT }, harness.context());

      expect(again.events).toEqual([]);
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'CoOrganizerAdded', data: { workshopId, organizationId: valoId, addedAt: AT } }]);
    });

    it('refuses an unregistered organisation with ORGANIZATION.NOT_FOUND', async () => {
      await expect(executor.execute('workshop', { type: 'AddCoOrganizer', data: { workshopId, organizationId: valoId }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'ORGANIZATION.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
    });
  });

  describe('ChangeCapacity', () => {
    const workshopId = '8e0a5f4b-6c7d-4e1f-8a3b-4c5d6e7f8091';
    const [r1, r2, r3] = ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000003'];
    const [p1, p2, p3] = ['b1000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000003'];

    beforeEach(async () => {
      // Two seats, both taken; a third person waits.
      await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 2 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r2, p2), registration(workshopId, r3, p3));
    });

    it('appends WorkshopCapacityChanged and promotes the waitlisted participant into the new seat', async () => {
      await executor.execute('workshop', { type: 'ChangeCapacity', data: { workshopId, capacity: 3 }, at: AT }, harness.context());

      expect((await harness.eventsOf(workshopStream(workshopId))).slice(5)).toEqual([
        { type: 'WorkshopCapacityChanged', data: { workshopId, capacity: 3, previousCapacity: 2, changedAt: AT } },
        { type: 'WaitlistedParticipantPromoted', data: { workshopId, registrationId: r3, personId: p3, promotedAt: AT } },
      ]);
    });

    it('refuses fewer seats than are taken with WORKSHOP.CAPACITY_BELOW_REGISTERED', async () => {
      await expect(executor.execute('workshop', { type: 'ChangeCapacity', data: { workshopId, capacity: 1 }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.CAPACITY_BELOW_REGISTERED',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(5);
    });
  });

  describe('MarkHeld', () => {
    const workshopId = '068c2bc3-e4f5-4097-8cb3-c4d5e6f70819';

    it('closes an open registration and appends WorkshopHeld', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId));

      const result = await executor.execute('workshop', { type: 'MarkHeld', data: { workshopId, heldOn: '2023-04-19' }, at: AT }, harness.context());

      expect(result.state).toMatchObject({ status: 'held', heldOn: '2023-04-19' });
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([
        { type: 'RegistrationClosed', data: { workshopId, closedAt: AT } },
        { type: 'WorkshopHeld', data: { workshopId, heldOn: '2023-04-19' } },
      ]);
    });

    it('refuses another date once held with WORKSHOP.ALREADY_HELD', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId, '2023-04-19'));

      await expect(executor.execute('workshop', { type: 'MarkHeld', data: { workshopId, heldOn: '2023-04-20' }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.ALREADY_HELD',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
    });
  });

  describe('CancelWorkshop', () => {
    const workshopId = '179d3cd4-f506-41a8-9dc4-d5e6f708192a';

    it('appends WorkshopCancelled with the reason', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);

      const result = await executor.execute('workshop', { type: 'CancelWorkshop', data: { workshopId, reason: 'Puhujat estyneitä' }, at: AT }, harness.context());

      expect(result.state).toMatchObject({ status: 'cancelled' });
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'WorkshopCancelled', data: { workshopId, reason: 'Puhujat estyneitä', cancelledAt: AT } }]);
    });

    it('refuses a held workshop with WORKSHOP.ALREADY_HELD', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

      await expect(executor.execute('workshop', { type: 'CancelWorkshop', data: { workshopId, reason: 'Liian myöhään' }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.ALREADY_HELD',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
    });
  });

  describe('ReportWorkshop', () => {
    const workshopId = '28ae4de5-0617-42b9-8ed5-e6f708192a3b';
    const summary = 'Futures workshop held with the City of Rauma and Valo-Valmennusyhdistys; feedback collected.';

    it('appends WorkshopReported for a held workshop', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

      const result = await executor.execute('workshop', { type: 'ReportWorkshop', data: { workshopId, summary }, at: AT }, harness.context());

      expect(result.state).toMatchObject({ status: 'reported', reportedAt: AT });
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([{ type: 'WorkshopReported', data: { workshopId, summary, reportedAt: AT } }]);
    });

    it('refuses a workshop not yet held with WORKSHOP.NOT_HELD, and a second report with WORKSHOP.ALREADY_REPORTED', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);
      await expect(executor.execute('workshop', { type: 'ReportWorkshop', data: { workshopId, summary }, at: AT }, harness.context())).rejects.toMatchObject({ code: 'WORKSHOP.NOT_HELD' });

      await harness.handler.handle(workshopDecider, workshopStream(workshopId), markHeld(workshopId), harness.context());
      await executor.execute('workshop', { type: 'ReportWorkshop', data: { workshopId, summary }, at: AT }, harness.context());
      await expect(executor.execute('workshop', { type: 'ReportWorkshop', data: { workshopId, summary }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.ALREADY_REPORTED',
      });
      expect((await harness.eventsOf(workshopStream(workshopId))).map((e) => e.type)).toEqual(['WorkshopPlanned', 'WorkshopHeld', 'WorkshopReported']);
    });
  });
});
