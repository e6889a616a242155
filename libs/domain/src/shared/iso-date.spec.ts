import { isIsoDate, isoDatePart } from './iso-date';

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
