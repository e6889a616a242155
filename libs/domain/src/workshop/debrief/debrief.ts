import { invalid } from '../../shared/domain-error';
import { isIsoDate } from '../../shared/iso-date';
import { TEXT, holdsNoControlCharacters, type ListRule } from '../../shared/rules';
import { fingerprint } from '../workshop.validation';

// A debrief ("what worked, what to develop", as the 2023 chain's document draws its lessons) of a workshop or of a chain.
// The same shape and rules for both, so that GET /chains/:id/lessons reads them alike. One debrief per workshop or chain:
// a later record replaces it in the views (version n+1), the earlier versions stay in the log and in the lessons view.

/** Whose view the debrief gives: the hub's core team, the partners (hosts, co-organisers), or both together. */
export const DEBRIEF_AUTHOR_ROLES = ['core-team', 'partners', 'joint'] as const;
export type DebriefAuthorRole = (typeof DEBRIEF_AUTHOR_ROLES)[number];

export const DebriefErrors = {
  /** A field of a debrief is not of the expected form; `details.field` names it. */
  INVALID_FIELD: 'DEBRIEF.INVALID_FIELD',
} as const;

/** Lessons of one debrief: short takeaways for the next workshop or chain. */
export const DEBRIEF_LESSONS: ListRule = { minItems: 0, maxItems: 30 };

export interface Debrief {
  /** What worked (free text, may run over several lines; empty when only `whatToDevelop` is said). */
  whatWorked: string;
  /** What to develop next time. */
  whatToDevelop: string;
  /** Takeaways, one per item (may be empty). */
  lessons: string[];
  authorRole: DebriefAuthorRole;
  /** The day of the debrief meeting (YYYY-MM-DD) when said; null: not said (the event's business time dates it). */
  heldOn: string | null;
}

const fail = (field: string, expected: string, value: unknown): never => {
  throw invalid(DebriefErrors.INVALID_FIELD, `${field} must be ${expected}`, { field, expected, value });
};

/** Multi-line text within TEXT.LONG; empty allowed when `emptyAllowed` (the shared `fieldChecks` keep line breaks only for fields they know). */
function longText(value: unknown, field: string, emptyAllowed: boolean): string {
  if (typeof value !== 'string') return fail(field, 'a string', value);
  if (!emptyAllowed && value.trim() === '') return fail(field, 'a non-blank string', value);
  if (value.length > TEXT.LONG.maxLength) return fail(field, `at most ${TEXT.LONG.maxLength} characters`, value.length);
  if (!holdsNoControlCharacters(value, true)) return fail(field, 'free of control characters other than line breaks (LF or CRLF)', value);
  return value;
}

/** The debrief a command brings, checked (the HTTP layer checks the same; the CLI and the seed come here directly). */
export function checkDebrief(data: Debrief): Debrief {
  const whatWorked = longText(data.whatWorked, 'whatWorked', true);
  const whatToDevelop = longText(data.whatToDevelop, 'whatToDevelop', true);
  // An empty debrief says nothing: one of the two must.
  if (whatWorked.trim() === '' && whatToDevelop.trim() === '') fail('whatWorked', 'a non-blank string when whatToDevelop is blank', whatWorked);
  if (!Array.isArray(data.lessons) || data.lessons.length > DEBRIEF_LESSONS.maxItems) {
    fail('lessons', `an array of at most ${DEBRIEF_LESSONS.maxItems} non-blank strings`, data.lessons);
  }
  const lessons = data.lessons.map((lesson, index) => longText(lesson, `lessons[${index}]`, false));
  if (!(DEBRIEF_AUTHOR_ROLES as readonly unknown[]).includes(data.authorRole)) fail('authorRole', `one of ${DEBRIEF_AUTHOR_ROLES.join(', ')}`, data.authorRole);
  const heldOn = data.heldOn ?? null;
  if (heldOn !== null && !isIsoDate(heldOn)) fail('heldOn', 'an ISO date YYYY-MM-DD or null', heldOn);
  return { whatWorked, whatToDevelop, lessons: [...lessons], authorRole: data.authorRole, heldOn };
}

/** What tells a retry (the same debrief again: no event) from a revision. */
export const debriefKey = (d: Debrief): string => fingerprint(d.whatWorked, d.whatToDevelop, d.lessons, d.authorRole, d.heldOn ?? null);

/** What an aggregate keeps of its debrief: enough to tell a retry and to number the next version. */
export interface DebriefEntry {
  key: string;
  version: number;
}

/** The fields of a debrief, in the order events carry them. */
export const debriefOf = (d: Debrief): Debrief => ({ whatWorked: d.whatWorked, whatToDevelop: d.whatToDevelop, lessons: [...d.lessons], authorRole: d.authorRole, heldOn: d.heldOn ?? null });
