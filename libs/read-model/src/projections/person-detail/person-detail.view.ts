import type { ConsentRecord, EncryptedPersonalData } from '@kuhina/domain';

/** One consent fact with when it was recorded as business time and the person stream's revision (which keeps it once). */
export type PersonConsentEntry = ConsentRecord & { at: string; revision: number };

export const PERSON_DETAIL_COLLECTION = 'people';

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/**
 * GET /people/:id and the names of GET /workshops/:id/registrations. The personal data stays sealed here exactly as
 * the events carry it: the query decrypts it with the key store, so destroying a person's key (crypto-shredding)
 * makes this copy unreadable too, as it does every copy in the log.
 */
export type PersonDetailView = {
  personId: string;
  status: 'active' | 'erased';
  /** The latest sealed personal data; null once erased (nothing personal is kept after erasure, not even sealed). */
  personalData: EncryptedPersonalData | null;
  /** The affiliation survives erasure (aggregate figures still add up); answers of an erased person do not show it. */
  organizationId: string | null;
  createdAt: string;
  erasedAt: string | null;
  /**
   * Every consent given or withdrawn, in log order (read them with the domain's `consentOn`: withdrawals win). Emptied
   * on erasure: an erased person has no consent (the log keeps the events as proof). Absent in documents of version 1.
   */
  consents?: PersonConsentEntry[];
  /** Revision of the person's stream after the last event applied: the ETag of GET /people/:id. */
  revision: number;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};
