// What the resource page shows, apart from the DOM: the filter as a query, and each line of the map as text.
import type { ResourceEntry, ResourceOffer, ResourcePledgeHistory } from '../../apps/api/src/resources/get-resources/resource-map';
import { PLEDGE_KINDS } from '../../libs/domain/src/workshop/workshop.events';

/** The kinds a partner can offer or pledge: the domain's own list. */
export const KINDS = PLEDGE_KINDS;

export interface ResourceFilter {
  kind: string;
  region: string;
  municipality: string;
  availableOn: string;
}

/** A line of the map as GET /resources answers it (the API's own type), and the parts of it the page describes. */
export type MapEntry = ResourceEntry;
type MapOffer = Pick<ResourceOffer, 'description' | 'online' | 'municipality' | 'region' | 'capacity' | 'valueCents' | 'availableFrom' | 'availableUntil'>;
type MapWorkshop = Pick<ResourcePledgeHistory, 'workshopId' | 'title' | 'startsAt' | 'municipality' | 'status' | 'description'>;

const FIELDS = ['kind', 'region', 'municipality', 'availableOn'] as const;

/** The filter from a page address (`?kind=venue&region=Satakunta`); unknown kinds and blanks are left out. */
export function filterFrom(search: string): ResourceFilter {
  const params = new URLSearchParams(search);
  const value = (name: string) => (params.get(name) ?? '').trim();
  const kind = value('kind');
  return { kind: (KINDS as readonly string[]).includes(kind) ? kind : '', region: value('region'), municipality: value('municipality'), availableOn: value('availableOn') };
}

/** The query of GET /resources (and of the page's own address) for a filter: only the fields given. */
export function queryOf(filter: ResourceFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (filter[field].trim() !== '') params.set(field, filter[field].trim());
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const euros = (cents: number): string => `${(cents / 100).toLocaleString('fi-FI', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} €`;

/** Where an offer is, as one phrase: "Pori, Satakunta", "online", or "online · Pori". */
export function placeOf(offer: Pick<MapOffer, 'online' | 'municipality' | 'region'>): string {
  const place = [offer.municipality, offer.region].filter((part): part is string => part !== null).join(', ');
  return offer.online ? (place === '' ? 'online' : `online · ${place}`) : place || '—';
}

/** One offer in a line: what, where, how much, when. */
export function describeOffer(offer: MapOffer): string {
  const parts = [offer.description, placeOf(offer)];
  if (offer.capacity !== null) parts.push(offer.capacity);
  if (offer.valueCents !== null) parts.push(euros(offer.valueCents));
  if (offer.availableFrom !== null || offer.availableUntil !== null) parts.push(`${offer.availableFrom ?? '…'} – ${offer.availableUntil ?? '…'}`);
  return parts.join(' · ');
}

/** The partner's record with this kind of resource: "2 fulfilled (1,200 €), 1 withdrawn". */
export function describeHistory(history: MapEntry['history']): string {
  if (history.pledged === 0) return 'no pledges yet';
  const parts: string[] = [];
  if (history.fulfilled > 0) parts.push(`${history.fulfilled} fulfilled (${euros(history.fulfilledValueCents)})`);
  if (history.pending > 0) parts.push(`${history.pending} pending`);
  if (history.withdrawn > 0) parts.push(`${history.withdrawn} withdrawn`);
  return parts.join(', ');
}

/** A workshop behind a pledge: "Työpaja 3 … (2023-09-12, Kemi): fulfilled". */
export function describeWorkshop(workshop: MapWorkshop): string {
  const when = [workshop.startsAt?.slice(0, 10), workshop.municipality].filter(Boolean).join(', ');
  return `${workshop.title ?? workshop.workshopId}${when ? ` (${when})` : ''}: ${workshop.status}`;
}
