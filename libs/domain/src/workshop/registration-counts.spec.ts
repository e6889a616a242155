import { countRegistrations, noRegistrations, recount, statusAfter, type CountedRegistration } from './registration-counts';

describe('registration counts', () => {
  const seated: CountedRegistration = { status: 'registered', attended: null };
  const waiting: CountedRegistration = { status: 'waitlisted', attended: null };

  it('moves a registration between statuses without changing the total', () => {
    const afterWaitlist = recount(noRegistrations(), undefined, waiting);
    const afterPromotion = recount(afterWaitlist, waiting, seated);
    expect(afterWaitlist).toMatchObject({ registered: 0, waitlisted: 1 });
    expect(afterPromotion).toMatchObject({ registered: 1, waitlisted: 0, cancelled: 0 });
  });

  it('counts attendance by mode and in all, and a changed mode moves between them', () => {
    const onSite = recount(recount(noRegistrations(), undefined, seated), seated, { status: 'registered', attended: 'on-site' });
    const remote = recount(onSite, { status: 'registered', attended: 'on-site' }, { status: 'registered', attended: 'remote' });
    expect(onSite).toEqual({ registered: 1, waitlisted: 0, cancelled: 0, attended: 1, attendedOnSite: 1, attendedRemote: 0 });
    expect(remote).toEqual({ registered: 1, waitlisted: 0, cancelled: 0, attended: 1, attendedOnSite: 0, attendedRemote: 1 });
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
    const list: CountedRegistration[] = [seated, waiting, { status: 'cancelled', attended: null }, { status: 'registered', attended: 'remote' }];
    const folded = list.reduce((counts, registration) => recount(counts, undefined, registration), noRegistrations());
    expect(countRegistrations(list)).toEqual(folded);
    expect(folded).toEqual({ registered: 2, waitlisted: 1, cancelled: 1, attended: 1, attendedOnSite: 0, attendedRemote: 1 });
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
