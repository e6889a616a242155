import { ISO_DATE, ISO_DATE_TIME } from './rules';

/**
 * Calendar checks on ISO 8601 dates without reading a clock or building a Date: string
 * comparison of `YYYY-MM-DD` is chronological, and the domain must stay free of time zones.
 * The patterns are the shared rules (rules.ts); these add what a pattern cannot say (no 30 February).
 */

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const isCalendarDate = (year: string, month: string, day: string): boolean => {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
};

/** True for a real calendar date written `YYYY-MM-DD` (e.g. `2023-02-29` is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.pattern.exec(value);
  return match !== null && isCalendarDate(match[1]!, match[2]!, match[3]!);
}

/** An ISO 8601 date-time with `Z` or an offset, on a real calendar date. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_TIME.pattern.exec(value);
  return match !== null && isCalendarDate(match[1]!, match[2]!, match[3]!);
}

/** A day or an instant: an ISO date, or a date-time with an offset. */
export const isIsoDateOrDateTime = (value: unknown): value is string => isIsoDate(value) || isIsoDateTime(value);

/** Milliseconds since the epoch of a valid ISO date-time; only for ordering two instants. */
export const instant = (isoDateTime: string): number => Date.parse(isoDateTime);

/** The calendar date as written at the start of an ISO date or date-time (`2023-04-19T09:00:00+03:00` → `2023-04-19`), or null. */
export function isoDatePart(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const date = value.slice(0, 10);
  const rest = value.slice(10);
  if (!isIsoDate(date) || (rest !== '' && !rest.startsWith('T'))) return null;
  return date;
}
