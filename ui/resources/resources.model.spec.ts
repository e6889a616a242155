import { describeHistory, describeOffer, describeWorkshop, filterFrom, placeOf, queryOf } from './resources.model';

describe('resource page model', () => {
  it('reads the filter from the address, dropping unknown kinds and blanks', () => {
    expect(filterFrom('?kind=venue&region=%20Satakunta%20&municipality=&availableOn=2024-07-01')).toEqual({ kind: 'venue', region: 'Satakunta', municipality: '', availableOn: '2024-07-01' });
    expect(filterFrom('?kind=tent').kind).toBe('');
  });

  it('writes only the fields given', () => {
    expect(queryOf({ kind: '', region: 'Lappi', municipality: ' ', availableOn: '' })).toBe('?region=Lappi');
    expect(queryOf({ kind: '', region: '', municipality: '', availableOn: '' })).toBe('');
    expect(queryOf({ kind: 'venue', region: '', municipality: '', availableOn: '' }, { format: 'csv' })).toBe('?kind=venue&format=csv');
  });

  it('describes offers, places, history and workshops in words', () => {
    expect(placeOf({ online: true, municipality: null, region: null })).toBe('online');
    expect(placeOf({ online: false, municipality: 'Pori', region: 'Satakunta' })).toBe('Pori, Satakunta');
    const offer = { offerId: 'o', description: 'Tent', online: false, municipality: 'Pori', region: null, capacity: '1 tent', valueCents: 50_000, availableFrom: '2024-07-01', availableUntil: null };
    expect(describeOffer(offer)).toBe('Tent · Pori · 1 tent · 500 € · 2024-07-01 – …');
    expect(describeHistory({ pledged: 0, fulfilled: 0, pending: 0, withdrawn: 0, fulfilledValueCents: 0 })).toBe('no pledges yet');
    expect(describeHistory({ pledged: 3, fulfilled: 2, pending: 0, withdrawn: 1, fulfilledValueCents: 120_000 })).toBe('2 fulfilled (1\u00a0200 €), 1 withdrawn');
    expect(describeWorkshop({ workshopId: 'w', title: 'Kemi', startsAt: '2023-09-12T12:00:00+03:00', municipality: 'Kemi', status: 'fulfilled', description: '' })).toBe('Kemi (2023-09-12, Kemi): fulfilled');
  });
});
