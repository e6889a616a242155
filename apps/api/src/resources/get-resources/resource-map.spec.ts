import type { OrganizationProfileView, ProfileOffer, ProfilePledge } from '@kuhina/read-model';
import { buildResourceMap, type ResourceWorkshop } from './resource-map';
import { resourceMapCsv } from './resource-map.csv';

const profile = (organizationId: string, name: string, place: [string | null, string | null], offers: ProfileOffer[] = [], pledges: ProfilePledge[] = []): OrganizationProfileView => ({
  organizationId,
  name,
  sector: 'ngo',
  municipality: place[0],
  region: place[1],
  businessId: null,
  website: null,
  registeredAt: '2023-01-01T10:00:00Z',
  contacts: {},
  offers: Object.fromEntries(offers.map((offer) => [offer.offerId, offer])),
  pledges: Object.fromEntries(pledges.map((pledge) => [pledge.pledgeId, pledge])),
  revision: 0,
  lastPosition: '1',
});
const offer = (offerId: string, over: Partial<ProfileOffer> = {}): ProfileOffer => ({
  offerId,
  kind: 'venue',
  description: `offer ${offerId}`,
  online: false,
  municipality: 'Pori',
  region: 'Satakunta',
  capacity: null,
  valueCents: null,
  availableFrom: null,
  availableUntil: null,
  status: 'active',
  offeredAt: '2023-02-01T10:00:00Z',
  updatedAt: null,
  withdrawnAt: null,
  withdrawalReason: null,
  ...over,
});
const pledge = (pledgeId: string, workshopId: string, status: ProfilePledge['status'], kind: ProfilePledge['kind'] = 'venue'): ProfilePledge => ({
  pledgeId,
  workshopId,
  kind,
  description: `pledge ${pledgeId}`,
  inKindValueCents: 10_000,
  status,
  pledgedAt: `2023-0${pledgeId.length}-01T10:00:00Z`,
  fulfilledAt: status === 'fulfilled' ? '2023-05-01T10:00:00Z' : null,
  withdrawnAt: status === 'withdrawn' ? '2023-05-01T10:00:00Z' : null,
});
const workshops = new Map<string, ResourceWorkshop>([
  ['w-rauma', { workshopId: 'w-rauma', title: 'Rauma', startsAt: '2023-04-19T09:00:00+03:00', municipality: 'Rauma', region: 'Satakunta', format: 'in-person' }],
  ['w-kemi', { workshopId: 'w-kemi', title: 'Kemi', startsAt: '2023-09-07T09:00:00+03:00', municipality: 'Kemi', region: 'Lappi', format: 'hybrid' }],
]);

const city = profile('o-city', 'Porin kaupunki', ['Pori', 'Satakunta'], [offer('tent', { availableFrom: '2024-07-01', availableUntil: '2024-07-31' }), offer('gone', { status: 'withdrawn' })]);
const rauma = profile('o-rauma', 'Rauman kaupunki', ['Rauma', 'Satakunta'], [], [pledge('p', 'w-rauma', 'fulfilled'), pledge('pp', 'w-rauma', 'withdrawn')]);
const lapland = profile('o-lapin', 'Lapin AMK', ['Rovaniemi', 'Lappi'], [offer('web', { kind: 'expertise', online: true, municipality: null, region: null })], [pledge('ppp', 'w-kemi', 'pending', 'expertise')]);
const forum = profile('o-forum', 'Forum', [null, null], [], [pledge('pppp', 'w-kemi', 'withdrawn')]);
const all = [city, rauma, lapland, forum];

describe('buildResourceMap', () => {
  const sut = buildResourceMap;

  it('one line per organisation and kind, the partner that fulfilled before first, then those offering now', () => {
    const map = sut(all, workshops, {});
    expect(map.map((entry) => [entry.rank, entry.organizationName, entry.kind])).toEqual([
      [1, 'Rauman kaupunki', 'venue'],
      [2, 'Lapin AMK', 'expertise'],
      [3, 'Porin kaupunki', 'venue'],
      [4, 'Forum', 'venue'],
    ]);
    expect(map[0]).toMatchObject({ offers: [], history: { pledged: 2, fulfilled: 1, pending: 0, withdrawn: 1, fulfilledValueCents: 10_000 } });
    expect(map[0]!.workshops.map((w) => [w.title, w.status])).toEqual([['Rauma', 'withdrawn'], ['Rauma', 'fulfilled']]);
  });

  it('leaves withdrawn offers out', () => {
    expect(sut([city], workshops, {})[0]!.offers.map((o) => o.offerId)).toEqual(['tent']);
  });

  it('filters by kind', () => {
    expect(sut(all, workshops, { kind: 'expertise' }).map((entry) => entry.organizationName)).toEqual(['Lapin AMK']);
  });

  it('a place matches an offer there or online, a pledge to a workshop there, or the organisation itself (case-insensitive)', () => {
    expect(sut(all, workshops, { region: 'satakunta' }).map((entry) => entry.organizationName)).toEqual(['Rauman kaupunki', 'Lapin AMK', 'Porin kaupunki']);
    expect(sut(all, workshops, { municipality: 'Kemi' }).map((entry) => entry.organizationName)).toEqual(['Lapin AMK', 'Forum']);
  });

  it('a day keeps only lines with an offer available that day', () => {
    expect(sut(all, workshops, { availableOn: '2024-07-15' }).map((entry) => entry.organizationName)).toEqual(['Lapin AMK', 'Porin kaupunki']);
    expect(sut(all, workshops, { availableOn: '2024-08-01' }).map((entry) => entry.organizationName)).toEqual(['Lapin AMK']);
  });

  it('a pledge to a workshop the views do not know keeps its id, without title', () => {
    const [entry] = sut([profile('o-x', 'X', ['Pori', 'Satakunta'], [], [pledge('p', 'w-unknown', 'pending')])], workshops, {});
    expect(entry!.workshops[0]).toMatchObject({ workshopId: 'w-unknown', title: null, status: 'pending' });
  });

  it('as CSV: one row per offer and per pledge, with its line rank', () => {
    const csv = resourceMapCsv(sut([rauma, lapland], workshops, {}));
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('rank,organization_id,organization,sector,kind,source,status,description,online,municipality,region,capacity,value_cents,available_from,available_until,workshop_id,workshop_title,workshop_starts_at,fulfilled_before');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      '1,o-rauma,Rauman kaupunki,ngo,venue,pledge,withdrawn',
      '1,o-rauma,Rauman kaupunki,ngo,venue,pledge,fulfilled',
      '2,o-lapin,Lapin AMK,ngo,expertise,offer,active',
      '2,o-lapin,Lapin AMK,ngo,expertise,pledge,pending',
    ]);
  });
});
