import type { DomainEvent } from '../shared/decider';

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

export type OrganizationEvent = OrganizationRegistered | OrganizationDetailsUpdated;

export const ORGANIZATION_EVENT_TYPES = ['OrganizationRegistered', 'OrganizationDetailsUpdated'] as const;

export type OrganizationEventType = (typeof ORGANIZATION_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allOrganizationEventTypesListed: Same<OrganizationEventType, OrganizationEvent['type']> = true;
