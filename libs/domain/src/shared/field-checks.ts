import { isValidFinnishBusinessId } from './business-id';
import { invalid } from './domain-error';
import { isIsoDate, isIsoDateOrDateTime, isIsoDateTime } from './iso-date';
import {
  BUSINESS_ID,
  CONTROL_CHARACTERS,
  INTEGER,
  ISO_DATE,
  ISO_DATE_OR_DATE_TIME,
  ISO_DATE_TIME,
  WEB_ADDRESS,
  holdsNoControlCharacters,
  isNonBlank,
  isWebAddress,
  isWithin,
  type IntegerRule,
} from './rules';

// Field checks for the deciders. The HTTP layer validates too (with the same rules, see rules.ts); these exist because
// commands also come from the CLI, the demo seed and tests, and a bad fact in an append-only log stays there for good.

/** The kinds of check `fieldChecks` makes; each may be given a code of its own. */
export type FieldCheckKind =
  | 'text'
  | 'anyText'
  | 'textOrNull'
  | 'nonBlankOrNull'
  | 'boolean'
  | 'oneOf'
  | 'date'
  | 'dateTime'
  | 'dateOrDateTime'
  | 'strings'
  | 'integer'
  | 'businessId'
  | 'webAddress'
  | 'controlCharacters';

/**
 * Fields whose text may run over several lines (the HTTP layer's `multiline` rules: descriptions, summaries, notes,
 * reasons, ...), by the last part of the field's name: the deciders name a field, not its rule. Every other text,
 * names and ids first, refuses all control characters.
 */
const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'description',
  'summary',
  'notes',
  'note',
  'reason',
  'outcome',
  'expectations',
  'comment',
  'valuationBasis',
  'basis',
  'advanceQuestions',
  'theme',
  'method',
]);

const isMultiline = (field: string): boolean => MULTILINE_FIELDS.has(field.replace(/\[\d*\]/g, '').split('.').at(-1) ?? field);

/**
 * The checks of one kind of thing (a workshop, a registration, a chain, ...), refusing with its code, e.g.
 * `WORKSHOP.INVALID_FIELD`. A kind of check may refuse with a more telling code of the aggregate instead, e.g.
 * `fieldChecks(ChainErrors.BLANK_FIELD, { date: ChainErrors.INVALID_DATE })`. Every refusal is a validation error
 * `<field> must be <expected>` with `{ field, expected, value }` as details. A check that passes gives the value back,
 * typed (`const joinedOn = field.date(given, 'joinedOn')`).
 */
export function fieldChecks(code: string, codes: Partial<Record<FieldCheckKind, string>> = {}) {
  const fail = (kind: FieldCheckKind, field: string, expected: string, value: unknown): never => {
    throw invalid(codes[kind] ?? code, `${field} must be ${expected}`, { field, expected, value });
  };
  // Every text check also refuses control characters (a bare CR splits a CSV row, NUL vanishes from GEXF): the CLI and
  // the seed must not store what the API refuses.
  const clean = <T>(value: T, field: string): T => {
    if (typeof value !== 'string') return value;
    const multiline = isMultiline(field);
    return holdsNoControlCharacters(value, multiline) ? value : fail('controlCharacters', field, CONTROL_CHARACTERS.expected[multiline ? 'multiline' : 'singleLine'], value);
  };
  const nonBlankOrNull = (value: unknown, field: string): string | null =>
    value === null || isNonBlank(value) ? clean(value, field) : fail('nonBlankOrNull', field, 'a non-blank string or null', value);
  const integer = (value: unknown, rule: IntegerRule, field: string): number => (isWithin(rule, value) ? value : fail('integer', field, rule.expected, value));
  return {
    text: (value: unknown, field: string): string => (isNonBlank(value) ? clean(value, field) : fail('text', field, 'a non-blank string', value)),
    /** A string that may be empty (notes, descriptions). */
    anyText: (value: unknown, field: string): string => (typeof value === 'string' ? clean(value, field) : fail('anyText', field, 'a string', value)),
    textOrNull: (value: unknown, field: string): string | null =>
      value === null || typeof value === 'string' ? clean(value, field) : fail('textOrNull', field, 'a string or null', value),
    /** Optional text that is null when unknown: an empty string would be a second spelling of "unknown". */
    nonBlankOrNull,
    /** An id, or null for none. */
    idOrNull: nonBlankOrNull,
    boolean: (value: unknown, field: string): boolean => (typeof value === 'boolean' ? value : fail('boolean', field, 'true or false', value)),
    oneOf: <T extends string>(value: unknown, allowed: readonly T[], field: string): T =>
      typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fail('oneOf', field, `one of ${allowed.join(', ')}`, value),
    date: (value: unknown, field: string): string => (isIsoDate(value) ? value : fail('date', field, ISO_DATE.expected, value)),
    dateTime: (value: unknown, field: string): string => (isIsoDateTime(value) ? value : fail('dateTime', field, ISO_DATE_TIME.expected, value)),
    dateOrDateTime: (value: unknown, field: string): string =>
      isIsoDateOrDateTime(value) ? value : fail('dateOrDateTime', field, ISO_DATE_OR_DATE_TIME.expected, value),
    /** An array of strings; with `nonBlank`, each must have content. */
    strings(value: unknown, field: string, nonBlank: boolean): string[] {
      const ok = Array.isArray(value) && value.every((item) => (nonBlank ? isNonBlank(item) : typeof item === 'string'));
      if (!ok) return fail('strings', field, nonBlank ? 'an array of non-blank strings' : 'an array of strings', value);
      return (value as string[]).map((item, index) => clean(item, `${field}[${index}]`));
    },
    /** A whole number within one of the shared rules, e.g. `INTEGER.RATING`. */
    integer,
    /** Money in integer cents (`INTEGER.CENTS`); refuses with the code given for `integer`. */
    cents: (value: unknown, field: string): number => integer(value, INTEGER.CENTS, field),
    businessId: (value: unknown, field: string): string => (isValidFinnishBusinessId(value) ? value : fail('businessId', field, BUSINESS_ID.expected, value)),
    webAddress: (value: unknown, field: string): string => (isWebAddress(value) ? value : fail('webAddress', field, WEB_ADDRESS.expected, value)),
  };
}

/** The checks `fieldChecks` returns. */
export type FieldChecks = ReturnType<typeof fieldChecks>;
