import type { DomainEvent } from '../shared/decider';
import type { ConsentPurpose, ConsentSource } from './consent';
import type { EsfProfile } from './esf-profile';

/**
 * Personal data as the domain sees it: sealed outside the domain (libs/privacy) with a per-person
 * key, so erasing the key (crypto-shredding) makes every copy in the log unreadable. All strings base64.
 */
export interface EncryptedPersonalData {
  alg: 'A256GCM';
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export type PersonCreated = DomainEvent<
  'PersonCreated',
  {
    personId: string;
    personalData: EncryptedPersonalData;
    /** Keyed hash of the normalised e-mail (computed outside), for uniqueness and lookup; never the e-mail itself. */
    emailBlindIndex: string | null;
    organizationId: string | null;
    /** ESF+ reporting categories in clear: they outlive an erasure (see esf-profile.ts). Absent in events older than them. */
    esfProfile?: EsfProfile | null;
    at: string;
  }
>;

export type PersonalDataUpdated = DomainEvent<
  'PersonalDataUpdated',
  {
    personId: string;
    personalData: EncryptedPersonalData;
    emailBlindIndex: string | null;
    /** The blind index this update replaces, so its reservation can be released. */
    previousEmailBlindIndex: string | null;
    esfProfile?: EsfProfile | null;
    at: string;
  }
>;

export type PersonAffiliationChanged = DomainEvent<
  'PersonAffiliationChanged',
  { personId: string; organizationId: string | null; previousOrganizationId: string | null; at: string }
>;

export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  {
    personId: string;
    /** Why (e.g. 'data subject request'); must itself hold no personal data. */
    reason: string;
    /** Who erased it (user or API key name). */
    erasedBy: string;
    /** The blind index the person held, so its e-mail reservation can be released. */
    emailBlindIndex: string | null;
    at: string;
  }
>;

/** Consent facts are not personal data (a purpose, a day, a channel, a wording version): kept in clear, and for good, as proof. */
export type ConsentGiven = DomainEvent<
  'ConsentGiven',
  { personId: string; purpose: ConsentPurpose; givenOn: string; source: ConsentSource; wordingVersion: string; at: string }
>;

export type ConsentWithdrawn = DomainEvent<
  'ConsentWithdrawn',
  { personId: string; purpose: ConsentPurpose; withdrawnOn: string; source: ConsentSource; wordingVersion: string | null; at: string }
>;

export type PersonEvent = PersonCreated | PersonalDataUpdated | PersonAffiliationChanged | PersonalDataErased | ConsentGiven | ConsentWithdrawn;

export const PERSON_EVENT_TYPES = ['PersonCreated', 'PersonalDataUpdated', 'PersonAffiliationChanged', 'PersonalDataErased', 'ConsentGiven', 'ConsentWithdrawn'] as const;

export type PersonEventType = (typeof PERSON_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allPersonEventTypesListed: Same<PersonEventType, PersonEvent['type']> = true;
