import { ageBandOn, esfProfileOf } from './esf-profile';

describe('ESF reporting categories', () => {
  it.each([
    [2006, 'under-18'],
    [2005, '18-29'],
    [1994, '18-29'],
    [1993, '30-54'],
    [1969, '30-54'],
    [1968, '55-plus'],
    [undefined, 'unknown'],
    [2030, 'unknown'],
  ])('born %p is %s on 2023-06-14', (birthYear, band) => {
    expect(ageBandOn(birthYear, '2023-06-14T10:00:00.000Z')).toBe(band);
  });

  it('keeps the known answers, turns undisclosed and missing ones into unknown, and nothing asked into null', () => {
    expect(esfProfileOf({ gender: 'female', birthYear: 1985, labourMarketStatus: 'undisclosed' }, '2023-04-19')).toEqual({
      gender: 'female',
      ageBand: '30-54',
      labourMarketStatus: 'unknown',
      educationLevel: 'unknown',
    });
    expect(esfProfileOf({ gender: 'undisclosed', educationLevel: 'isced-5-8' }, '2023-04-19')).toEqual({ gender: 'unknown', ageBand: 'unknown', labourMarketStatus: 'unknown', educationLevel: 'isced-5-8' });
    expect(esfProfileOf(undefined, '2023-04-19')).toBeNull();
  });
});
