import { invalid } from '../../shared/domain-error';
import { LIST, TEXT, holdsNoControlCharacters } from '../../shared/rules';
import type { EncryptedPersonalData } from '../../person/person.events';

// The workshop's public registration form (issue 19): the questions the back office sets for it, and the links it
// hands out (unguessable, revocable). What people answer is personal data: sealed with the person's key, in the
// registration event (`answers`), so erasing the person erases the answers with them.

/** A free-text question, or the advance questions for the speakers (one per line; the presenters' digest lists them). */
export const FORM_QUESTION_KINDS = ['text', 'advance-questions'] as const;
export type FormQuestionKind = (typeof FORM_QUESTION_KINDS)[number];

export const FormErrors = {
  /** A question of the form is not of the expected shape; `details.field` names it. */
  INVALID_FIELD: 'FORM.INVALID_FIELD',
  /** The link id is unknown to the workshop. */
  LINK_NOT_FOUND: 'FORM.LINK_NOT_FOUND',
  /** The link was revoked: registrations through it are refused. */
  LINK_REVOKED: 'FORM.LINK_REVOKED',
} as const;

/** A question's text in both languages; `en` may be empty (the page then shows the Finnish). */
export interface FormText {
  fi: string;
  en: string;
}

export interface FormQuestionSpec {
  questionId: string;
  kind: FormQuestionKind;
  label: FormText;
  help: FormText | null;
  required: boolean;
}

/** Sealed with the person's key: the answers to the form's questions and the needs the form asks for. */
export interface FormAnswers {
  /** questionId → the answer (advance questions: one per line). */
  answers: Record<string, string>;
  /** The organisation as the person typed it (the back office may link it to a registered one). */
  organization: string | null;
  dietary: string | null;
  accessibility: string | null;
}

/** What a registration made through the form carries besides the registration itself. */
export interface FormSubmission {
  linkId: string;
  /** Sealed FormAnswers (see PersonalDataCipher); null when nothing was answered. */
  answers: EncryptedPersonalData | null;
}

export const MAX_FORM_QUESTIONS = LIST.FORM_QUESTIONS.maxItems;

const fail = (field: string, expected: string, value: unknown): never => {
  throw invalid(FormErrors.INVALID_FIELD, `${field} must be ${expected}`, { field, expected, value });
};

function text(value: unknown, field: string, emptyAllowed: boolean, multiline: boolean): string {
  const max = TEXT.NAME.maxLength * (multiline ? 5 : 1);
  if (typeof value !== 'string' || value.length > max || (!emptyAllowed && value.trim() === '') || !holdsNoControlCharacters(value, multiline)) {
    return fail(field, `${emptyAllowed ? 'a' : 'a non-blank'} text of at most ${max} characters${multiline ? '' : ' on one line'}`, value);
  }
  return value;
}

function formText(value: unknown, field: string, multiline: boolean): FormText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(field, 'an object { fi, en }', value);
  const { fi, en } = value as Record<string, unknown>;
  return { fi: text(fi, `${field}.fi`, false, multiline), en: text(en ?? '', `${field}.en`, true, multiline) };
}

/** The questions, checked: ids unique, texts in their bounds, Finnish always given (the form's default language). */
export function checkQuestions(value: unknown): FormQuestionSpec[] {
  if (!Array.isArray(value) || value.length > MAX_FORM_QUESTIONS) return fail('questions', `an array of at most ${MAX_FORM_QUESTIONS} questions`, value);
  const seen = new Set<string>();
  return value.map((question: unknown, i): FormQuestionSpec => {
    const field = `questions[${i}]`;
    if (typeof question !== 'object' || question === null) return fail(field, 'an object', question);
    const q = question as Record<string, unknown>;
    const questionId = text(q.questionId, `${field}.questionId`, false, false);
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(questionId)) fail(`${field}.questionId`, 'letters, digits, _ or -, at most 40', questionId);
    if (seen.has(questionId)) fail(`${field}.questionId`, 'unique within the form', questionId);
    seen.add(questionId);
    const kind = q.kind;
    if (typeof kind !== 'string' || !(FORM_QUESTION_KINDS as readonly string[]).includes(kind)) fail(`${field}.kind`, `one of ${FORM_QUESTION_KINDS.join(', ')}`, kind);
    if (typeof q.required !== 'boolean') fail(`${field}.required`, 'true or false', q.required);
    return {
      questionId,
      kind: kind as FormQuestionKind,
      label: formText(q.label, `${field}.label`, false),
      help: q.help === null || q.help === undefined ? null : formText(q.help, `${field}.help`, true),
      required: q.required as boolean,
    };
  });
}
