import type { DomainCommand } from '../shared/decider';
import type { OrganizationDetails } from './organization.events';

export type RegisterOrganization = DomainCommand<'RegisterOrganization', { organizationId: string } & OrganizationDetails>;

/** Fields left out (or undefined) stay as they are; null clears an optional field. */
export type UpdateOrganizationDetails = DomainCommand<
  'UpdateOrganizationDetails',
  { organizationId: string } & Partial<OrganizationDetails>
>;

export type OrganizationCommand = RegisterOrganization | UpdateOrganizationDetails;
