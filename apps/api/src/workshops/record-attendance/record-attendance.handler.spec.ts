import { workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld, openRegistration, registration } from '../workshop-fixtures.spec-helper';
import { RecordAttendanceCommand } from './record-attendance.command';
import { RecordAttendanceHandler } from './record-attendance.handler';

describe('RecordAttendanceHandler', () => {
  let harness: EventStoreHarness;
  let sut: RecordAttendanceHandler;
  const workshopId = 'f57b1ab2-d3e4-4f86-9ba2-b3c4d5e6f708';
  const [r1, r2, r3] = ['e6000000-0000-4000-8000-000000000001', 'e6000000-0000-4000-8000-000000000002', 'e6000000-0000-4000-8000-000000000003'];
  const [p1, p2, p3] = ['f6000000-0000-4000-8000-000000000001', 'f6000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000003'];

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RecordAttendanceHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends one AttendanceRecorded per new attendee and counts only those', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 2 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r2, p2), markHeld(workshopId));
    await sut.execute(new RecordAttendanceCommand(workshopId, [{ registrationId: r1, mode: 'on-site' }], AT, harness.context()));

    const result = await sut.execute(new RecordAttendanceCommand(workshopId, [{ registrationId: r1, mode: 'on-site' }, { registrationId: r2, mode: 'on-site' }], AT, harness.context()));

    expect(result.recorded).toBe(1);
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(6)).toEqual([
      { type: 'AttendanceRecorded', data: { workshopId, registrationId: r1, personId: p1, organizationId: null, mode: 'on-site', recordedAt: AT } },
      { type: 'AttendanceRecorded', data: { workshopId, registrationId: r2, personId: p2, organizationId: null, mode: 'on-site', recordedAt: AT } },
    ]);
  });

  it('refuses before the workshop is held with WORKSHOP.NOT_HELD, and a waitlisted registration with REGISTRATION.NOT_REGISTERED', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId), registration(workshopId, r1, p1), registration(workshopId, r3, p3));

    await expect(sut.execute(new RecordAttendanceCommand(workshopId, [{ registrationId: r1, mode: 'on-site' }], AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_HELD' });
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), markHeld(workshopId), harness.context());
    await expect(sut.execute(new RecordAttendanceCommand(workshopId, [{ registrationId: r3, mode: 'on-site' }], AT, harness.context()))).rejects.toMatchObject({ code: 'REGISTRATION.NOT_REGISTERED' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(6);
  });
});
