import type { FormQuestionSpec } from '@kuhina/domain';
import { checkSubmission, languageOf, valuesOf } from './form-submission';
import { SubmissionLimiter } from './submission-limiter';

const questions: FormQuestionSpec[] = [
  { questionId: 'wishes', kind: 'text', label: { fi: 'Toiveet', en: 'Wishes' }, help: null, required: true },
  { questionId: 'advance', kind: 'advance-questions', label: { fi: 'Kysymykset', en: 'Questions' }, help: null, required: false },
];
const body = (over: Record<string, unknown> = {}) => ({ name: ' Aino Virtanen ', email: 'aino@example.org', 'answers.wishes': 'More webinars', attendanceMode: 'remote', ...over });
const check = (over: Record<string, unknown> = {}, format: 'in-person' | 'hybrid' | 'webinar' = 'hybrid', lang: 'fi' | 'en' = 'en') => checkSubmission(valuesOf(body(over), questions), questions, format, lang, 2027);
const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('checkSubmission', () => {
  it('accepts a complete form: trimmed, the answers sealed-to-be, the consents ticked', () => {
    const result = check({ consentFutureWorkshops: 'on', esfGender: 'female', esfBirthYear: '1985', dietary: 'Vegan' });
    expect(result).toEqual({
      ok: true,
      submission: {
        name: 'Aino Virtanen',
        email: 'aino@example.org',
        attendanceMode: 'remote',
        esf: { gender: 'female', birthYear: 1985 },
        answers: { answers: { wishes: 'More webinars' }, organization: null, dietary: 'Vegan', accessibility: null },
        consents: ['future-workshops'],
      },
    });
  });

  it('names each refused field: name, e-mail, a required question, the mode of a hybrid workshop', () => {
    expect(fields(check({ name: '  ', email: 'not-an-address', 'answers.wishes': '', attendanceMode: 'teleport' }))).toEqual(['name', 'email', 'attendanceMode', 'answers.wishes']);
  });

  it('takes the only mode a format allows, whatever is posted', () => {
    const webinar = check({ attendanceMode: 'on-site' }, 'webinar');
    const inPerson = check({ attendanceMode: '' }, 'in-person');
    expect([webinar.ok && webinar.submission.attendanceMode, inPerson.ok && inPerson.submission.attendanceMode]).toEqual(['remote', 'on-site']);
  });

  it('refuses what the form never offers: an unknown ESF+ choice, a birth year out of range, control characters, too long texts', () => {
    expect(fields(check({ esfGender: 'robot', esfBirthYear: '1850', name: 'Aino\u0007', 'answers.advance': 'x'.repeat(4001) }))).toEqual(['name', 'answers.advance', 'esfGender', 'esfBirthYear']);
  });

  it('answers in the page language', () => {
    const fi = check({ name: '' }, 'hybrid', 'fi');
    const en = check({ name: '' }, 'hybrid', 'en');
    expect(!fi.ok && !en.ok && fi.errors[0]!.message !== en.errors[0]!.message).toBe(true);
  });

  it('reads a hostile body as strings only (arrays, objects and missing fields become empty)', () => {
    expect(valuesOf({ name: ['a', 'b'], email: { $ne: '' }, website: 7 }, questions)).toMatchObject({ name: '', email: '', website: '', answers: { wishes: '', advance: '' } });
    expect(valuesOf(null, questions).name).toBe('');
  });
});

describe('languageOf', () => {
  it.each<[unknown, string | undefined, string]>([
    ['en', 'fi', 'en'],
    [undefined, 'en-GB,en;q=0.9', 'en'],
    [undefined, 'sv-FI, fi;q=0.8, en;q=0.9', 'en'],
    [undefined, 'de', 'fi'],
    ['xx', undefined, 'fi'],
    [undefined, 'en;q=0, fi;q=0.5', 'fi'],
  ])('?lang=%s with Accept-Language %s → %s', (query, accept, lang) => {
    expect(languageOf(query, accept)).toBe(lang);
  });
});

describe('SubmissionLimiter', () => {
  it('lets `max` through per window and key, then refuses until the window ends', () => {
    let now = 0;
    const limiter = new SubmissionLimiter(2, 60_000, () => now, true);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([true, true, false, true]);
    now = 60_000;
    expect(limiter.take('a')).toBe(true);
  });
});
