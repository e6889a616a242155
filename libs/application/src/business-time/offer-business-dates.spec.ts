import { fold, organizationDecider, type OrganizationEvent } from '@kuhina/domain';
import { BusinessTimePolicy, BusinessTimeRequiredError, inferBusinessTime } from './business-time';
import type { CommandType } from './business-dates';

// The business dates of a partner's profile: contacts and details are register facts; an offer typed in afterwards is
// dated by the day it became available; withdrawing an offer that ended long ago asks when.
const NOW = '2026-11-27T08:00:00.000Z';
const policy = new BusinessTimePolicy(30);
const infer = (type: CommandType, data: unknown, state: unknown) => inferBusinessTime(type, data, state, NOW, policy);

const organizationId = 'o-1';
const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { organizationId, name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', businessId: null, website: null, at: '2023-01-01T10:00:00Z' },
};
const offer = (offerId: string, availableUntil: string | null): OrganizationEvent => ({
  type: 'OfferRecorded',
  data: { organizationId, offerId, kind: 'venue', description: 'Tent', online: false, municipality: 'Pori', region: 'Satakunta', capacity: null, valueCents: null, availableFrom: null, availableUntil, at: '2023-01-01T10:00:00Z' },
});
const state = fold(organizationDecider, [registered, offer('ended', '2023-07-31'), offer('open', null), offer('ahead', '2027-12-31')]);

describe('business dates of partner profiles', () => {
  it('contacts and details are register facts: the time of the request', () => {
    expect(infer('AddContactPerson', { personId: 'p-1' }, state)).toBe(NOW);
    expect(infer('RemoveContactPerson', { personId: 'p-1' }, state)).toBe(NOW);
    expect(infer('UpdateOrganizationDetails', {}, state)).toBe(NOW);
    expect(infer('UpdateOffer', { offerId: 'open' }, state)).toBe(NOW);
  });

  it('an offer defaults to the day it became available (noon UTC), never later than now; without one, now', () => {
    expect(infer('RecordOffer', { availableFrom: '2023-06-01' }, state)).toBe('2023-06-01T12:00:00.000Z');
    expect(infer('RecordOffer', { availableFrom: '2027-06-01' }, state)).toBe(NOW);
    expect(infer('RecordOffer', { availableFrom: null }, state)).toBe(NOW);
  });

  it('withdrawing an offer that ended more than the margin ago asks when; otherwise now', () => {
    expect(() => infer('WithdrawOffer', { offerId: 'ended' }, state)).toThrow(BusinessTimeRequiredError);
    expect(infer('WithdrawOffer', { offerId: 'open' }, state)).toBe(NOW);
    expect(infer('WithdrawOffer', { offerId: 'ahead' }, state)).toBe(NOW);
    expect(infer('WithdrawOffer', { offerId: 'unknown' }, state)).toBe(NOW);
  });
});
