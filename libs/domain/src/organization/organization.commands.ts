import type { DomainCommand } from '../shared/decider';
import type { OfferDetails, OrganizationDetails } from './organization.events';

export type RegisterOrganization = DomainCommand<'RegisterOrganization', { organizationId: string } & OrganizationDetails>;

/** Fields left out (or undefined) stay as they are; null clears an optional field. */
export type UpdateOrganizationDetails = DomainCommand<
  'UpdateOrganizationDetails',
  { organizationId: string } & Partial<OrganizationDetails>
>;

export type AddContactPerson = DomainCommand<'AddContactPerson', { organizationId: string; personId: string; role: string }>;
export type RemoveContactPerson = DomainCommand<'RemoveContactPerson', { organizationId: string; personId: string }>;

/**
 * `municipality` and `region` left out (undefined): the organisation's own, unless the offer is online only. null:
 * none (then the offer must be online or name the other).
 */
export type RecordOffer = DomainCommand<
  'RecordOffer',
  { organizationId: string; offerId: string } & Omit<OfferDetails, 'municipality' | 'region'> & { municipality?: string | null; region?: string | null }
>;
/** Fields left out (or undefined) stay as they are; null clears an optional field. */
export type UpdateOffer = DomainCommand<'UpdateOffer', { organizationId: string; offerId: string } & Partial<OfferDetails>>;
export type WithdrawOffer = DomainCommand<'WithdrawOffer', { organizationId: string; offerId: string; reason: string }>;

export type OrganizationCommand = RegisterOrganization | UpdateOrganizationDetails | AddContactPerson | RemoveContactPerson | RecordOffer | UpdateOffer | WithdrawOffer;
