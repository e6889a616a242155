import { personDecider, personStream, workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenPerson, givenWorkshop, markHeld, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { DomainCommandExecutor } from './domain-command-executor';

// Registration around a workshop through the generic use case: open, close, invite, attendance
// (formerly one handler each; RegisterParticipant and CancelRegistration stay use cases of their own).
describe('DomainCommandExecutor: workshop registration commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('OpenRegistration', () => {
    const workshopId = 'a02c7b6d-8e9f-4a31-8c5d-6e7f8091a2b3';

    it('appends RegistrationOpened; opening again appends nothing', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);

      const result = await executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId }, at: AT }, harness.context());
      const again = await executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId }, at: AT }, harness.context());

      expect([result.revision, again.revision]).toEqual([1, 1]);
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'RegistrationOpened', data: { workshopId, openedAt: AT } }]);
    });

    it('refuses a held workshop with WORKSHOP.ALREADY_HELD', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

      await expect(executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId }, at: AT }, harness.context())).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
    });

    it('refuses a stale expected revision (If-Match) without appending', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);

      await expect(executor.execute('workshop', { type: 'OpenRegistration', data: { workshopId }, at: AT }, harness.context({ expectedRevision: 3 }))).rejects.toMatchObject({
        code: 'STREAM.WRONG_EXPECTED_REVISION',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
    });
  });

  describe('CloseRegistration', () => {
    const workshopId = 'b13d8c7e-9fa0-4b42-9d6e-7f8091a2b3c4';

    it('appends RegistrationClosed after registration was opened', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId));

      const result = await executor.execute('workshop', { type: 'CloseRegistration', data: { workshopId }, at: AT }, harness.context());

      expect(result.state).toMatchObject({ status: 'registration-closed' });
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([{ type: 'RegistrationClosed', data: { workshopId, closedAt: AT } }]);
    });

    it('refuses to close a registration never opened with WORKSHOP.REGISTRATION_NOT_OPEN', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId);

      await expect(executor.execute('workshop', { type: 'CloseRegistration', data: { workshopId }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.REGISTRATION_NOT_OPEN',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
    });
  });

  describe('InvitePerson', () => {
    const workshopId = 'c24e9d8f-a0b1-4c53-8e7f-8091a2b3c4d5';

    it('appends PersonInvited for an invitation-only workshop', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'invitation-only' });
      const personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');

      await executor.execute('workshop', { type: 'InvitePerson', data: { workshopId, personId }, at: AT }, harness.context());

      expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'PersonInvited', data: { workshopId, personId, role: 'participant', invitedAt: AT } }]);
    });

    it('refuses an open workshop with WORKSHOP.NOT_INVITATION_ONLY', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'open' });
      const personId = await givenPerson(harness.handler, harness.context, 'Aino Virtanen');

      await expect(executor.execute('workshop', { type: 'InvitePerson', data: { workshopId, personId }, at: AT }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_INVITATION_ONLY',
      });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
    });

    it('refuses an unknown person with PERSON.NOT_FOUND and an erased one with PERSON.ERASED', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, { access: 'invitation-only' });
      const erased = await givenPerson(harness.handler, harness.context, 'Eero Korhonen');
      await harness.handler.handle(personDecider, personStream(erased), { type: 'ErasePersonalData', data: { personId: erased, reason: 'GDPR Art. 17 request', erasedBy: 'dpo' }, at: AT }, harness.context());

      await expect(
        executor.execute('workshop', { type: 'InvitePerson', data: { workshopId, personId: 'd0000000-0000-4000-8000-000000000009' }, at: AT }, harness.context()),
      ).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND', kind: 'not-found' });
      await expect(executor.execute('workshop', { type: 'InvitePerson', data: { workshopId, personId: erased }, at: AT }, harness.context())).rejects.toMatchObject({ code: 'PERSON.ERASED' });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
    });
  });

  describe('RecordAttendance', () => {
    const workshopId = 'f57b1ab2-d3e4-4f86-9ba2-b3c4d5e6f708';
    const [r1, r2, r3] = ['e6000000-0000-4000-8000-000000000001', 'e6000000-0000-4000-8000-000000000002', 'e6000000-0000-4000-8000-000000000003'];
    const [p1, p2, p3] = ['f6000000-0000-4000-8000-000000000001', 'f6000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000003'];

    it('appends one AttendanceRecorded per new attendee and counts only those', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 2 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r2, p2), markHeld(workshopId));
      await executor.execute('workshop', { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r1, mode: 'on-site' }] }, at: AT }, harness.context());

      const result = await executor.execute(
        'workshop',
        { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r1, mode: 'on-site' }, { registrationId: r2, mode: 'on-site' }] }, at: AT },
        harness.context(),
      );

      // What the old handler returned as `recorded`: the attendances this command recorded (those of an overlapping sheet are not counted again).
      expect(result.events.filter((event) => event.type === 'AttendanceRecorded')).toHaveLength(1);
      expect((await harness.eventsOf(workshopStream(workshopId))).slice(6)).toEqual([
        { type: 'AttendanceRecorded', data: { workshopId, registrationId: r1, personId: p1, organizationId: null, mode: 'on-site', role: 'participant', recordedAt: AT } },
        { type: 'AttendanceRecorded', data: { workshopId, registrationId: r2, personId: p2, organizationId: null, mode: 'on-site', role: 'participant', recordedAt: AT } },
      ]);
    });

    it('refuses before the workshop is held with WORKSHOP.NOT_HELD, and a waitlisted registration with REGISTRATION.NOT_REGISTERED', async () => {
      await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r3, p3));

      await expect(
        executor.execute('workshop', { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r1, mode: 'on-site' }] }, at: AT }, harness.context()),
      ).rejects.toMatchObject({ code: 'WORKSHOP.NOT_HELD' });
      await harness.handler.handle(workshopDecider, workshopStream(workshopId), markHeld(workshopId), harness.context());
      await expect(
        executor.execute('workshop', { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r3, mode: 'on-site' }] }, at: AT }, harness.context()),
      ).rejects.toMatchObject({ code: 'REGISTRATION.NOT_REGISTERED' });
      expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(6);
    });
  });
});
