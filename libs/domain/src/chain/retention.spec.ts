import { DomainError } from '../shared/domain-error';
import { ChainErrors } from './chain.errors';
import { isRetentionOver, retentionEndsOn } from './retention';

describe('retentionEndsOn (five years from 31 December of the year of the last payment)', () => {
  const sut = retentionEndsOn;

  it.each([
    ['2024-01-01', '2029-12-31'],
    ['2024-12-31', '2029-12-31'],
    ['2027-06-15', '2032-12-31'],
    ['2024-02-29', '2029-12-31'],
  ])('last payment %s → records kept until %s', (paidOn, expected) => {
    expect(sut(paidOn)).toBe(expected);
  });

  it('takes the year as written in a date-time, without converting to UTC', () => {
    // 00:30 in Helsinki on 1 January is still 31 December in UTC: the local date decides.
    expect(sut('2025-01-01T00:30:00+02:00')).toBe('2030-12-31');
  });

  it.each(['2024-13-01', '2024-1-5', 'yesterday', '', '2024-01-01x'])('refuses %j with CHAIN.INVALID_DATE', (value) => {
    expect(() => sut(value)).toThrow(DomainError);
    expect(() => sut(value)).toThrow(expect.objectContaining({ code: ChainErrors.INVALID_DATE }));
  });
});

describe('isRetentionOver', () => {
  const sut = isRetentionOver;

  it('is false on the last day of retention and true the day after', () => {
    expect(sut('2029-12-31', '2029-12-31')).toBe(false);
    expect(sut('2029-12-31', '2030-01-01')).toBe(true);
  });

  it('refuses a non-date', () => {
    expect(() => sut('2029-12-31', 'soon')).toThrow(expect.objectContaining({ code: ChainErrors.INVALID_DATE }));
  });
});
