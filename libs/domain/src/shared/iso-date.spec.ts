import { instant, isIsoDate, isIsoDateOrDateTime, isIsoDateTime, isoDatePart } from './iso-date';

describe('isIsoDate', () => {
  const sut = isIsoDate;

  it.each(['2023-04-19', '2024-02-29', '2000-02-29', '2023-12-31'])('accepts %s', (value) => {
    expect(sut(value)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2023-04-31', '2023-00-10', '2023-13-01', '2023-4-19', '2023-04-19T10:00:00Z', '', 20230419, null])(
    'refuses %j',
    (value) => {
      expect(sut(value)).toBe(false);
    },
  );
});

describe('isoDatePart', () => {
  const sut = isoDatePart;

  it('gives the date as written in a date-time', () => {
    expect(sut('2023-04-19T23:30:00-05:00')).toBe('2023-04-19');
    expect(sut('2023-04-19')).toBe('2023-04-19');
  });

  it('gives null for anything else', () => {
    expect(sut('2023-04-19 10:00')).toBeNull();
    expect(sut('2023-02-30T10:00:00Z')).toBeNull();
  });
});

describe('isIsoDateTime', () => {
  const sut = isIsoDateTime;

  it.each(['2023-04-19T10:00:00+03:00', '2023-04-19T10:00Z', '2024-02-29T23:59:59.999-05:00'])('accepts %s', (value) => {
    expect(sut(value)).toBe(true);
  });

  it.each(['2023-02-29T10:00:00Z', '2023-04-31T10:00Z', '2023-04-19T10:00:00', '2023-04-19', '2023-04-19T24:00Z', '2023-W16-3T10:00Z', null, 0])('refuses %j', (value) => {
    expect(sut(value)).toBe(false);
  });
});

describe('isIsoDateOrDateTime', () => {
  it('takes a day or an instant with its offset, on a real calendar date', () => {
    expect(['2023-06-28', '2023-06-14T17:00:00+03:00'].map(isIsoDateOrDateTime)).toEqual([true, true]);
    expect(['2023-02-30', '2023-06-14T17:00:00', '14.6.2023'].map(isIsoDateOrDateTime)).toEqual([false, false, false]);
  });
});

describe('instant', () => {
  it('orders two date-times by the moment, whatever their offsets', () => {
    expect(instant('2023-04-19T10:00:00+03:00')).toBe(instant('2023-04-19T07:00:00Z'));
    expect(instant('2023-04-19T10:00:00+03:00')).toBeLessThan(instant('2023-04-19T08:00:00Z'));
  });
});
