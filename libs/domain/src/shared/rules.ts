/**
 * Every validation rule of Kuhina, written once. The deciders check them through `fieldChecks`; the HTTP layer builds
 * its class-validator decorators from them (`apps/api/src/common/validation/rules.decorators.ts`), so a DTO never
 * spells a pattern or a limit itself. Each rule says what it expects in words (`expected`), used alike in the domain's
 * refusals ("startsAt must be …") and in the HTTP 400 answers.
 *
 * Plain data and pure predicates only: this module imports nothing, so anything may import it.
 */

/** A rule checked by a regular expression. */
export interface PatternRule {
  readonly pattern: RegExp;
  readonly expected: string;
}

/** A rule on the length of a text, in characters; `multiline` texts may hold line breaks (see `CONTROL_CHARACTERS`). */
export interface TextRule {
  readonly minLength: number;
  readonly maxLength: number;
  readonly multiline?: boolean;
}

/** A rule on a whole number. */
export interface IntegerRule {
  readonly min: number;
  readonly max: number;
  readonly expected: string;
}

/** A rule on the number of items of a list. */
export interface ListRule {
  readonly minItems: number;
  readonly maxItems: number;
}

// ---------------------------------------------------------------------------------------------
// Dates and times (the calendar checks are in iso-date.ts)
// ---------------------------------------------------------------------------------------------

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
// Hours 00–23 (no "24:00", which JavaScript reads as the next day), an offset that is a real one.
const TIME_WITH_OFFSET = String.raw`T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)`;

/** A calendar date `YYYY-MM-DD` (the pattern is the form; `isIsoDate` also refuses days that do not exist). */
export const ISO_DATE: PatternRule = { pattern: new RegExp(`^${DATE}$`), expected: 'an ISO date YYYY-MM-DD' };

/**
 * Business time must say its offset: "09:00" in Rauma and in a webinar server's UTC are different instants. Only the
 * one ISO 8601 form JavaScript's Date reads: week, ordinal and basic forms (2023-W22, 20230531T101500Z) are refused.
 */
export const ISO_DATE_TIME: PatternRule = {
  pattern: new RegExp(`^${DATE}${TIME_WITH_OFFSET}$`),
  expected: 'an ISO 8601 date-time with an offset, e.g. 2023-04-19T10:00:00+03:00',
};

/** A day or an instant (citizens' input): an instant must say its offset, a street event has a local time. */
export const ISO_DATE_OR_DATE_TIME: PatternRule = {
  pattern: new RegExp(`^${DATE}(${TIME_WITH_OFFSET})?$`),
  expected: 'an ISO date YYYY-MM-DD or a date-time with an offset',
};

// ---------------------------------------------------------------------------------------------
// Contact details and identifiers
// ---------------------------------------------------------------------------------------------

/** A phone number as people write it: digits, spaces, parentheses and hyphens, a leading +; 5 to 40 characters. */
export const PHONE: PatternRule & TextRule = {
  pattern: /^\+?[0-9][0-9 ()-]*$/,
  minLength: 5,
  maxLength: 40,
  expected: 'a phone number such as +358 40 123 4567 (digits, spaces, parentheses, hyphens and a leading +)',
};

/**
 * An e-mail address: at most 254 characters (RFC 5321). Its form is checked where a plain address is seen, at the
 * door (class-validator's isEmail); the domain only ever sees it sealed or as a blind index.
 */
export const EMAIL: TextRule & { readonly expected: string } = { minLength: 3, maxLength: 254, expected: 'an e-mail address' };

/** Finnish business id (Y-tunnus): seven digits, a hyphen, a check digit (verified by `isValidFinnishBusinessId`). */
export const BUSINESS_ID: PatternRule = { pattern: /^(\d{7})-(\d)$/, expected: 'a Finnish business id 1234567-8 with a valid check digit' };

/** A web site: an absolute http(s) URL. */
export const WEB_ADDRESS: TextRule & { readonly protocols: readonly string[]; readonly expected: string } = {
  protocols: ['http', 'https'],
  minLength: 1,
  maxLength: 500,
  expected: 'an absolute http(s) URL',
};

/**
 * Text kept in the log for good (an erasure's reason) must not carry what an erasure removes: an e-mail address, or six
 * or more digits in a row once spaces are ignored (phone numbers, identity codes such as the Finnish henkilötunnus
 * 010185-123A). Dates (2024-01-02) still pass.
 */
export const NO_PERSONAL_DATA = {
  patterns: [/\S@\S/, /\d(?: ?\d){5}/],
  expected: 'free of personal data (no e-mail address, phone number or identity code)',
} as const;

/** A position in the log as the API writes it (`position` of a write, `consistentWith`, `untilPosition`): decimal digits. */
export const LOG_POSITION: PatternRule = { pattern: /^\d{1,20}$/, expected: 'a log position (digits), as answered by a write' };

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** Whole-number rules: money, seats, ratings, head counts, years. */
export const INTEGER = {
  /** Money in integer cents, up to 1,000,000 € for one pledge or expense (a larger figure is a slip of euros for cents). */
  CENTS: { min: 0, max: 100_000_000, expected: 'a whole number of cents from 0 to 100,000,000' },
  /** Seats of a workshop (null elsewhere means unlimited). */
  CAPACITY: { min: 1, max: 100_000, expected: 'a whole number of seats from 1 to 100,000' },
  /** A feedback rating. */
  RATING: { min: 1, max: 5, expected: 'a whole number from 1 to 5' },
  /** Citizens heard at one street event. */
  CITIZENS_HEARD: { min: 0, max: 1_000_000, expected: 'a whole number from 0 to 1,000,000' },
  /** A year of birth (the ESF age bands need no more). */
  BIRTH_YEAR: { min: 1900, max: 2100, expected: 'a year from 1900 to 2100' },
} as const satisfies Record<string, IntegerRule>;

