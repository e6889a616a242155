import { OFFER_DETAIL_FIELDS, ORGANIZATION_DETAIL_FIELDS, ORGANIZATION_EVENT_TYPES, type OrganizationEvent, type PledgeFulfilled, type PledgeWithdrawn, type ResourcePledged } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, asIdMap, eventPositionText, idMap, mutatorProjection } from '../../projection';
import { ORGANIZATION_PROFILE_COLLECTION, type OrganizationProfileView } from './organization-profile.view';

const ORGANIZATION_EVENTS: ReadonlySet<string> = new Set(ORGANIZATION_EVENT_TYPES);
const PLEDGE_EVENTS: ReadonlySet<string> = new Set(['ResourcePledged', 'PledgeFulfilled', 'PledgeWithdrawn']);

type PledgeEvent = ResourcePledged | PledgeFulfilled | PledgeWithdrawn;
type ProfileEvent = OrganizationEvent | PledgeEvent;

const emptyProfile = (organizationId: string): OrganizationProfileView => ({
  organizationId,
  name: null,
  sector: null,
  municipality: null,
  region: null,
  businessId: null,
  website: null,
  registeredAt: null,
  contacts: idMap(),
  offers: idMap(),
  pledges: idMap(),
  revision: -1,
  lastPosition: '-1',
});

/** Organisation events change its profile and revision; pledge events (workshop streams) only its pledge history. */
function applyOrganizationEvent(view: OrganizationProfileView, event: OrganizationEvent, revision: number): void {
  view.revision = revision;
  switch (event.type) {
    case 'OrganizationRegistered':
      for (const field of ORGANIZATION_DETAIL_FIELDS) Object.assign(view, { [field]: event.data[field] });
      view.registeredAt = event.data.at;
      return;
    case 'OrganizationDetailsUpdated':
      // Absent = unchanged; null = cleared.
      for (const field of ORGANIZATION_DETAIL_FIELDS) if (event.data[field] !== undefined) Object.assign(view, { [field]: event.data[field] });
      return;
    case 'ContactPersonAdded': {
      const { personId, role, at } = event.data;
      const known = view.contacts[personId];
      // Known since the first time they were added; a new role keeps that day.
      view.contacts[personId] = { personId, role, since: known?.since ?? at };
      return;
    }
    case 'ContactPersonRemoved':
      delete view.contacts[event.data.personId];
      return;
    case 'OfferRecorded': {
      const { organizationId: _o, at, ...offer } = event.data;
      view.offers[offer.offerId] = { ...offer, status: 'active', offeredAt: at, updatedAt: null, withdrawnAt: null, withdrawalReason: null };
      return;
    }
    case 'OfferUpdated': {
      const offer = view.offers[event.data.offerId];
      if (!offer) return;
      for (const field of OFFER_DETAIL_FIELDS) if (event.data[field] !== undefined) Object.assign(offer, { [field]: event.data[field] });
      offer.updatedAt = event.data.at;
      return;
    }
    case 'OfferWithdrawn': {
      const offer = view.offers[event.data.offerId];
      if (!offer) return;
      offer.status = 'withdrawn';
      offer.withdrawnAt = event.data.at;
      offer.withdrawalReason = event.data.reason;
      return;
    }
  }
}

function applyPledgeEvent(view: OrganizationProfileView, event: PledgeEvent): void {
  if (event.type === 'ResourcePledged') {
    const { pledgeId, workshopId, kind, description, inKindValueCents, pledgedAt } = event.data;
    view.pledges[pledgeId] = { pledgeId, workshopId, kind, description, inKindValueCents, status: 'pending', pledgedAt, fulfilledAt: null, withdrawnAt: null };
    return;
  }
  const pledge = view.pledges[event.data.pledgeId];
  if (!pledge) return;
  if (event.type === 'PledgeFulfilled') {
    pledge.status = 'fulfilled';
    pledge.fulfilledAt = event.data.fulfilledAt;
  } else {
    pledge.status = 'withdrawn';
    pledge.withdrawnAt = event.data.withdrawnAt;
  }
}

/** GET /organizations/:id (profile, contacts, offers) and GET /resources (offers joined with pledge history). */
export const organizationProfileProjection = mutatorProjection<OrganizationProfileView>({
  name: 'organization-profile',
  version: 1,
  collection: ORGANIZATION_PROFILE_COLLECTION,
  eventTypes: [...ORGANIZATION_EVENTS, ...PLEDGE_EVENTS],

  keysOf(event: RecordedEvent) {
    if (!ORGANIZATION_EVENTS.has(event.type) && !PLEDGE_EVENTS.has(event.type)) return [];
    const { organizationId } = event.data as { organizationId?: unknown };
    return typeof organizationId === 'string' ? [organizationId] : [];
  },

  apply(draft, event, key) {
    if (alreadyApplied(draft, event)) return draft;
    const view = draft ?? emptyProfile(key);
    // Maps parsed from a stored document get a null prototype: ids such as "__proto__" stay plain keys.
    view.contacts = asIdMap(view.contacts);
    view.offers = asIdMap(view.offers);
    view.pledges = asIdMap(view.pledges);
    const typed = { type: event.type, data: event.data } as ProfileEvent;
    if (ORGANIZATION_EVENTS.has(event.type)) applyOrganizationEvent(view, typed as OrganizationEvent, event.revision);
    else applyPledgeEvent(view, typed as PledgeEvent);
    view.lastPosition = eventPositionText(event);
    return view;
  },

  indexesOf(view) {
    return { sortKey: (view.name ?? '').toLocaleLowerCase('fi') };
  },
});
