// The registration form (GET /r/:link, and again with the errors after a refused POST). Plain HTML: it posts
// application/x-www-form-urlencoded with the field names of FormValues, so it works without JavaScript.
import type { Bilingual, FormLanguage, FormPage, FormQuestion } from '../form-model';
import { attrs, escapeHtml, fieldId, t, withLang } from './html';
import { renderDocument, workshopFacts } from './layout';
import { formText, type FormTextKey } from './texts';

type Choice = [value: string, label: FormTextKey];

// The API's values; the labels are the page's.
const GENDERS: Choice[] = [['female', 'genderFemale'], ['male', 'genderMale'], ['other', 'genderOther'], ['undisclosed', 'esfUndisclosed']];
const STATUSES: Choice[] = [
  ['employed', 'statusEmployed'],
  ['self-employed', 'statusSelfEmployed'],
  ['unemployed', 'statusUnemployed'],
  ['long-term-unemployed', 'statusLongTermUnemployed'],
  ['inactive', 'statusInactive'],
  ['in-education', 'statusInEducation'],
  ['retired', 'statusRetired'],
  ['undisclosed', 'esfUndisclosed'],
];
const EDUCATION: Choice[] = [['isced-0-2', 'educationIsced02'], ['isced-3-4', 'educationIsced34'], ['isced-5-8', 'educationIsced58'], ['undisclosed', 'esfUndisclosed']];

/** What one field needs to say about itself: its id, its hint and error ids for aria-describedby, and its error. */
interface FieldParts {
  id: string;
  describedBy: string | null;
  invalid: boolean;
  /** The hint and error lines, to put between the label and the control. */
  notes: string;
}

class FormContext {
  /** The field names in page order, so the error summary lists them in the order they appear. */
  readonly rendered: string[] = [];
  private readonly errors = new Map<string, string[]>();

  constructor(readonly page: FormPage) {
    for (const { field, message } of page.errors) this.errors.set(field, [...(this.errors.get(field) ?? []), message]);
  }

  get lang(): FormLanguage {
    return this.page.lang;
  }

  field(name: string, hint: string | null): FieldParts {
    this.rendered.push(name);
    const id = fieldId(name);
    const messages = this.errors.get(name) ?? [];
    const ids: string[] = [];
    let notes = '';
    if (hint !== null) {
      ids.push(`${id}-hint`);
      notes += `<span class="hint" id="${id}-hint">${escapeHtml(hint)}</span>`;
    }
    if (messages.length > 0) {
      ids.push(`${id}-error`);
      notes += `<span class="error-message" id="${id}-error">${escapeHtml(messages.join('. '))}</span>`;
    }
    return { id, describedBy: ids.length > 0 ? ids.join(' ') : null, invalid: messages.length > 0, notes };
  }

  /** The error summary: every error, fields on the page first in page order, each linking to its field. */
  summary(): string {
    if (this.page.errors.length === 0) return '';
    const known = new Set(this.rendered);
    const items = [
      ...this.rendered.flatMap((name) => (this.errors.get(name) ?? []).map((message) => `<li><a href="#${fieldId(name)}">${escapeHtml(message)}</a></li>`)),
      ...this.page.errors.filter((e) => !known.has(e.field)).map((e) => `<li>${escapeHtml(e.message)}</li>`),
    ];
    return (
      `<div class="summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>` +
      `<h2 id="error-summary-title">${t(this.lang, 'errorSummaryHeading')}</h2><ul>${items.join('')}</ul></div>`
    );
  }
}

function labelText(ctx: FormContext, text: string, required: boolean): string {
  return `${escapeHtml(text)} <span class="req">${t(ctx.lang, required ? 'required' : 'optional')}</span>`;
}

function control(f: FieldParts, required: boolean): Record<string, string | boolean | null> {
  return { id: f.id, required, 'aria-required': required ? 'true' : null, 'aria-invalid': f.invalid ? 'true' : null, 'aria-describedby': f.describedBy };
}

function wrap(f: FieldParts, inner: string): string {
  return `<div class="field${f.invalid ? ' has-error' : ''}">${inner}</div>`;
}

interface TextOptions {
  name: string;
  label: string;
  value: string;
  required?: boolean;
  hint?: string | null;
  type?: 'text' | 'email';
  autocomplete?: string;
  multiline?: number;
}

