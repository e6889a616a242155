import type { OfferDetails, OrganizationDetails, PledgeKind } from '@kuhina/domain';

export const ORGANIZATION_PROFILE_COLLECTION = 'organization-profiles';

/** A contact person: a reference to a person (whose personal data stays in the person's sealed stream) and a role. */
export type ProfileContact = { personId: string; role: string; since: string };

/** An offer as recorded, with its last changes and what became of it. */
export type ProfileOffer = { offerId: string } & { [K in keyof OfferDetails]: OfferDetails[K] } & {
  status: 'active' | 'withdrawn';
  offeredAt: string;
  updatedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
};

/** A pledge the organisation made to a workshop, and what became of it: the history the resource map ranks by. */
export type ProfilePledge = {
  pledgeId: string;
  workshopId: string;
  kind: PledgeKind;
  description: string;
  inKindValueCents: number;
  status: 'pending' | 'fulfilled' | 'withdrawn';
  pledgedAt: string;
  fulfilledAt: string | null;
  withdrawnAt: string | null;
};

/**
 * A partner's profile (GET /organizations/:id) and its line of the resource map (GET /resources): details, contacts,
 * offers and pledge history of one organisation. A type alias, so that a view document's index signature accepts it.
 */
export type OrganizationProfileView = { [K in keyof OrganizationDetails]: OrganizationDetails[K] | null } & {
  organizationId: string;
  /** null until OrganizationRegistered is seen (never in a sound log: a pledge names a registered organisation). */
  registeredAt: string | null;
  contacts: Record<string, ProfileContact>;
  offers: Record<string, ProfileOffer>;
  pledges: Record<string, ProfilePledge>;
  /** Revision of the organisation's stream after its last event applied (pledges leave it): the ETag. */
  revision: number;
  lastPosition: string;
};
