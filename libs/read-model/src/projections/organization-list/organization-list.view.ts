import type { OrganizationDetails } from '@kuhina/domain';

/**
 * One line of GET /organizations: the organisation's details as registered (or last changed). (Pick copies the
 * interface into a type literal, which a view document's index signature accepts.)
 */
export type OrganizationListView = Pick<OrganizationDetails, keyof OrganizationDetails> & {
  organizationId: string;
  /** Business time of the registration (ISO 8601). */
  registeredAt: string;
  lastPosition: string;
};
