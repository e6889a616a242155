import type { DomainEvent } from '../shared/decider';
import { PLEDGE_KINDS, type PledgeKind } from '../workshop/workshop.events';

export const ORGANIZATION_SECTORS = [
  'public-administration',
  'sme',
  'social-enterprise',
  'ngo',
  'higher-education',
  'research',
  'global-network',
  'other',
] as const;

export type OrganizationSector = (typeof ORGANIZATION_SECTORS)[number];

export interface OrganizationDetails {
  name: string;
  sector: OrganizationSector;
  municipality: string | null;
  region: string | null;
  /** Finnish business id (Y-tunnus) `1234567-8`, check digit verified; null for foreign or unregistered bodies. */
  businessId: string | null;
  /** Absolute http(s) URL. */
  website: string | null;
}

export const ORGANIZATION_DETAIL_FIELDS = [
  'name',
  'sector',
  'municipality',
  'region',
  'businessId',
  'website',
] as const satisfies readonly (keyof OrganizationDetails)[];

export interface OrganizationRegisteredData extends OrganizationDetails {
  organizationId: string;
  at: string;
}
export type OrganizationRegistered = DomainEvent<'OrganizationRegistered', OrganizationRegisteredData>;

/** Carries only the fields that changed; a null value means the field was cleared. */
export type OrganizationDetailsUpdated = DomainEvent<
  'OrganizationDetailsUpdated',
  { organizationId: string; at: string } & Partial<OrganizationDetails>
>;

// Contact persons: references to people (their personal data stays in the person's erasable stream), with a role.

/** Added again with another role: the role changes. */
export type ContactPersonAdded = DomainEvent<'ContactPersonAdded', { organizationId: string; personId: string; role: string; at: string }>;
export type ContactPersonRemoved = DomainEvent<'ContactPersonRemoved', { organizationId: string; personId: string; at: string }>;

// Offers: resources the organisation can give before any workshop exists (the same kinds as pledges to a workshop).

export const OFFER_KINDS = PLEDGE_KINDS;
export type OfferKind = PledgeKind;

export interface OfferDetails {
  kind: OfferKind;
  description: string;
  /** Offered online (expertise by webinar, marketing channels): available wherever the workshop is. */
  online: boolean;
  /** Where the resource is; null when unknown or only online (an offer on site names at least one of the two). */
  municipality: string | null;
  region: string | null;
  /** How much, in the kind's own unit ("120 seats", "20 m²", "coffee for 150"); null when unknown. */
  capacity: string | null;
  /** In-kind value in cents, when known. */
  valueCents: number | null;
  /** First and last day it can be had (YYYY-MM-DD); null: no limit known. */
  availableFrom: string | null;
  availableUntil: string | null;
}

export const OFFER_DETAIL_FIELDS = [
  'kind',
  'description',
  'online',
  'municipality',
  'region',
  'capacity',
  'valueCents',
  'availableFrom',
  'availableUntil',
] as const satisfies readonly (keyof OfferDetails)[];

export type OfferRecorded = DomainEvent<'OfferRecorded', { organizationId: string; offerId: string; at: string } & OfferDetails>;
/** Carries only the fields that changed; null clears an optional one. */
export type OfferUpdated = DomainEvent<'OfferUpdated', { organizationId: string; offerId: string; at: string } & Partial<OfferDetails>>;
export type OfferWithdrawn = DomainEvent<'OfferWithdrawn', { organizationId: string; offerId: string; reason: string; at: string }>;

export type OrganizationEvent = OrganizationRegistered | OrganizationDetailsUpdated | ContactPersonAdded | ContactPersonRemoved | OfferRecorded | OfferUpdated | OfferWithdrawn;

export const ORGANIZATION_EVENT_TYPES = [
  'OrganizationRegistered',
  'OrganizationDetailsUpdated',
  'ContactPersonAdded',
  'ContactPersonRemoved',
  'OfferRecorded',
  'OfferUpdated',
  'OfferWithdrawn',
] as const;

export type OrganizationEventType = (typeof ORGANIZATION_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allOrganizationEventTypesListed: Same<OrganizationEventType, OrganizationEvent['type']> = true;
