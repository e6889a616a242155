import { roleOf, type AttendanceMode, type ExpenseFigures, type WorkshopLocation, type WorkshopPlan, type WorkshopRole } from './workshop.events';
import { fingerprint } from './workshop.validation';

// ---------------------------------------------------------------------------------------------
// Fingerprints: the identifying facts of a sub-entity, computed alike from the command (decide)
// and from the event (evolve). A command reusing an id with the same facts is a retry (no events);
// with other facts it is refused as ALREADY_EXISTS. Long free texts stay out to keep state small.
// ---------------------------------------------------------------------------------------------

export const registrationKey = (r: { personId: string; organizationId: string | null; attendanceMode: AttendanceMode; role?: WorkshopRole }): string =>
  fingerprint(r.personId, r.organizationId, r.attendanceMode, roleOf(r));
export const pledgeKey = (p: { organizationId: string; kind: string; inKindValueCents: number; valuationBasis: string }): string =>
  fingerprint(p.organizationId, p.kind, p.inKindValueCents, p.valuationBasis);
export const expenseKey = (x: ExpenseFigures & { incurredOn: string }): string =>
  fingerprint(x.amountCents, x.category, x.fundingSource, x.receiptReference, x.incurredOn);
export const feedbackKey = (f: { registrationId: string | null; anonymous: boolean; rating: number }): string =>
  fingerprint(f.registrationId, f.anonymous, f.rating);
export const citizenInputKey = (c: { topic: string; citizensHeard: number; countingMethod?: string; collectedAt: string }): string =>
  fingerprint(c.topic, c.citizensHeard, c.countingMethod ?? null, c.collectedAt);
export const forwardKey = (s: { summary: string; recipients: readonly string[]; forwardedAt: string }): string =>
  fingerprint(s.summary, s.recipients, s.forwardedAt);
export const meetingKey = (m: { heldOn: string; kind: string; online: boolean; organizationIds: readonly string[] }): string =>
  fingerprint(m.heldOn, m.kind, m.online, m.organizationIds);
export const locationKey = (l: WorkshopLocation | null): string => fingerprint(l && [l.venue, l.municipality, l.region]);
export const planKey = (p: WorkshopPlan): string =>
  fingerprint(
    p.chainId,
    p.title,
    p.theme,
    p.method,
    p.kind,
    p.format,
    locationKey(p.location),
    p.startsAt,
    p.endsAt,
    p.targetGroups,
    p.access,
    p.capacity,
    p.coOrganizerIds,
  );
