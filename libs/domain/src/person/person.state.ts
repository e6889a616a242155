import type { ConsentRecord } from './consent';
import type { EncryptedPersonalData } from './person.events';

export interface ActivePerson {
  status: 'active';
  personId: string;
  personalData: EncryptedPersonalData;
  emailBlindIndex: string | null;
  organizationId: string | null;
  createdAt: string;
  /** Every consent given or withdrawn, in the order recorded (see consent.ts for what counts). */
  consents: ConsentRecord[];
}

/**
 * What survives erasure: the pseudonymous id and its affiliation, so aggregate figures still add up. No consents: an
 * erased person can be neither told nor named (the log keeps the consent events as proof of what was agreed).
 */
export interface ErasedPerson {
  status: 'erased';
  personId: string;
  organizationId: string | null;
  erasedAt: string;
}

export type PersonState = { status: 'empty' } | ActivePerson | ErasedPerson;