function textField(ctx: FormContext, o: TextOptions): string {
  const required = o.required ?? false;
  const f = ctx.field(o.name, o.hint ?? null);
  const label = `<label for="${f.id}">${labelText(ctx, o.label, required)}</label>`;
  const common = { name: o.name, ...control(f, required), autocomplete: o.autocomplete ?? null };
  // The parser drops one newline right after <textarea>, so a value that starts with a newline survives the round trip.
  const input = o.multiline
    ? `<textarea${attrs({ ...common, rows: o.multiline })}>\n${escapeHtml(o.value)}</textarea>`
    : `<input${attrs({ type: o.type ?? 'text', ...common, value: o.value })}>`;
  return wrap(f, label + f.notes + input);
}

function selectField(ctx: FormContext, name: string, label: FormTextKey, value: string, choices: [string, string][]): string {
  const f = ctx.field(name, null);
  const options = [['', formText(ctx.lang, 'esfNotAnswered')], ...choices];
  // A value the list does not hold (refused as invalid) stays visible, so the person sees what was sent.
  if (value !== '' && !options.some(([v]) => v === value)) options.push([value, value]);
  const html = options.map(([v, text]) => `<option${attrs({ value: v, selected: v === value })}>${escapeHtml(text)}</option>`).join('');
  return wrap(f, `<label for="${f.id}">${labelText(ctx, formText(ctx.lang, label), false)}</label>${f.notes}<select${attrs({ name, ...control(f, false) })}>${html}</select>`);
}

function checkbox(ctx: FormContext, name: 'consentFutureWorkshops' | 'consentNamedInReports', checked: boolean): string {
  const f = ctx.field(name, formText(ctx.lang, 'consentHint'));
  const input = `<input${attrs({ type: 'checkbox', name, value: 'on', checked, ...control(f, false) })}>`;
  return wrap(f, `<div class="choice">${input}<div><label for="${f.id}">${t(ctx.lang, name)}</label>${f.notes}</div></div>`);
}

function attendanceMode(ctx: FormContext, value: string): string {
  const f = ctx.field('attendanceMode', null);
  const radios = (
    [
      ['on-site', 'attendanceOnSite', f.id],
      ['remote', 'attendanceRemote', `${f.id}-remote`],
    ] as const
  ).map(([v, label, id]) => {
    const input = `<input${attrs({ type: 'radio', name: 'attendanceMode', value: v, checked: value === v, ...control(f, true), id, 'aria-required': null })}>`;
    return `<div class="choice">${input}<label for="${id}">${t(ctx.lang, label)}</label></div>`;
  });
  // aria-required belongs to the group (a radio button cannot carry it); `required` on the radios is for the browser.
  return (
    `<fieldset role="radiogroup" aria-required="true" aria-labelledby="${f.id}-legend"${f.invalid ? ' class="has-error"' : ''}>` +
    `<legend id="${f.id}-legend">${labelText(ctx, formText(ctx.lang, 'attendanceMode'), true)}</legend>${f.notes}${radios.join('')}</fieldset>`
  );
}

function bilingual(lang: FormLanguage, text: Bilingual): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.fi;
}

function question(ctx: FormContext, q: FormQuestion): string {
  const hints = [q.help === null ? '' : bilingual(ctx.lang, q.help), q.kind === 'advance-questions' ? formText(ctx.lang, 'advanceQuestionsHint') : ''].filter((h) => h.trim() !== '');
  const name = `answers.${q.questionId}`;
  const value = ctx.page.values.answers[q.questionId] ?? '';
  const hint = hints.length > 0 ? hints.join(' ') : null;
  return textField(ctx, { name, label: bilingual(ctx.lang, q.label), value, required: q.required, hint, multiline: q.kind === 'advance-questions' ? 5 : 3 });
}

function birthYears(startsAt: string): [string, string][] {
  // The years come from the workshop's date, not a clock, so the page stays a pure function of its model.
  const parsed = new Date(startsAt).getUTCFullYear();
  const year = Number.isNaN(parsed) ? 2025 : parsed;
  const years: [string, string][] = [];
  for (let y = year - 10; y >= year - 100; y--) years.push([String(y), String(y)]);
  return years;
}

