import { CONSENT_PURPOSES, CONSENT_SOURCES, consentOn, isRetentionOver, type ConsentPurpose, type ConsentRecord } from '@kuhina/domain';

/** The part of a recorded event the ledger reads. */
export interface LedgerEvent {
  type: string;
  data: unknown;
}

export interface EndedChain {
  chainId: string;
  retentionEndsOn: string;
}

/** A person whose personal data may go: every chain they took part in has passed its retention end. */
export interface RetentionCandidate {
  personId: string;
  /** The chains that tied the person's data to them, all over (sorted by chain id). */
  chains: EndedChain[];
}

/** A person past ESF retention whose data a consent in force still needs (to tell them of workshops, to name them). */
export interface KeptForConsent {
  personId: string;
  purposes: ConsentPurpose[];
}

export interface ChainRetention {
  chainId: string;
  /** null: no last payment recorded yet, so the retention clock has not started. */
  retentionEndsOn: string | null;
}

// Every workshop event that ties a person to the workshop (and so to its chains): an invitation counts too,
// because the person's data was recorded for that workshop as much as a registration's was.
const PERSON_IN_WORKSHOP = new Set(['PersonInvited', 'ParticipantRegistered', 'ParticipantWaitlisted', 'WaitlistedParticipantPromoted', 'RegistrationCancelled', 'AttendanceRecorded']);

type Data = Record<string, unknown>;
const text = (data: Data, field: string): string | null => (typeof data[field] === 'string' ? (data[field] as string) : null);

/**
 * What ESF retention needs from the log, folded event by event: chains and their retention end, which
 * workshop belongs to which chains, who took part in which workshop, who is already erased.
 * Pure: feed it the log (in order) and ask who may be erased on a given date.
 */
export class RetentionLedger {
  private readonly chains = new Map<string, string | null>();
  private readonly chainsOfWorkshop = new Map<string, Set<string>>();
  private readonly peopleOfWorkshop = new Map<string, Set<string>>();
  private readonly erased = new Set<string>();
  private readonly consents = new Map<string, ConsentRecord[]>();

  apply({ type, data: raw }: LedgerEvent): void {
    if (typeof raw !== 'object' || raw === null) return;
    const data = raw as Data;
    if (type === 'ChainStarted') {
      const chainId = text(data, 'chainId');
      if (chainId && !this.chains.has(chainId)) this.chains.set(chainId, null);
    } else if (type === 'LastPaymentRecorded') {
      // A later payment replaces the earlier one (the decider only accepts later dates): the last one counts.
      const chainId = text(data, 'chainId');
      if (chainId) this.chains.set(chainId, text(data, 'retentionEndsOn'));
    } else if (type === 'WorkshopAddedToChain') {
      const chainId = text(data, 'chainId');
      const workshopId = text(data, 'workshopId');
      if (chainId && workshopId) addTo(this.chainsOfWorkshop, workshopId, chainId);
    } else if (PERSON_IN_WORKSHOP.has(type)) {
      const workshopId = text(data, 'workshopId');
      const personId = text(data, 'personId');
      if (workshopId && personId) addTo(this.peopleOfWorkshop, workshopId, personId);
    } else if (type === 'ConsentGiven' || type === 'ConsentWithdrawn') {
      const personId = text(data, 'personId');
      const record = consentRecord(type, data);
      if (personId && record) this.consents.set(personId, [...(this.consents.get(personId) ?? []), record]);
    } else if (type === 'PersonalDataErased') {
      const personId = text(data, 'personId');
      if (personId) this.erased.add(personId);
    }
  }

  /** Every chain with its retention end, sorted by chain id. */
  chainRetention(): ChainRetention[] {
    return [...this.chains].map(([chainId, retentionEndsOn]) => ({ chainId, retentionEndsOn })).sort((a, b) => compare(a.chainId, b.chainId));
  }

  /** People erased in the log (by anyone), sorted. */
  erasedPeople(): string[] {
    return [...this.erased].sort(compare);
  }

  /**
   * The people not yet erased who took part in at least one chain whose retention is over on `today`
   * (YYYY-MM-DD), and in nothing that still needs their records: no chain whose retention runs on or has
   * no last payment recorded, and no workshop outside every chain (no retention clock at all: kept), and no consent
   * in force on `today` (see `keptForConsent`). Sorted by person id.
   */
  dueForErasure(today: string): RetentionCandidate[] {
    return this.pastRetention(today).filter((candidate) => this.consentsInForce(candidate.personId, today).length === 0);
  }

  /**
   * The people past retention kept because a consent is in force on `today`: the consent is its own ground for keeping
   * the data it needs (name and contact), beyond ESF's. Withdrawn (withdrawals win), they are erased as the others.
   */
  keptForConsent(today: string): KeptForConsent[] {
    return this.pastRetention(today).flatMap(({ personId }) => {
      const purposes = this.consentsInForce(personId, today);
      return purposes.length === 0 ? [] : [{ personId, purposes }];
    });
  }

  private consentsInForce(personId: string, today: string): ConsentPurpose[] {
    const records = this.consents.get(personId) ?? [];
    return CONSENT_PURPOSES.filter((purpose) => consentOn(records, purpose, today).given);
  }

  private pastRetention(today: string): RetentionCandidate[] {
    const ended = new Map<string, Map<string, string>>();
    const kept = new Set<string>();
    for (const [workshopId, people] of this.peopleOfWorkshop) {
      const chainIds = this.chainsOfWorkshop.get(workshopId);
      const over: EndedChain[] = [];
      let keep = chainIds === undefined || chainIds.size === 0;
      for (const chainId of chainIds ?? []) {
        const end = this.chains.get(chainId) ?? null;
        if (end !== null && isRetentionOver(end, today)) over.push({ chainId, retentionEndsOn: end });
        else keep = true;
      }
      for (const personId of people) {
        if (keep) kept.add(personId);
        for (const chain of over) putIn(ended, personId, chain.chainId, chain.retentionEndsOn);
      }
    }
    const due: RetentionCandidate[] = [];
    for (const [personId, chains] of ended) {
      if (kept.has(personId) || this.erased.has(personId)) continue;
      due.push({ personId, chains: [...chains].map(([chainId, retentionEndsOn]) => ({ chainId, retentionEndsOn })).sort((a, b) => compare(a.chainId, b.chainId)) });
    }
    return due.sort((a, b) => compare(a.personId, b.personId));
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const entry = map.get(key);
  if (entry) entry.add(value);
  else map.set(key, new Set([value]));
}

function putIn(map: Map<string, Map<string, string>>, key: string, field: string, value: string): void {
  const entry = map.get(key);
  if (entry) entry.set(field, value);
  else map.set(key, new Map([[field, value]]));
}

/** The consent fact of an event as the domain reads it; null for data the decider could never have written. */
function consentRecord(type: 'ConsentGiven' | 'ConsentWithdrawn', data: Data): ConsentRecord | null {
  const purpose = text(data, 'purpose');
  const source = text(data, 'source');
  const on = text(data, type === 'ConsentGiven' ? 'givenOn' : 'withdrawnOn');
  if (!purpose || !source || !on || !(CONSENT_PURPOSES as readonly string[]).includes(purpose) || !(CONSENT_SOURCES as readonly string[]).includes(source)) return null;
  const action = type === 'ConsentGiven' ? 'given' : 'withdrawn';
  return { purpose: purpose as ConsentPurpose, action, on, source: source as ConsentRecord['source'], wordingVersion: text(data, 'wordingVersion') };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
