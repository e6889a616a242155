import { countRegistrations, recount, type RegistrationCounts as CountedRegistrations } from '@kuhina/domain';
import type { AttendanceCounts, ChainWorkshop, RegistrationCounts, RegistrationFact, WorkshopChainView } from '../workshop-chain.view';

/** The figures that show registrations and attendance: the two halves of the domain's count of the registrations. */
type RegistrationFigures = { registrations: RegistrationCounts; attendance: AttendanceCounts };

/** The domain's counts as this view shows them (`registrations` and `attendance`). */
const shownAs = (counts: CountedRegistrations): RegistrationFigures => ({
  registrations: { registered: counts.registered, waitlisted: counts.waitlisted, cancelled: counts.cancelled },
  attendance: { onSite: counts.attendedOnSite, remote: counts.attendedRemote, total: counts.attended },
});

/** The domain's counts back from the view's two halves (one to one). */
const countedFrom = ({ registrations, attendance }: RegistrationFigures): CountedRegistrations => ({
  registered: registrations.registered,
  waitlisted: registrations.waitlisted,
  cancelled: registrations.cancelled,
  attended: attendance.total,
  attendedOnSite: attendance.onSite,
  attendedRemote: attendance.remote,
});

/** Registration and attendance figures of a workshop, counted by the domain's counting function. */
export const registrationFigures = (registrations: RegistrationFact[]): RegistrationFigures => shownAs(countRegistrations(registrations));

/** A registration fact set (`was`: the one it replaced): the workshop's figures and the totals move by `recount`. */
export function registrationChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: RegistrationFact | undefined, now: RegistrationFact): void {
  moveRegistration(workshop, was, now);
  moveRegistration(view.totals, was, now);
}

function moveRegistration(figures: RegistrationFigures, was: RegistrationFact | undefined, now: RegistrationFact): void {
  const { registrations, attendance } = shownAs(recount(countedFrom(figures), was, now));
  figures.registrations = registrations;
  figures.attendance = attendance;
}
