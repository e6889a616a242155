import type { OrganizationDetails } from './organization.events';

export interface RegisteredOrganization extends OrganizationDetails {
  status: 'registered';
  organizationId: string;
  registeredAt: string;
}

export type OrganizationState = { status: 'empty' } | RegisteredOrganization;
