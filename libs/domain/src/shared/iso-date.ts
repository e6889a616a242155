/**
 * Calendar checks on ISO 8601 dates without reading a clock or building a Date: string
 * comparison of `YYYY-MM-DD` is chronological, and the domain must stay free of time zones.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** True for a real calendar date written `YYYY-MM-DD` (e.g. `2023-02-29` is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The calendar date as written at the start of an ISO date or date-time (`2023-04-19T09:00:00+03:00` → `2023-04-19`), or null. */
export function isoDatePart(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const date = value.slice(0, 10);
  const rest = value.slice(10);
  if (!isIsoDate(date) || (rest !== '' && !rest.startsWith('T'))) return null;
  return date;
}