function esfSection(ctx: FormContext): string {
  const { lang, page } = ctx;
  const v = page.values;
  const choices = (list: Choice[]): [string, string][] => list.map(([value, key]) => [value, formText(lang, key)]);
  // "Prefer not to say" first for the year: it is easier to find than at the end of ninety years.
  const years: [string, string][] = [['undisclosed', formText(lang, 'esfUndisclosed')], ...birthYears(page.workshop.startsAt)];
  return (
    `<fieldset><legend>${t(lang, 'esfHeading')}</legend>` +
    `<p>${t(lang, 'esfPurpose')}</p><p>${t(lang, 'esfVoluntary')} ${t(lang, 'esfStorage')}</p>` +
    selectField(ctx, 'esfGender', 'esfGender', v.esfGender, choices(GENDERS)) +
    selectField(ctx, 'esfBirthYear', 'esfBirthYear', v.esfBirthYear, years) +
    selectField(ctx, 'esfLabourMarketStatus', 'esfLabourMarketStatus', v.esfLabourMarketStatus, choices(STATUSES)) +
    selectField(ctx, 'esfEducationLevel', 'esfEducationLevel', v.esfEducationLevel, choices(EDUCATION)) +
    `</fieldset>`
  );
}

/** The honeypot: off-screen, hidden from screen readers and out of the tab order; its value is never echoed back. */
function honeypot(ctx: FormContext): string {
  const id = fieldId('website');
  const input = `<input${attrs({ type: 'text', id, name: 'website', value: '', tabindex: '-1', autocomplete: 'off' })}>`;
  return `<div class="hp" aria-hidden="true"><label for="${id}">${t(ctx.lang, 'honeypot')}</label>${input}</div>`;
}

export function renderFormPage(page: FormPage): string {
  const ctx = new FormContext(page);
  const { lang, values: v, workshop } = page;
  const full = workshop.seatsLeft !== null && workshop.seatsLeft <= 0;
  const sections = [
    `<fieldset><legend>${t(lang, 'aboutYou')}</legend>` +
      textField(ctx, { name: 'name', label: formText(lang, 'name'), value: v.name, required: true, autocomplete: 'name' }) +
      textField(ctx, { name: 'email', label: formText(lang, 'email'), value: v.email, required: true, type: 'email', autocomplete: 'email', hint: formText(lang, 'emailHint') }) +
      textField(ctx, { name: 'organization', label: formText(lang, 'organization'), value: v.organization, autocomplete: 'organization', hint: formText(lang, 'organizationHint') }) +
      `</fieldset>`,
    page.askAttendanceMode ? attendanceMode(ctx, v.attendanceMode) : '',
    page.questions.length > 0 ? `<fieldset><legend>${t(lang, 'questions')}</legend>${page.questions.map((q) => question(ctx, q)).join('')}</fieldset>` : '',
    `<fieldset><legend>${t(lang, 'practical')}</legend>` +
      textField(ctx, { name: 'dietary', label: formText(lang, 'dietary'), value: v.dietary, hint: formText(lang, 'dietaryHint') }) +
      textField(ctx, { name: 'accessibility', label: formText(lang, 'accessibility'), value: v.accessibility, hint: formText(lang, 'accessibilityHint'), multiline: 2 }) +
      `</fieldset>`,
    esfSection(ctx),
    `<fieldset><legend>${t(lang, 'consentHeading')}</legend>` +
      checkbox(ctx, 'consentFutureWorkshops', v.consentFutureWorkshops === 'on') +
      checkbox(ctx, 'consentNamedInReports', v.consentNamedInReports === 'on') +
      `</fieldset>`,
    honeypot(ctx),
  ];
  // The action carries the language, so the answer (or the errors) come back in the language the person chose.
  const form =
    `<form method="post"${attrs({ action: withLang(page.action, lang) })}>` +
    (page.invitation === null ? '' : `<input${attrs({ type: 'hidden', name: 'invitation', value: page.invitation })}>`) +
    sections.join('') +
    `<button type="submit">${t(lang, full ? 'submitWaitlist' : 'submit')}</button></form>`;
  const title = formText(lang, 'formTitle', { title: workshop.title });
  const main = `${workshopFacts(lang, workshop, { heading: 'h1', seats: true })}${ctx.summary()}<h2>${t(lang, 'formHeading')}</h2><p>${t(lang, 'requiredIntro')}</p>${form}`;
  return renderDocument({ lang, title: page.errors.length > 0 ? formText(lang, 'errorTitlePrefix', { title }) : title, address: page.action, main });
}
