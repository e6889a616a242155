import type { OrganizationDetails } from '@kuhina/domain';

export const ORGANIZATION_LIST_COLLECTION = 'organizations';

/**
 * One line of GET /organizations, and GET /organizations/:id: the organisation's details as registered (or last
 * changed). (Pick copies the interface into a type literal, which a view document's index signature accepts.)
 */
export type OrganizationListView = Pick<OrganizationDetails, keyof OrganizationDetails> & {
  organizationId: string;
  /** Business time of the registration (ISO 8601). */
  registeredAt: string;
  /** Revision of the organisation's stream after the last event applied: the ETag of GET /organizations/:id. */
  revision: number;
  lastPosition: string;
};
