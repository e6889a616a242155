import { LATEST_DAY, consentOn, type ConsentRecord, type ConsentVerdict, type OutreachChannel } from '@kuhina/domain';
import type { OutreachContactDocument, PersonDetailView, RegistrationDocument } from '@kuhina/read-model';

// Who may be told about a coming workshop: the past participants of its chain (and of the chains it follows, when
// asked), each once, minus those who may not or need not be told, counted by reason. Pure: the handler reads the views.

/** Why a past participant is not on the list, in the order they are tried (the first that applies counts). */
export const EXCLUSION_REASONS = ['erased', 'already-registered', 'withdrawn', 'no-consent'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A workshop the list is drawn from: one of the chain's before the workshop, or of a chain it follows. */
export interface SourceWorkshop {
  workshopId: string;
  chainId: string;
  title: string;
  startsAt: string;
}

/** One workshop a candidate took part in. */
export interface TookPart {
  workshopId: string;
  chainId: string;
  title: string;
  startsAt: string;
  /** Attendance recorded (false: registered, a seat held, attendance not recorded). */
  attended: boolean;
}

/** Someone on the list (names and e-mails are added by the handler, decrypted). */
export interface OutreachCandidate {
  personId: string;
  /** The person's current affiliation, else the one of their latest registration here. */
  organizationId: string | null;
  tookPart: TookPart[];
  /** The consent the list rests on: when and how it was given, which wording. */
  consent: Pick<ConsentRecord, 'on' | 'source' | 'wordingVersion'>;
  /** The latest outreach of this workshop that told them already, if any (so a reminder is a choice, not an accident). */
  alreadyTold: { outreachId: string; channel: OutreachChannel; sentOn: string; contacts: number } | null;
}

export interface OutreachList {
  candidates: OutreachCandidate[];
  excluded: { total: number; byReason: Record<ExclusionReason, number> };
}

export interface OutreachInputs {
  sources: readonly SourceWorkshop[];
  /** workshopId → its registration documents (every status and role). */
  registrations: ReadonlyMap<string, readonly RegistrationDocument[]>;
  /** The registrations of the workshop being planned. */
  target: readonly RegistrationDocument[];
  /** personId → the person's view (null: not in the view). */
  people: ReadonlyMap<string, PersonDetailView | null>;
  /** personId → who an outreach of the workshop told already. */
  contacts: ReadonlyMap<string, OutreachContactDocument>;
}

/** A participant who held a seat (registered, attended or not): waitlisted-only, cancelled and staff did not take part. */
const tookPart = (registration: RegistrationDocument): boolean => registration.role === 'participant' && registration.status === 'registered';

/** The people the sources' registrations name, in a stable order (by first workshop, then by registration). */
export function pastParticipants(inputs: Pick<OutreachInputs, 'sources' | 'registrations'>): Map<string, { organizationId: string | null; tookPart: TookPart[] }> {
  const byPerson = new Map<string, { organizationId: string | null; tookPart: TookPart[] }>();
  const sources = [...inputs.sources].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.workshopId.localeCompare(b.workshopId));
  for (const source of sources) {
    for (const registration of inputs.registrations.get(source.workshopId) ?? []) {
      if (!tookPart(registration)) continue;
      const entry = byPerson.get(registration.personId) ?? { organizationId: null, tookPart: [] };
      entry.organizationId = registration.organizationId ?? entry.organizationId;
      entry.tookPart.push({ workshopId: source.workshopId, chainId: source.chainId, title: source.title, startsAt: source.startsAt, attended: registration.attended !== null });
      byPerson.set(registration.personId, entry);
    }
  }
  return byPerson;
}

/** The list: past participants who consented to be told about future workshops (as the consent stands now), and the rest by reason. */
export function outreachList(inputs: OutreachInputs): OutreachList {
  const registeredHere = new Set(inputs.target.filter((r) => r.status === 'registered' || r.status === 'waitlisted').map((r) => r.personId));
  const byReason = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, 0])) as Record<ExclusionReason, number>;
  const candidates: OutreachCandidate[] = [];
  for (const [personId, past] of pastParticipants(inputs)) {
    const person = inputs.people.get(personId) ?? null;
    const verdict = person === null ? null : consentOn(person.consents ?? [], 'future-workshops', LATEST_DAY);
    const reason = exclusionOf(person, registeredHere.has(personId), verdict);
    if (reason !== null || person === null || verdict?.basis == null) {
      byReason[reason ?? 'no-consent']++;
      continue;
    }
    const basis = verdict.basis;
    const contact = inputs.contacts.get(personId);
    candidates.push({
      personId,
      organizationId: person.organizationId ?? past.organizationId,
      tookPart: past.tookPart,
      consent: { on: basis.on, source: basis.source, wordingVersion: basis.wordingVersion },
      alreadyTold: contact ? { outreachId: contact.outreachId, channel: contact.channel, sentOn: contact.sentOn, contacts: contact.contacts } : null,
    });
  }
  const total = EXCLUSION_REASONS.reduce((sum, reason) => sum + byReason[reason], 0);
  return { candidates, excluded: { total, byReason } };
}

function exclusionOf(person: PersonDetailView | null, registeredHere: boolean, verdict: ConsentVerdict | null): ExclusionReason | null {
  if (person === null || person.status === 'erased') return 'erased';
  if (registeredHere) return 'already-registered';
  if (verdict?.given) return null;
  return verdict?.basis?.action === 'withdrawn' ? 'withdrawn' : 'no-consent';
}
