import { conflict, invalid, notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import { INTEGER } from '../shared/rules';
import type { RecordOffer, UpdateOffer, WithdrawOffer } from './organization.commands';
import { OrganizationErrors as E } from './organization.errors';
import { OFFER_DETAIL_FIELDS, OFFER_KINDS, type OfferDetails, type OfferRecorded, type OfferUpdated, type OfferWithdrawn, type OrganizationEvent } from './organization.events';
import type { OfferEntry, RegisteredOrganization } from './organization.state';

// Offers: what an organisation can give (venue, materials, know-how, ...) before any workshop asks for it.

const offerField = fieldChecks(E.OFFER_INVALID_FIELD);

/** Checks a whole offer (recorded, or after an update): every field, then the rules across fields. */
function validateOffer(offer: OfferDetails): void {
  offerField.oneOf(offer.kind, OFFER_KINDS, 'kind');
  offerField.text(offer.description, 'description');
  offerField.boolean(offer.online, 'online');
  offerField.nonBlankOrNull(offer.municipality, 'municipality');
  offerField.nonBlankOrNull(offer.region, 'region');
  offerField.nonBlankOrNull(offer.capacity, 'capacity');
  if (offer.valueCents !== null) offerField.integer(offer.valueCents, INTEGER.CENTS, 'valueCents');
  if (offer.availableFrom !== null) offerField.date(offer.availableFrom, 'availableFrom');
  if (offer.availableUntil !== null) offerField.date(offer.availableUntil, 'availableUntil');
  if (!offer.online && offer.municipality === null && offer.region === null) {
    throw invalid(E.OFFER_PLACE_REQUIRED, 'An offer that is not online must name a municipality or a region', { field: 'municipality' });
  }
  if (offer.availableFrom !== null && offer.availableUntil !== null && offer.availableUntil < offer.availableFrom) {
    throw invalid(E.OFFER_PERIOD_INVALID, `availableUntil ${offer.availableUntil} is before availableFrom ${offer.availableFrom}`, {
      field: 'availableUntil',
      availableFrom: offer.availableFrom,
      availableUntil: offer.availableUntil,
    });
  }
}

const detailsOf = (source: OfferDetails): OfferDetails => ({
  kind: source.kind,
  description: source.description,
  online: source.online,
  municipality: source.municipality,
  region: source.region,
  capacity: source.capacity,
  valueCents: source.valueCents,
  availableFrom: source.availableFrom,
  availableUntil: source.availableUntil,
});

const changedFields = (current: OfferDetails, proposed: Partial<OfferDetails>): Partial<OfferDetails> => {
  const changes: Record<string, unknown> = {};
  for (const field of OFFER_DETAIL_FIELDS) {
    if (proposed[field] !== undefined && proposed[field] !== current[field]) changes[field] = proposed[field];
  }
  return changes as Partial<OfferDetails>;
};

const offerOf = (organization: RegisteredOrganization, offerId: string): OfferEntry | undefined =>
  Object.hasOwn(organization.offers, offerId) ? organization.offers[offerId] : undefined;

function activeOffer(organization: RegisteredOrganization, offerId: string): OfferEntry {
  offerField.text(offerId, 'offerId');
  const offer = offerOf(organization, offerId);
  if (!offer) throw notFound(E.OFFER_NOT_FOUND, `Offer ${offerId} does not exist at organization ${organization.organizationId}`, { offerId });
  if (offer.status === 'withdrawn') throw conflict(E.OFFER_WITHDRAWN, `Offer ${offerId} was withdrawn`, { offerId });
  return offer;
}

export function recordOffer({ data, at }: RecordOffer, organization: RegisteredOrganization): OrganizationEvent[] {
  offerField.text(data.offerId, 'offerId');
  // Left out: where the organisation itself is, unless the offer is online only (then nowhere in particular).
  const ownPlace = (given: string | null | undefined, own: string | null): string | null => (given !== undefined ? given : data.online === true ? null : own);
  const details = detailsOf({ ...data, municipality: ownPlace(data.municipality, organization.municipality), region: ownPlace(data.region, organization.region) });
  validateOffer(details);
  const known = offerOf(organization, data.offerId);
  if (known) {
    if (known.status === 'active' && Object.keys(changedFields(known, details)).length === 0) return [];
    throw conflict(E.OFFER_ALREADY_EXISTS, `Offer id ${data.offerId} is taken`, { offerId: data.offerId });
  }
  const event: OfferRecorded = { type: 'OfferRecorded', data: { organizationId: organization.organizationId, offerId: data.offerId, ...details, at } };
  return [event];
}

export function updateOffer({ data, at }: UpdateOffer, organization: RegisteredOrganization): OrganizationEvent[] {
  const offer = activeOffer(organization, data.offerId);
  const proposed: Record<string, unknown> = {};
  for (const field of OFFER_DETAIL_FIELDS) if (data[field] !== undefined) proposed[field] = data[field];
  const changes = changedFields(offer, proposed as Partial<OfferDetails>);
  if (Object.keys(changes).length === 0) return [];
  validateOffer({ ...detailsOf(offer), ...changes });
  const event: OfferUpdated = { type: 'OfferUpdated', data: { organizationId: organization.organizationId, offerId: data.offerId, ...changes, at } };
  return [event];
}

export function withdrawOffer({ data, at }: WithdrawOffer, organization: RegisteredOrganization): OrganizationEvent[] {
  offerField.text(data.offerId, 'offerId');
  offerField.text(data.reason, 'reason');
  const offer = offerOf(organization, data.offerId);
  // Withdrawing again changes nothing (a retry, or two people at once); the first reason stands.
  if (offer?.status === 'withdrawn') return [];
  activeOffer(organization, data.offerId);
  const event: OfferWithdrawn = { type: 'OfferWithdrawn', data: { organizationId: organization.organizationId, offerId: data.offerId, reason: data.reason, at } };
  return [event];
}

export function evolveOffers(organization: RegisteredOrganization, event: OfferRecorded | OfferUpdated | OfferWithdrawn): RegisteredOrganization {
  const { offerId } = event.data;
  const current = offerOf(organization, offerId);
  let next: OfferEntry | undefined;
  if (event.type === 'OfferRecorded') next = { ...detailsOf(event.data), status: 'active' };
  else if (!current) return organization; // never in a sound stream; ignoring keeps evolve total
  else if (event.type === 'OfferUpdated') next = { ...current, ...changedFields(current, event.data) };
  else next = { ...current, status: 'withdrawn' };
  return { ...organization, offers: { ...organization.offers, [offerId]: next } };
}
