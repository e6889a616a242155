import type { PersonState } from './person.state';

/**
 * What a person may consent to. Each purpose stands alone: withdrawing one leaves the others as they were.
 * - `future-workshops`: being told about the coming workshops of a chain (the outreach lists read this);
 * - `named-in-reports`: being named in the reports of a workshop or chain.
 */
export const CONSENT_PURPOSES = ['future-workshops', 'named-in-reports'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How the consent (or its withdrawal) reached the back office: a form (paper or web), an e-mail, said in person. */
export const CONSENT_SOURCES = ['form', 'e-mail', 'in-person'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * One consent fact as the person stream keeps it: given or withdrawn, for one purpose, on a day (`YYYY-MM-DD`, the day
 * the person said so, not the day it was typed in). The wording version names the text the person agreed to; a
 * withdrawal may have none (a person saying "stop" in person withdraws whatever they agreed to).
 * Nothing here is personal: it outlives an erasure in the log as the proof of what was agreed.
 */
export interface ConsentRecord {
  purpose: ConsentPurpose;
  action: 'given' | 'withdrawn';
  on: string;
  source: ConsentSource;
  wordingVersion: string | null;
}

export interface ConsentVerdict {
  given: boolean;
  /** The record the verdict rests on: the latest consent given, or the withdrawal that beats it; null when never asked. */
  basis: ConsentRecord | null;
}

/**
 * Whether the records show consent for `purpose` on `onDate` (`YYYY-MM-DD`), whatever order they were recorded in:
 * the latest consent given on or before that day counts unless a withdrawal is dated on or after it (same day: the
 * withdrawal wins). So a paper form typed in after an e-mail withdrawal never revives the consent; only a consent
 * given again after the withdrawal does.
 */
export function consentOn(records: readonly ConsentRecord[], purpose: ConsentPurpose, onDate: string): ConsentVerdict {
  let given: ConsentRecord | null = null;
  let withdrawn: ConsentRecord | null = null;
  for (const record of records) {
    if (record.purpose !== purpose || record.on > onDate) continue;
    // Later in the list wins a tie: the record entered last is the one the back office meant.
    if (record.action === 'given' && (given === null || record.on >= given.on)) given = record;
    if (record.action === 'withdrawn' && (withdrawn === null || record.on >= withdrawn.on)) withdrawn = record;
  }
  if (given !== null && (withdrawn === null || given.on > withdrawn.on)) return { given: true, basis: given };
  return { given: false, basis: withdrawn ?? given };
}

/** After every record (the decider refuses dates in the future, so this is the consent as it stands today). */
export const LATEST_DAY = '9999-12-31';

/**
 * May the person be told (`future-workshops`) or named (`named-in-reports`) on `onDate`? False for a person who does
 * not exist or was erased: an erased person has no consent, whatever the log recorded before.
 */
export function consentNow(state: PersonState, purpose: ConsentPurpose, onDate: string): boolean {
  return state.status === 'active' && consentOn(state.consents, purpose, onDate).given;
}

/** The records of one purpose in date order (the order they were recorded in within a day). */
export const consentHistory = <R extends ConsentRecord>(records: readonly R[], purpose: ConsentPurpose): R[] =>
  records
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => record.purpose === purpose)
    .sort((a, b) => (a.record.on < b.record.on ? -1 : a.record.on > b.record.on ? 1 : a.index - b.index))
    .map(({ record }) => record);
