import type { OrganizationSector, PledgeKind } from '@kuhina/domain';
import type { OrganizationProfileView, ProfileOffer, ProfilePledge } from '@kuhina/read-model';

export interface ResourceFilter {
  kind?: PledgeKind;
  region?: string;
  municipality?: string;
  /** YYYY-MM-DD: only offers available that day (pledge history alone says nothing about a coming day). */
  availableOn?: string;
}

/** What the map knows of a workshop behind a pledge (from the workshops view). */
export interface ResourceWorkshop {
  workshopId: string;
  title: string | null;
  startsAt: string | null;
  municipality: string | null;
  region: string | null;
  /** in-person, hybrid, webinar; null when the workshop is not in the views. */
  format: string | null;
}

export type ResourceOffer = Pick<ProfileOffer, 'offerId' | 'description' | 'online' | 'municipality' | 'region' | 'capacity' | 'valueCents' | 'availableFrom' | 'availableUntil' | 'offeredAt'>;

export type ResourcePledgeHistory = ResourceWorkshop & Pick<ProfilePledge, 'pledgeId' | 'description' | 'inKindValueCents' | 'status' | 'pledgedAt' | 'fulfilledAt' | 'withdrawnAt'>;

/** One line of the map: what one organisation can give of one kind, from its offers and its pledges to workshops. */
export interface ResourceEntry {
  rank: number;
  organizationId: string;
  organizationName: string;
  sector: OrganizationSector | null;
  /** Where the organisation itself is. */
  municipality: string | null;
  region: string | null;
  kind: PledgeKind;
  /** Active offers of this kind (those matching the place and day asked for). */
  offers: ResourceOffer[];
  /** Pledges of this kind to workshops, with the workshop behind each, newest first. */
  workshops: ResourcePledgeHistory[];
  history: { pledged: number; fulfilled: number; pending: number; withdrawn: number; fulfilledValueCents: number };
}

const same = (a: string | null, b: string | undefined): boolean => b === undefined || (a !== null && a.trim().toLocaleLowerCase('fi') === b.trim().toLocaleLowerCase('fi'));

/** An online offer is at hand wherever the workshop is. */
const offerIsIn = (offer: ProfileOffer, filter: ResourceFilter): boolean =>
  (filter.region === undefined && filter.municipality === undefined) || offer.online || (same(offer.region, filter.region) && same(offer.municipality, filter.municipality));

const availableOn = (offer: ProfileOffer, day: string | undefined): boolean =>
  day === undefined || ((offer.availableFrom === null || offer.availableFrom <= day) && (offer.availableUntil === null || offer.availableUntil >= day));

const placeAsked = (filter: ResourceFilter): boolean => filter.region !== undefined || filter.municipality !== undefined;

/**
 * Who can offer what, where: per organisation and kind, its active offers joined with its pledge history. A partner
 * that fulfilled a pledge before ranks first (more fulfilled, higher), then those offering now, then those with
 * pledges pending, fewer withdrawals, and by name. Pure: the handler reads the views and the workshops behind pledges.
 */
export function buildResourceMap(profiles: readonly OrganizationProfileView[], workshops: ReadonlyMap<string, ResourceWorkshop>, filter: ResourceFilter): ResourceEntry[] {
  const entries: Omit<ResourceEntry, 'rank'>[] = [];
  for (const profile of profiles) {
    if (profile.name === null) continue;
    const kinds = new Map<PledgeKind, { offers: ProfileOffer[]; pledges: ProfilePledge[] }>();
    const of = (kind: PledgeKind) => kinds.get(kind) ?? kinds.set(kind, { offers: [], pledges: [] }).get(kind)!;
    for (const offer of Object.values(profile.offers)) if (offer.status === 'active') of(offer.kind).offers.push(offer);
    for (const pledge of Object.values(profile.pledges)) of(pledge.kind).pledges.push(pledge);
    for (const [kind, { offers, pledges }] of kinds) {
      if (filter.kind !== undefined && kind !== filter.kind) continue;
      const matching = offers.filter((offer) => offerIsIn(offer, filter) && availableOn(offer, filter.availableOn));
      if (filter.availableOn !== undefined && matching.length === 0) continue;
      const history = pledges.map((pledge): ResourcePledgeHistory => {
        const workshop = workshops.get(pledge.workshopId) ?? { workshopId: pledge.workshopId, title: null, startsAt: null, municipality: null, region: null, format: null };
        const { pledgeId, description, inKindValueCents, status, pledgedAt, fulfilledAt, withdrawnAt } = pledge;
        return { ...workshop, pledgeId, description, inKindValueCents, status, pledgedAt, fulfilledAt, withdrawnAt };
      });
      // The place asked for: an offer there (or online), a pledge to a workshop there, or the organisation itself there.
      if (placeAsked(filter)) {
        const here = (place: { municipality: string | null; region: string | null }) => same(place.region, filter.region) && same(place.municipality, filter.municipality);
        if (matching.length === 0 && !history.some(here) && !here(profile)) continue;
      }
      const count = (status: ProfilePledge['status']) => pledges.filter((pledge) => pledge.status === status).length;
      entries.push({
        organizationId: profile.organizationId,
        organizationName: profile.name,
        sector: profile.sector,
        municipality: profile.municipality,
        region: profile.region,
        kind,
        offers: matching
          .sort((a, b) => a.offeredAt.localeCompare(b.offeredAt))
          .map(({ offerId, description, online, municipality, region, capacity, valueCents, availableFrom, availableUntil, offeredAt }) => ({
            offerId,
            description,
            online,
            municipality,
            region,
            capacity,
            valueCents,
            availableFrom,
            availableUntil,
            offeredAt,
          })),
        workshops: history.sort((a, b) => b.pledgedAt.localeCompare(a.pledgedAt)),
        history: {
          pledged: pledges.length,
          fulfilled: count('fulfilled'),
          pending: count('pending'),
          withdrawn: count('withdrawn'),
          fulfilledValueCents: pledges.reduce((sum, pledge) => sum + (pledge.status === 'fulfilled' ? pledge.inKindValueCents : 0), 0),
        },
      });
    }
  }
  entries.sort(
    (a, b) =>
      b.history.fulfilled - a.history.fulfilled ||
      Number(b.offers.length > 0) - Number(a.offers.length > 0) ||
      b.history.pending - a.history.pending ||
      a.history.withdrawn - b.history.withdrawn ||
      a.organizationName.localeCompare(b.organizationName, 'fi') ||
      a.kind.localeCompare(b.kind),
  );
  return entries.map((entry, index) => ({ rank: index + 1, ...entry }));
}
