// The few HTML helpers of the public pages. Every text that reaches the page goes through `escapeHtml`: titles, names,
// answers and even labels come from people, and the same escape is safe both in text and in quoted attributes.
import type { FormLanguage } from '../form-model';
import { FORM_TEXTS, type FormTextKey } from './texts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An attribute list: `true` writes the bare name, `false`/null/undefined leaves it out, values are escaped and double-quoted. */
export function attrs(list: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(list)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** A text of `lang` as HTML: the text is escaped, then each `{name}` is replaced by the given (already safe) HTML. */
export function textHtml(lang: FormLanguage, key: FormTextKey, html: Record<string, string> = {}): string {
  return escapeHtml(FORM_TEXTS[lang][key]).replace(/\{(\w+)\}/g, (whole, name: string) => html[name] ?? whole);
}

/** A plain text of `lang`, escaped. */
export function t(lang: FormLanguage, key: FormTextKey): string {
  return escapeHtml(FORM_TEXTS[lang][key]);
}

/**
 * The element id of a form field (`answers.q-1` → `field-answers_2e_q-1`): ids and `#fragments` stay plain ASCII whatever a
 * question id holds, and distinct names never collide (every character outside [A-Za-z0-9-] is written as `_hex_`).
 */
export function fieldId(name: string): string {
  return 'field-' + name.replace(/[^A-Za-z0-9-]/g, (c) => '_' + c.codePointAt(0)!.toString(16) + '_');
}

/** `url` with its `lang` query parameter set (other parameters, such as an invitation, are kept). */
export function withLang(url: string, lang: FormLanguage): string {
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const [base, query = ''] = path.split(/\?(.*)/s);
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${base}?${params.toString()}`;
}
