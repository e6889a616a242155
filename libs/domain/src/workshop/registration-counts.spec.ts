import { countRegistrations, noRegistrations, recount, statusAfter, type CountedRegistration } from './registration-counts';

describe('registration counts', () => {
  const seated: CountedRegistration = { status: 'registered', attended: null, role: 'participant' };
  const waiting: CountedRegistration = { status: 'waitlisted', attended: null, role: 'participant' };

  it('moves a registration between statuses without changing the total', () => {
    const afterWaitlist = recount(noRegistrations(), undefined, waiting);
    const afterPromotion = recount(afterWaitlist, waiting, seated);
    expect(afterWaitlist).toMatchObject({ registered: 0, waitlisted: 1 });
    expect(afterPromotion).toMatchObject({ registered: 1, waitlisted: 0, cancelled: 0 });
  });

  it('counts attendance by mode and in all, and a changed mode moves between them', () => {
    const onSite = recount(recount(noRegistrations(), undefined, seated), seated, { status: 'registered', attended: 'on-site', role: 'participant' });
    const remote = recount(onSite, { status: 'registered', attended: 'on-site', role: 'participant' }, { status: 'registered', attended: 'remote', role: 'participant' });
    expect(onSite).toEqual({ ...noRegistrations(), registered: 1, attended: 1, attendedOnSite: 1 });
    expect(remote).toEqual({ ...noRegistrations(), registered: 1, attended: 1, attendedRemote: 1 });
  });

  it('is idempotent when the same change is applied twice (state-based, not event-based)', () => {
    const once = recount(noRegistrations(), undefined, seated);
    const twice = recount(once, seated, seated);
    expect(twice).toEqual(once);
  });

  it('never changes the counts it was given (the decider keeps them in its state)', () => {
    const counts = noRegistrations();
    recount(counts, undefined, seated);
    expect(counts).toEqual(noRegistrations());
  });

  it('counts a whole list the same as folding it one by one', () => {
    const list: CountedRegistration[] = [seated, waiting, { status: 'cancelled', attended: null, role: 'participant' }, { status: 'registered', attended: 'remote', role: 'participant' }];
    const folded = list.reduce((counts, registration) => recount(counts, undefined, registration), noRegistrations());
    expect(countRegistrations(list)).toEqual(folded);
    expect(folded).toEqual({ ...noRegistrations(), registered: 2, waitlisted: 1, cancelled: 1, attended: 1, attendedRemote: 1 });
  });

  it('counts organisers, hosts and speakers apart by role: they take no seat and are no participants', () => {
    const list: CountedRegistration[] = [
      seated,
      { status: 'registered', attended: 'on-site', role: 'organiser' },
      { status: 'registered', attended: null, role: 'organiser' },
      { status: 'registered', attended: 'remote', role: 'speaker' },
      { status: 'cancelled', attended: null, role: 'host' },
    ];
    const counts = countRegistrations(list);
    expect(counts).toMatchObject({ registered: 1, attended: 0, cancelled: 0 });
    expect(counts.staff).toEqual({ organiser: { registered: 2, attended: 1 }, host: { registered: 0, attended: 0 }, speaker: { registered: 1, attended: 1 } });
    // A staff registration cancelled stops counting, and frees no participant seat.
    const cancelled = recount(counts, list[1], { ...list[1]!, status: 'cancelled', attended: null });
    expect(cancelled.staff.organiser).toEqual({ registered: 1, attended: 0 });
    expect(cancelled.registered).toBe(1);
  });

  it('names the status each registration event leads to', () => {
    expect(['ParticipantRegistered', 'ParticipantWaitlisted', 'WaitlistedParticipantPromoted', 'RegistrationCancelled', 'AttendanceRecorded'].map((t) => statusAfter(t as never))).toEqual([
      'registered',
      'waitlisted',
      'registered',
      'cancelled',
      null,
    ]);
  });
});
