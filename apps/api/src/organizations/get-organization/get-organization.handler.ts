import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrganizationErrors, type OrganizationDetails } from '@kuhina/domain';
import { ORGANIZATION_LIST_COLLECTION, ORGANIZATION_PROFILE_COLLECTION, organizationEntity, type OrganizationListView, type OrganizationProfileView, type ProfileContact, type ProfileOffer, type ProfilePledge } from '@kuhina/read-model';
import { historyOf, type ChainHistory } from '../../common/views/entity-history';
import { ViewReader } from '../../common/views/view-reader';
import { GetOrganizationQuery } from './get-organization.query';

/** A partner's profile: its details, contact persons, offers (withdrawn ones too) and the pledges it made to workshops. */
export type OrganizationProfile = OrganizationDetails & {
  status: 'registered';
  organizationId: string;
  registeredAt: string;
  /** Omitted for analysts and auditors (contact persons are people): they see `contactCount`. */
  contacts?: ProfileContact[];
  contactCount: number;
  offers: ProfileOffer[];
  pledges: ProfilePledge[];
  /** Every chain it took part in (chains by period, workshops in chain order): co-organiser, pledger, or the roles of the people it sent. Ids and roles only, so every role reads it. */
  chains: ChainHistory[];
};

export interface OrganizationView {
  organization: OrganizationProfile;
  /** The organisation stream's revision after the last event the view applied: the ETag. */
  revision: number;
}

const byTime = <T>(of: (item: T) => string) => (a: T, b: T): number => of(a).localeCompare(of(b));

/**
 * The organisation from the organisations view, with contacts, offers and pledge history from the profiles view, and
 * its history across chains from the chain-lessons view (which the ETag does not cover: it is the organisation's own stream).
 */
@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery, OrganizationView> {
  constructor(private readonly views: ViewReader) {}

  async execute({ organizationId, withContacts }: GetOrganizationQuery): Promise<OrganizationView> {
    const view = await this.views.one<OrganizationListView>(ORGANIZATION_LIST_COLLECTION, organizationId, OrganizationErrors.NOT_FOUND, 'organisation', { organizationId });
    // Both views are written in the same projector batch; the profile sees every event of the stream (the ETag).
    const profile = await this.views.maybe<OrganizationProfileView>(ORGANIZATION_PROFILE_COLLECTION, organizationId);
    const { name, sector, municipality, region, businessId, website, registeredAt } = view;
    const contacts = Object.values(profile?.contacts ?? {}).sort(byTime((contact) => contact.since));
    return {
      revision: Math.max(view.revision, profile?.revision ?? -1),
      organization: {
        status: 'registered',
        organizationId: view.organizationId,
        name,
        sector,
        municipality,
        region,
        businessId,
        website,
        registeredAt,
        ...(withContacts ? { contacts } : {}),
        contactCount: contacts.length,
        offers: Object.values(profile?.offers ?? {}).sort(byTime((offer) => offer.offeredAt)),
        pledges: Object.values(profile?.pledges ?? {}).sort(byTime((pledge) => pledge.pledgedAt)),
        chains: await historyOf(this.views, organizationEntity(view.organizationId)),
      },
    };
  }
}
