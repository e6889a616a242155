import { consentOn, type ConsentPurpose, chainDecider, ChainErrors, chainStream, conflict, notFound, rateOn, staffDecider, StaffErrors, staffStream, unprocessable, OrganizationErrors, organizationDecider, organizationStream, PersonErrors, personDecider, personStream, workshopDecider, WorkshopErrors, workshopStream } from '@kuhina/domain';
import type { CommandHandler } from '@kuhina/event-store';
import type { References } from './command-references';

// An aggregate names other aggregates by id only and cannot see their streams, so the use case checks that what
// it names exists before the write. Safe outside the aggregate: people, organisations and workshops never disappear
// (an absent one is not cached, so one created meanwhile by another process is found). A typo'd id would otherwise
// become a ghost in the ESF figures for good: the log is append-only.

/** 404 PERSON.NOT_FOUND for an unknown person; 409 PERSON.ERASED once their personal data was erased. */
export async function requirePerson(handler: CommandHandler, personId: string): Promise<void> {
  const { state } = await handler.loadFresh(personDecider, personStream(personId));
  if (state.status === 'empty') throw notFound(PersonErrors.NOT_FOUND, `No person ${personId}`, { personId });
  if (state.status === 'erased') throw conflict(PersonErrors.ERASED, `The personal data of ${personId} was erased; the person cannot take part any more`, { personId });
}

/** 404 ORGANIZATION.NOT_FOUND naming the first unknown organisation (nulls are skipped). */
export async function requireOrganizations(handler: CommandHandler, organizationIds: readonly (string | null)[]): Promise<void> {
  for (const organizationId of new Set(organizationIds)) {
    if (organizationId === null) continue;
    const { state } = await handler.load(organizationDecider, organizationStream(organizationId));
    if (state.status === 'empty') throw notFound(OrganizationErrors.NOT_FOUND, `No organisation ${organizationId}`, { organizationId });
  }
}

/** 404 WORKSHOP.NOT_FOUND for a workshop that was never planned. */
export async function requireWorkshop(handler: CommandHandler, workshopId: string): Promise<void> {
  const { state } = await handler.load(workshopDecider, workshopStream(workshopId));
  if (state.status === 'empty') throw notFound(WorkshopErrors.NOT_FOUND, `No workshop ${workshopId}`, { workshopId });
}

/** 404 CHAIN.NOT_FOUND for a chain that was never started (chains never disappear either). */
export async function requireChain(handler: CommandHandler, chainId: string): Promise<void> {
  const { state } = await handler.load(chainDecider, chainStream(chainId));
  if (state.status === 'empty') throw notFound(ChainErrors.NOT_FOUND, `No chain ${chainId}`, { chainId });
}

/**
 * 422 STAFF.NOT_STAFF for hours of someone with no hourly rate (a participant, say), 422 STAFF.NO_RATE_ON_DATE for a
 * day no rate covers: every hour in the ledger must have a cost. Rates only ever get added, so a pass stays true.
 */
export async function requireStaffOn(handler: CommandHandler, personId: string, day: string): Promise<void> {
  await requirePerson(handler, personId);
  const { state } = await handler.loadFresh(staffDecider, staffStream(personId));
  if (state.status === 'empty') {
    throw unprocessable(StaffErrors.NOT_STAFF, `Person ${personId} is not a staff member: set an hourly rate first (POST /people/${personId}/hourly-rates)`, { personId });
  }
  if (rateOn(state, day) === null) {
    throw unprocessable(StaffErrors.NO_RATE_ON_DATE, `No hourly rate of person ${personId} covers ${day}`, { personId, day, rates: state.rates.map((r) => ({ validFrom: r.validFrom, validUntil: r.validUntil })) });
  }
}

/**
 * 422 CONSENT.NOT_GIVEN when the person had no consent for `purpose` on `day` (never given, or withdrawn: withdrawals
 * win); 404/409 as `requirePerson` for an unknown or erased person. The verdict is the domain's (`consentOn`).
 */
export async function requireConsent(handler: CommandHandler, personId: string, purpose: ConsentPurpose, day: string): Promise<void> {
  const { state } = await handler.loadFresh(personDecider, personStream(personId));
  if (state.status === 'empty') throw notFound(PersonErrors.NOT_FOUND, `No person ${personId}`, { personId });
  if (state.status === 'erased') throw conflict(PersonErrors.ERASED, `The personal data of ${personId} was erased; the person cannot take part any more`, { personId });
  const { given, basis } = consentOn(state.consents, purpose, day);
  if (given) return;
  const why = basis === null ? 'never gave it' : `withdrew it on ${basis.on}`;
  throw unprocessable(PersonErrors.CONSENT_NOT_GIVEN, `Person ${personId} has no consent to ${purpose} on ${day} (${why})`, {
    personId,
    purpose,
    day,
    reason: basis === null ? 'no-consent' : 'withdrawn',
  });
}

/** All checks of one command, in a fixed order: organisations, people, workshops, chains, staff rates, consents. */
export async function requireReferences(handler: CommandHandler, references: References): Promise<void> {
  if (references.organizations) await requireOrganizations(handler, references.organizations);
  for (const personId of references.people ?? []) await requirePerson(handler, personId);
  for (const workshopId of references.workshops ?? []) if (workshopId !== null) await requireWorkshop(handler, workshopId);
  for (const chainId of references.chains ?? []) if (chainId !== null) await requireChain(handler, chainId);
  for (const { personId, day } of references.staffOn ?? []) await requireStaffOn(handler, personId, day);
  for (const { personId, purpose, day } of references.consentedOn ?? []) await requireConsent(handler, personId, purpose, day);
}
