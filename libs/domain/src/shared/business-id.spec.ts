import { businessIdCheckDigit, isValidFinnishBusinessId } from './business-id';

describe('isValidFinnishBusinessId', () => {
  const sut = isValidFinnishBusinessId;

  it.each([
    '0112038-9', // remainder 2 → 11 − 2
    '0201256-6', // remainder 5 → 11 − 5
    '2345678-0', // remainder 0 → 0
  ])('accepts %s', (value) => {
    expect(sut(value)).toBe(true);
  });

  it.each([
    ['0112038-8', 'wrong check digit'],
    ['0137707-0', 'remainder 1: never issued'],
    ['0137707-1', 'remainder 1: never issued'],
    ['112038-9', 'six digits (old form must be zero-padded)'],
    ['01120389', 'no hyphen'],
    [' 0112038-9', 'surrounding space'],
    ['FI01120389', 'VAT number, not a business id'],
  ])('refuses %s (%s)', (value) => {
    expect(sut(value)).toBe(false);
  });
});

describe('businessIdCheckDigit', () => {
  it('is null when the weighted sum leaves remainder 1', () => {
    const sut = businessIdCheckDigit;
    expect(sut('0137707')).toBeNull();
    expect(sut('0112038')).toBe(9);
  });
});
