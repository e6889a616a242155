import { BUSINESS_ID } from './rules';

/**
 * Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit, e.g. `0112038-9`.
 * Check digit: multiply the seven digits by the weights 7, 9, 10, 5, 8, 4, 2 and sum; r = sum mod 11.
 * r = 0 → check digit 0; r = 1 → no valid id is ever issued with these digits; otherwise check digit = 11 − r.
 * Old ids with six digits are written with a leading zero (as the Finnish Patent and Registration Office
 * publishes them), so only the seven-digit form is accepted.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** The check digit for seven digits, or null when the remainder is 1 (such ids are never issued). */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(sevenDigits[index]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

export function isValidFinnishBusinessId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = BUSINESS_ID.pattern.exec(value);
  if (!match) return false;
  const check = businessIdCheckDigit(match[1]!);
  return check !== null && check === Number(match[2]);
}
