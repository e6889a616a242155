// The frame every public page shares: the HTML5 document, its stylesheet, the language switch and the workshop's facts.
import { FORM_LANGUAGES, type FormLanguage, type FormWorkshop } from '../form-model';
import { attrs, escapeHtml, t, textHtml, withLang } from './html';
import { formText } from './texts';

// Inline in a <style> element because the pages are single responses with no assets; no style="" attributes (the
// Content-Security-Policy refuses them) and no script: the form works with HTML alone.
const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f4}
main{max-width:42rem;margin:0 auto;padding:1rem 1rem 3rem;background:#fff}
header{max-width:42rem;margin:0 auto;padding:.5rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
.site{margin:0;font-weight:600}
.lang ul{display:flex;gap:1rem;margin:0;padding:0;list-style:none}
.lang a[aria-current]{font-weight:700;text-decoration:none}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:#0b4f9c}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,.summary:focus-visible{outline:3px solid #d4351c;outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}
dl.workshop{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.workshop dt{font-weight:600}
dl.workshop dd{margin:0}
.notice{border-left:5px solid #0b4f9c;padding:.5rem 1rem;background:#eef4fb}
.field{margin:0 0 1.25rem}
label,legend{display:block;font-weight:600;margin:0 0 .25rem}
fieldset{border:1px solid #b1b4b6;padding:.75rem 1rem;margin:0 0 1.5rem}
legend{padding:0 .25rem;font-size:1.125rem}
.choice{display:flex;align-items:flex-start;gap:.5rem;margin:.25rem 0}
.choice label{font-weight:400;margin:0}
.choice input{margin-top:.3rem;width:1.25rem;height:1.25rem;flex:none}
.hint{display:block;color:#505a5f;margin:0 0 .25rem;font-weight:400}
.req{font-weight:400}
input[type=text],input[type=email],select,textarea{display:block;width:100%;font:inherit;padding:.4rem;border:2px solid #0b0c0c;border-radius:0;background:#fff}
textarea{min-height:5rem;resize:vertical}
.error-message{display:block;color:#b00020;font-weight:700;margin:0 0 .25rem}
.has-error{border-left:5px solid #b00020;padding-left:.75rem}
[aria-invalid=true]{border-color:#b00020}
.summary{border:4px solid #b00020;padding:.75rem 1rem;margin:0 0 1.5rem}
.summary h2{margin-top:0}
.summary a{color:#b00020;font-weight:700}
button{font:inherit;font-weight:700;padding:.6rem 1.25rem;border:2px solid #00703c;background:#00703c;color:#fff;cursor:pointer}
button:hover{background:#005a30}
.copy{display:block;padding:.5rem;background:#f3f2f1;border:1px dashed #505a5f;overflow-wrap:anywhere;user-select:all;font-family:ui-monospace,monospace}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
`;

export interface DocumentParts {
  lang: FormLanguage;
  title: string;
  /** The page's own address for the language switch; null: the current address (`?lang=` only); false: no switch. */
  address: string | null | false;
  /** The body's main content, as HTML. */
  main: string;
}

export function renderDocument(parts: DocumentParts): string {
  const { lang } = parts;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><p class="site">${t(lang, 'siteName')}</p>${parts.address === false ? '' : languageSwitch(lang, parts.address)}</header>`,
    `<main>${parts.main}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Links to the same page in each language; each link names its language in that language. */
function languageSwitch(current: FormLanguage, address: string | null): string {
  const items = FORM_LANGUAGES.map((lang) => {
    const href = address === null ? `?lang=${lang}` : withLang(address, lang);
    return `<li><a${attrs({ href, hreflang: lang, lang, 'aria-current': lang === current ? 'true' : null })}>${t(lang, 'languageName')}</a></li>`;
  });
  return `<nav class="lang"${attrs({ 'aria-label': formText(current, 'languageSwitch') })}><ul>${items.join('')}</ul></nav>`;
}

const LOCALES: Record<FormLanguage, string> = { fi: 'fi-FI', en: 'en-GB' };
const ZONE = 'Europe/Helsinki';

/** The workshop's date and time in Finnish time, e.g. "keskiviikkona 11. lokakuuta 2023 klo 14.00–16.00 (Suomen aikaa)". */
export function formatWhen(lang: FormLanguage, startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  // A malformed date is shown as given rather than failing the whole page (Intl throws on an invalid Date).
  if (Number.isNaN(start.getTime())) return startsAt;
  const date = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: ZONE, hour: 'numeric', minute: '2-digit' });
  if (Number.isNaN(end.getTime())) return formText(lang, 'dateTimeAt', { date: date.format(start), time: time.format(start) });
  if (date.format(start) === date.format(end)) return formText(lang, 'dateTimeSameDay', { date: date.format(start), start: time.format(start), end: time.format(end) });
  const at = (d: Date): string => formText(lang, 'dateTimeAt', { date: date.format(d), time: time.format(d) });
  return formText(lang, 'dateTimeSpan', { start: at(start), end: at(end) });
}

/** Where: the venue and municipality, "online" for a webinar, both for a hybrid workshop. */
export function formatWhere(lang: FormLanguage, workshop: FormWorkshop): string {
  const { location } = workshop;
  if (workshop.format === 'webinar' || location === null) return formText(lang, 'online');
  const place = [location.venue, location.municipality].filter((part) => part.trim() !== '').join(', ');
  return workshop.format === 'hybrid' ? formText(lang, 'placeAndOnline', { place }) : place;
}

/** The workshop's title as a heading and its facts; `seats` adds the seats left or the waitlist (the form only). */
export function workshopFacts(lang: FormLanguage, workshop: FormWorkshop, opts: { heading: 'h1' | 'h2'; seats: boolean }): string {
  const rows = [
    `<dt>${t(lang, 'when')}</dt><dd>${escapeHtml(formatWhen(lang, workshop.startsAt, workshop.endsAt))}</dd>`,
    `<dt>${t(lang, 'where')}</dt><dd>${escapeHtml(formatWhere(lang, workshop))}</dd>`,
  ];
  let full = '';
  if (opts.seats && workshop.seatsLeft !== null && workshop.seatsLeft > 0) {
    rows.push(`<dt>${t(lang, 'seats')}</dt><dd>${escapeHtml(formText(lang, 'seatsLeft', { count: workshop.seatsLeft }))}</dd>`);
  } else if (opts.seats && workshop.seatsLeft !== null) {
    full = `<p class="notice">${textHtml(lang, 'seatsFull', { waiting: String(workshop.waitlisted) })}</p>`;
  }
  return `<${opts.heading}>${escapeHtml(workshop.title)}</${opts.heading}><dl class="workshop">${rows.join('')}</dl>${full}`;
}
