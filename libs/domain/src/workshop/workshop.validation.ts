import { invalid } from '../shared/domain-error';
import { isIsoDate } from '../shared/iso-date';

// Field checks for the decider. The HTTP layer validates too; these exist because commands also come
// from the CLI, the demo seed and tests, and a bad fact in an append-only log stays there for good.

// Business time must say its offset: "09:00" in Rauma and in a webinar server's UTC are different instants.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;


/** An ISO 8601 date-time with `Z` or an offset, on a real calendar date. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1]);
}

/** Milliseconds since the epoch of a valid ISO date-time; only for ordering two instants. */
export const instant = (isoDateTime: string): number => Date.parse(isoDateTime);

export const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export const isNonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The checks of one kind of thing (workshop, registration, ...), all refusing with its INVALID_FIELD code. */
export function fieldChecks(code: string) {
  const fail = (field: string, expected: string, value: unknown): never => {
    throw invalid(code, `${field} must be ${expected}`, { field, expected, value });
  };
  return {
    text(value: unknown, field: string): void {
      if (!isNonBlank(value)) fail(field, 'a non-blank string', value);
    },
    /** A string that may be empty (notes, descriptions). */
    anyText(value: unknown, field: string): void {
      if (typeof value !== 'string') fail(field, 'a string', value);
    },
    textOrNull(value: unknown, field: string): void {
      if (value !== null && typeof value !== 'string') fail(field, 'a string or null', value);
    },
    idOrNull(value: unknown, field: string): void {
      if (value !== null && !isNonBlank(value)) fail(field, 'a non-blank string or null', value);
    },
    boolean(value: unknown, field: string): void {
      if (typeof value !== 'boolean') fail(field, 'true or false', value);
    },
    oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): void {
      if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(field, `one of ${allowed.join(', ')}`, value);
    },
    date(value: unknown, field: string): void {
      if (!isIsoDate(value)) fail(field, 'an ISO date YYYY-MM-DD', value);
    },
    dateTime(value: unknown, field: string): void {
      if (!isIsoDateTime(value)) fail(field, 'an ISO 8601 date-time with offset', value);
    },
    dateOrDateTime(value: unknown, field: string): void {
      if (!isIsoDate(value) && !isIsoDateTime(value)) fail(field, 'an ISO date or date-time with offset', value);
    },
    /** An array of strings; with `nonBlank`, each must have content. */
    strings(value: unknown, field: string, nonBlank: boolean): void {
      const ok = Array.isArray(value) && value.every((item) => (nonBlank ? isNonBlank(item) : typeof item === 'string'));
      if (!ok) fail(field, nonBlank ? 'an array of non-blank strings' : 'an array of strings', value);
    },
  };
}

/** Order-sensitive fingerprint of a command's identifying facts: JSON avoids separator collisions. */
export const fingerprint = (...parts: readonly unknown[]): string => JSON.stringify(parts);
