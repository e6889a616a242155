import { holdsNoControlCharacters, type FormAnswers, type FormQuestionSpec } from '@kuhina/domain';
import type { EsfCharacteristics } from '@kuhina/privacy';
import type { FieldError, FormLanguage, FormValues } from './form-model';
import { formText, type FormTextKey } from './render/texts';

// A submission of the public form, read from the posted fields (all strings, any of them missing or hostile) and
// checked with messages in the page's language. Pure: the service registers what this accepts, nothing else.

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
const LABOUR = ['employed', 'self-employed', 'unemployed', 'long-term-unemployed', 'inactive', 'in-education', 'retired', 'undisclosed'] as const;
const EDUCATION = ['isced-0-2', 'isced-3-4', 'isced-5-8', 'undisclosed'] as const;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export const LIMITS = { name: 200, email: 254, organization: 200, needs: 1000, answer: 4000 } as const;

/** The posted body as the form's values: every field a string ('' when absent), answers under `answers.<id>`. */
export function valuesOf(body: unknown, questions: readonly FormQuestionSpec[]): FormValues {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (key: string): string => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  return {
    name: text('name'),
    email: text('email'),
    organization: text('organization'),
    attendanceMode: text('attendanceMode'),
    dietary: text('dietary'),
    accessibility: text('accessibility'),
    answers: Object.fromEntries(questions.map((q) => [q.questionId, text(`answers.${q.questionId}`)])),
    esfGender: text('esfGender'),
    esfBirthYear: text('esfBirthYear'),
    esfLabourMarketStatus: text('esfLabourMarketStatus'),
    esfEducationLevel: text('esfEducationLevel'),
    consentFutureWorkshops: text('consentFutureWorkshops'),
    consentNamedInReports: text('consentNamedInReports'),
    website: text('website'),
  };
}

export interface AcceptedSubmission {
  name: string;
  email: string;
  attendanceMode: 'on-site' | 'remote';
  esf: EsfCharacteristics | undefined;
  answers: FormAnswers;
  consents: Array<'future-workshops' | 'named-in-reports'>;
}

export type Checked = { ok: true; submission: AcceptedSubmission } | { ok: false; errors: FieldError[] };

/** Where the format leaves no choice, the mode is the only one there is. */
export const fixedModeOf = (format: 'in-person' | 'hybrid' | 'webinar'): 'on-site' | 'remote' | null => (format === 'in-person' ? 'on-site' : format === 'webinar' ? 'remote' : null);

/** The values checked against the form: the first problem of each field, in the page's language. */
export function checkSubmission(values: FormValues, questions: readonly FormQuestionSpec[], format: 'in-person' | 'hybrid' | 'webinar', lang: FormLanguage, thisYear: number): Checked {
  const errors: FieldError[] = [];
  const fail = (field: string, key: FormTextKey, vars: Record<string, string | number> = {}): void => void errors.push({ field, message: formText(lang, key, vars) });
  const clean = (field: string, value: string, max: number, multiline: boolean): string | null => {
    const trimmed = value.trim();
    if (trimmed.length > max) fail(field, 'errorTooLong', { max });
    else if (!holdsNoControlCharacters(trimmed, multiline)) fail(field, 'errorInvalidChoice');
    else return trimmed === '' ? null : trimmed;
    return null;
  };

  const name = clean('name', values.name, LIMITS.name, false);
  if (name === null && !errors.some((e) => e.field === 'name')) fail('name', 'errorNameRequired');
  const email = clean('email', values.email, LIMITS.email, false);
  if (email === null && !errors.some((e) => e.field === 'email')) fail('email', 'errorEmailRequired');
  else if (email !== null && !EMAIL.test(email)) fail('email', 'errorEmailInvalid');
  const organization = clean('organization', values.organization, LIMITS.organization, false);
  const dietary = clean('dietary', values.dietary, LIMITS.needs, true);
  const accessibility = clean('accessibility', values.accessibility, LIMITS.needs, true);

  const fixed = fixedModeOf(format);
  const attendanceMode = fixed ?? (values.attendanceMode === 'on-site' || values.attendanceMode === 'remote' ? values.attendanceMode : null);
  if (attendanceMode === null) fail('attendanceMode', 'errorAttendanceModeRequired');

  const answers: Record<string, string> = {};
  for (const question of questions) {
    const field = `answers.${question.questionId}`;
    const answer = clean(field, values.answers[question.questionId] ?? '', LIMITS.answer, true);
    if (answer !== null) answers[question.questionId] = answer;
    else if (question.required && !errors.some((e) => e.field === field)) fail(field, 'errorAnswerRequired');
  }

  const esf: EsfCharacteristics = {};
  const pick = <T extends string>(field: string, value: string, allowed: readonly T[]): T | undefined => {
    if (value === '') return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    fail(field, 'errorInvalidChoice');
    return undefined;
  };
  const gender = pick('esfGender', values.esfGender, GENDERS);
  if (gender) esf.gender = gender;
  const labour = pick('esfLabourMarketStatus', values.esfLabourMarketStatus, LABOUR);
  if (labour) esf.labourMarketStatus = labour;
  const education = pick('esfEducationLevel', values.esfEducationLevel, EDUCATION);
  if (education) esf.educationLevel = education;
  if (values.esfBirthYear !== '' && values.esfBirthYear !== 'undisclosed') {
    const year = /^\d{4}$/.test(values.esfBirthYear) ? Number(values.esfBirthYear) : NaN;
    if (!(year >= thisYear - 110 && year <= thisYear)) fail('esfBirthYear', 'errorBirthYear');
    else esf.birthYear = year;
  }

  if (errors.length > 0) return { ok: false, errors };
  const consents: AcceptedSubmission['consents'] = [];
  if (values.consentFutureWorkshops === 'on') consents.push('future-workshops');
  if (values.consentNamedInReports === 'on') consents.push('named-in-reports');
  return {
    ok: true,
    submission: {
      name: name!,
      email: email!,
      attendanceMode: attendanceMode!,
      esf: Object.keys(esf).length > 0 ? esf : undefined,
      answers: { answers, organization, dietary, accessibility },
      consents,
    },
  };
}

/** ?lang= when it names one, else the first of Accept-Language's that the form speaks (by weight), else Finnish. */
export function languageOf(query: unknown, acceptLanguage: string | undefined): FormLanguage {
  if (query === 'fi' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m !== null);
      return { lang: (tag ?? '').toLowerCase().split('-')[0], weight: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const first = ranked.find((entry) => entry.lang === 'fi' || entry.lang === 'en');
  return (first?.lang as FormLanguage | undefined) ?? 'fi';
}