// ---------------------------------------------------------------------------------------------
// Texts and lists
// ---------------------------------------------------------------------------------------------

/** Length limits of the texts a client writes. */
export const TEXT = {
  /** Names of people, organisations, chains and funding programmes; venues. */
  NAME: { minLength: 1, maxLength: 200 },
  /** Titles of workshops and collaborations; topics of citizens' input. */
  TITLE: { minLength: 1, maxLength: 200 },
  /** A short entry of a list: a target group, a recipient. */
  LABEL: { minLength: 1, maxLength: 200 },
  /** A reference to evidence: an invoice or receipt number. */
  REFERENCE: { minLength: 1, maxLength: 200 },
  /** A code given by someone else (the ESF operation id). */
  CODE: { minLength: 1, maxLength: 100 },
  /** A municipality or a region. */
  PLACE: { minLength: 1, maxLength: 100 },
  /** A workshop's theme or method. */
  SUBJECT: { minLength: 1, maxLength: 1000, multiline: true },
  /** A question sent ahead for the speakers. */
  QUESTION: { minLength: 1, maxLength: 2000, multiline: true },
  /** Free text: descriptions, reasons, summaries, comments, notes, outcomes, expectations, valuation bases. */
  LONG: { minLength: 1, maxLength: 4000, multiline: true },
  /** Why personal data was erased: kept in the log for good, so short (and free of personal data). */
  ERASURE_REASON: { minLength: 3, maxLength: 200 },
} as const satisfies Record<string, TextRule>;

/**
 * Control characters (C0, DEL, C1) are refused in every text: invisible in a name, dropped by the XML exports (so a
 * label would differ between GEXF and CSV), and a bare CR starts a new row in a spreadsheet. Multi-line texts (the
 * `multiline` rules above) keep their line breaks, LF or CRLF; nothing else, not even TAB.
 */
export const CONTROL_CHARACTERS = {
  // Each pattern finds a refused character (linear, so a 100,000-character text costs nothing): the first anywhere,
  // the second anything but LF and a CR before an LF. Control characters are the very thing these patterns look for.
  // eslint-disable-next-line no-control-regex
  singleLine: /[\u0000-\u001F\u007F-\u009F]/,
  // eslint-disable-next-line no-control-regex
  multiline: /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/,
  expected: { singleLine: 'free of control characters', multiline: 'free of control characters other than line breaks (LF or CRLF)' },
  /** The same rules as whole-text patterns (ECMA-262, as OpenAPI's `pattern` reads them), for the API's documentation. */
  documented: { singleLine: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$', multiline: '^(?:[^\\u0000-\\u001F\\u007F-\\u009F]|\\r?\\n)*$' },
} as const;

/** How many items a list may hold. */
export const LIST = {
  /** Target groups of a workshop. */
  TARGET_GROUPS: { minItems: 0, maxItems: 20 },
  /** Co-organisers named when a workshop is planned. */
  CO_ORGANIZERS: { minItems: 0, maxItems: 20 },
  /** Questions a participant sends ahead. */
  ADVANCE_QUESTIONS: { minItems: 0, maxItems: 20 },
  /** Founding partners of a collaboration (at least two, checked by the collaboration itself). */
  COLLABORATION_PARTNERS: { minItems: 0, maxItems: 50 },
  /** Decision-makers a citizens' input summary went to. */
  RECIPIENTS: { minItems: 1, maxItems: 50 },
  /** Organisations at a planning meeting. */
  MEETING_ORGANIZATIONS: { minItems: 0, maxItems: 100 },
  /** One attendance sheet. */
  ATTENDEES: { minItems: 1, maxItems: 2000 },
  /**
   * People told by one outreach: a chain's past participants are hundreds; 2,000 keeps the event well under any store's
   * append limit (KurrentDB's 1 MiB) with the invitations of an invitation-only workshop beside it.
   */
  OUTREACH_PEOPLE: { minItems: 1, maxItems: 2000 },
  /** Questions of a workshop's public registration form. */
  FORM_QUESTIONS: { minItems: 0, maxItems: 20 },
  /** Sustainability practices of a workshop. */
  SUSTAINABILITY_PRACTICES: { minItems: 0, maxItems: 20 },
} as const satisfies Record<string, ListRule>;

// ---------------------------------------------------------------------------------------------
// Predicates that need nothing but the rules
// ---------------------------------------------------------------------------------------------

export const isNonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** A whole number (a safe integer) within the rule's bounds. */
export const isWithin = (rule: IntegerRule, value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= rule.min && value <= rule.max;

/** Money in integer cents: see `INTEGER.CENTS`. */
export const isCents = (value: unknown): value is number => isWithin(INTEGER.CENTS, value);

export const isPhoneNumber = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= PHONE.minLength && value.length <= PHONE.maxLength && PHONE.pattern.test(value);

export function isWebAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > WEB_ADDRESS.maxLength) return false;
  try {
    const url = new URL(value);
    return WEB_ADDRESS.protocols.includes(url.protocol.slice(0, -1)) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A text without control characters; a multi-line one may hold LF and CRLF line breaks. */
export const holdsNoControlCharacters = (value: string, multiline = false): boolean => !CONTROL_CHARACTERS[multiline ? 'multiline' : 'singleLine'].test(value);

export const holdsNoPersonalData = (value: string): boolean => !NO_PERSONAL_DATA.patterns.some((pattern) => pattern.test(value));
