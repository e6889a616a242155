import type { OfferDetails, OrganizationDetails } from './organization.events';

export type OfferEntry = OfferDetails & { status: 'active' | 'withdrawn' };

export interface RegisteredOrganization extends OrganizationDetails {
  status: 'registered';
  organizationId: string;
  registeredAt: string;
  /** Current contact persons: person id → role. */
  contacts: Readonly<Record<string, string>>;
  /** Every offer ever recorded, by id (withdrawn ones stay: their ids are taken). */
  offers: Readonly<Record<string, OfferEntry>>;
}

export type OrganizationState = { status: 'empty' } | RegisteredOrganization;
