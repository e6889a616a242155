import { STAFF_ROLES, countRegistrations, recount, type RegistrationCounts as CountedRegistrations } from '@kuhina/domain';
import { outreachRegistrationChanged } from './outreach';
import type { AttendanceCounts, ChainWorkshop, RegistrationCounts, RegistrationFact, StaffCounts, WorkshopChainView } from '../workshop-chain.view';

/** The figures that show registrations and attendance: the parts of the domain's count of the registrations. */
type RegistrationFigures = { registrations: RegistrationCounts; attendance: AttendanceCounts; staff: StaffCounts };

const copyStaff = (staff: StaffCounts): StaffCounts =>
  Object.fromEntries(STAFF_ROLES.map((role) => [role, { registered: staff[role].registered, attended: staff[role].attended }])) as StaffCounts;

/** The domain's counts as this view shows them (`registrations`, `attendance` and `staff`). */
const shownAs = (counts: CountedRegistrations): RegistrationFigures => ({
  registrations: { registered: counts.registered, waitlisted: counts.waitlisted, cancelled: counts.cancelled },
  attendance: { onSite: counts.attendedOnSite, remote: counts.attendedRemote, total: counts.attended },
  staff: copyStaff(counts.staff),
});

/** The domain's counts back from the view's parts (one to one); documents from before staff counts have none. */
const countedFrom = ({ registrations, attendance, staff }: RegistrationFigures): CountedRegistrations => ({
  registered: registrations.registered,
  waitlisted: registrations.waitlisted,
  cancelled: registrations.cancelled,
  attended: attendance.total,
  attendedOnSite: attendance.onSite,
  attendedRemote: attendance.remote,
  staff,
});

/** Registration facts stored before roles have none: they were participants. */
const counted = (fact: RegistrationFact) => ({ ...fact, role: fact.role ?? 'participant' });

/** Registration and attendance figures of a workshop, counted by the domain's counting function. */
export const registrationFigures = (registrations: RegistrationFact[]): RegistrationFigures => shownAs(countRegistrations(registrations.map(counted)));

/** A registration fact set (`was`: the one it replaced): the workshop's figures and the totals move by `recount`. */
export function registrationChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: RegistrationFact | undefined, now: RegistrationFact): void {
  moveRegistration(workshop, was, now);
  moveRegistration(view.totals, was, now);
  outreachRegistrationChanged(view, workshop, was, now);
}

function moveRegistration(figures: RegistrationFigures, was: RegistrationFact | undefined, now: RegistrationFact): void {
  const { registrations, attendance, staff } = shownAs(recount(countedFrom(figures), was && counted(was), counted(now)));
  figures.registrations = registrations;
  figures.attendance = attendance;
  figures.staff = staff;
}
