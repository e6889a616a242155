import type { EncryptedPersonalData } from './person.events';

export interface ActivePerson {
  status: 'active';
  personId: string;
  personalData: EncryptedPersonalData;
  emailBlindIndex: string | null;
  organizationId: string | null;
  createdAt: string;
}

/** What survives erasure: the pseudonymous id and its affiliation, so aggregate figures still add up. */
export interface ErasedPerson {
  status: 'erased';
  personId: string;
  organizationId: string | null;
  erasedAt: string;
}

export type PersonState = { status: 'empty' } | ActivePerson | ErasedPerson;
