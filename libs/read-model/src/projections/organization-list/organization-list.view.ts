import type { OrganizationSector } from '@kuhina/domain';

/** One line of GET /organizations. */
export type OrganizationListView = {
  organizationId: string;
  name: string;
  sector: OrganizationSector;
  municipality: string | null;
  region: string | null;
  businessId: string | null;
  website: string | null;
  /** Business time of the registration (ISO 8601). */
  registeredAt: string;
  lastPosition: string;
};
