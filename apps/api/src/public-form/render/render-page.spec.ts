import type { AnswerPage, FormPage, FormValues, FormWorkshop, PublicPage, UnavailablePage } from '../form-model';
import { fieldId, withLang } from './html';
import { escapeHtml, renderPage } from './render-page';
import { FORM_TEXTS } from './texts';

// A tiny reader for the pages' own markup (double-quoted attributes, no comments): enough to check structure without a DOM.
interface Tag {
  name: string;
  attrs: Record<string, string>;
  index: number;
}

function tags(html: string, names = '[a-z][a-z0-9]*'): Tag[] {
  const found: Tag[] = [];
  for (const m of html.matchAll(new RegExp(`<(${names})\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]] = a[2] ?? '';
    found.push({ name: m[1].toLowerCase(), attrs, index: m.index });
  }
  return found;
}

const controls = (html: string): Tag[] => tags(html, 'input|select|textarea');
const byId = (html: string, id: string): Tag | undefined => tags(html).find((tag) => tag.attrs.id === id);
/** The text inside the element with this id (its first closing tag ends it: enough for the spans and headings here). */
const textOf = (html: string, id: string): string => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '';

const workshop = (over: Partial<FormWorkshop> = {}): FormWorkshop => ({
  title: 'Sosiaalisen innovaation työpaja',
  startsAt: '2023-10-11T11:00:00.000Z',
  endsAt: '2023-10-11T13:00:00.000Z',
  format: 'in-person',
  location: { venue: 'Oodi', municipality: 'Helsinki', region: 'Uusimaa' },
  seatsLeft: 12,
  waitlisted: 0,
  ...over,
});

const emptyValues = (over: Partial<FormValues> = {}): FormValues => ({
  name: '',
  email: '',
  organization: '',
  attendanceMode: '',
  dietary: '',
  accessibility: '',
  answers: {},
  esfGender: '',
  esfBirthYear: '',
  esfLabourMarketStatus: '',
  esfEducationLevel: '',
  consentFutureWorkshops: '',
  consentNamedInReports: '',
  website: '',
  ...over,
});

const formPage = (over: Partial<FormPage> = {}): FormPage => ({
  kind: 'form',
  lang: 'fi',
  action: '/r/abc123',
  invitation: null,
  workshop: workshop(),
  questions: [
    { questionId: 'q1', kind: 'text', label: { fi: 'Mitä odotat työpajalta?', en: 'What do you expect?' }, help: null, required: true },
    { questionId: 'q2', kind: 'advance-questions', label: { fi: 'Kysymyksiä puhujille', en: '' }, help: { fi: 'Ilman nimeä.', en: 'No names.' }, required: false },
  ],
  askAttendanceMode: false,
  values: emptyValues(),
  errors: [],
  ...over,
});

const answerPage = (over: Partial<AnswerPage> = {}): AnswerPage => ({ kind: 'answer', lang: 'fi', workshop: workshop(), outcome: { status: 'registered' }, cancelUrl: '/r/cancel/tok.sig', ...over });

const everyPage = (lang: 'fi' | 'en'): PublicPage[] => [
  formPage({ lang, askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }), errors: [{ field: 'email', message: 'x' }] }),
  answerPage({ lang, outcome: { status: 'waitlisted', place: 2 } }),
  { kind: 'cancel-confirm', lang, workshop: workshop(), action: '/r/cancel/tok.sig' },
  { kind: 'cancelled', lang, workshop: workshop() },
  { kind: 'unavailable', lang, reason: 'closed', workshop: null },
];

describe('renderPage', () => {
  describe('every page', () => {
    it.each(['fi', 'en'] as const)('is a full HTML5 document in %s with charset, viewport, title and a marked language switch', (lang) => {
      for (const page of everyPage(lang)) {
        const html = renderPage(page);
        expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain('<meta charset="utf-8">');
        expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
        expect(html).toMatch(/<title>[^<]+<\/title>/);
        expect(html).toMatch(/<style>[^<]*:focus-visible\{outline:[^<]*<\/style>/);
        if (page.kind === 'answer') continue; // no switch: leaving the page would lose the cancel link
        const links = tags(html, 'a').filter((a) => a.attrs.hreflang);
        expect(links.map((a) => [a.attrs.hreflang, a.attrs.href.endsWith(`lang=${a.attrs.hreflang}`)])).toEqual([
          ['fi', true],
          ['en', true],
        ]);
        expect(links.filter((a) => 'aria-current' in a.attrs).map((a) => a.attrs.hreflang)).toEqual([lang]);
      }
    });

    it('has no script, no style attribute and no inline event handler anywhere', () => {
      for (const page of [...everyPage('fi'), ...everyPage('en')]) {
        const html = renderPage(page);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<[^>]*\sstyle\s*=/i);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      }
    });

    it('makes every button a submit button', () => {
      for (const page of everyPage('fi')) for (const button of tags(renderPage(page), 'button')) expect(button.attrs.type).toBe('submit');
    });
  });

  describe('the form', () => {
    it('ties a label to every visible control, with unique ids', () => {
      const html = renderPage(formPage({ askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }), invitation: 'inv-1' }));
      const visible = controls(html).filter((c) => c.attrs.type !== 'hidden');
      const labelled = new Set(tags(html, 'label').map((l) => l.attrs.for));
      expect(visible.length).toBeGreaterThan(15);
      for (const c of visible) {
        expect(c.attrs.id).toBeTruthy();
        expect(labelled.has(c.attrs.id)).toBe(true);
      }
      const ids = tags(html).map((t) => t.attrs.id).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('posts url-encoded to its action, in its language, with the field names of FormValues and the invitation hidden', () => {
      const html = renderPage(formPage({ lang: 'en', askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }), invitation: 'inv-1' }));
      const [form] = tags(html, 'form');
      expect(form.attrs).toEqual({ method: 'post', action: '/r/abc123?lang=en' });
      const names = new Set(controls(html).map((c) => c.attrs.name));
      const expected = ['name', 'email', 'organization', 'attendanceMode', 'dietary', 'accessibility', 'answers.q1', 'answers.q2'];
      expected.push('esfGender', 'esfBirthYear', 'esfLabourMarketStatus', 'esfEducationLevel');
      expect([...names].sort()).toEqual([...expected, 'consentFutureWorkshops', 'consentNamedInReports', 'website', 'invitation'].sort());
      expect(controls(html).find((c) => c.attrs.name === 'invitation')?.attrs).toMatchObject({ type: 'hidden', value: 'inv-1' });
    });

    it('marks required fields in text and with required and aria-required', () => {
      const html = renderPage(formPage());
      for (const name of ['name', 'email', 'answers.q1']) {
        const c = controls(html).find((x) => x.attrs.name === name)!;
        expect(c.attrs).toMatchObject({ required: '', 'aria-required': 'true' });
        expect(html).toMatch(new RegExp(`<label for="${c.attrs.id}">[^<]+ <span class="req">\\(pakollinen\\)</span></label>`));
      }
      const organization = controls(html).find((x) => x.attrs.name === 'organization')!;
      expect(organization.attrs.required).toBeUndefined();
    });

    it('lists the errors at the top, linking to each field, and ties each message to its field', () => {
      const errors = [
        { field: 'email', message: 'Tarkista sähköpostiosoite' },
        { field: 'name', message: 'Kirjoita nimesi' },
        { field: 'attendanceMode', message: 'Valitse osallistumistapa' },
        { field: 'answers.q1', message: 'Vastaa tähän kysymykseen' },
        { field: 'somethingElse', message: 'Yleinen virhe' },
      ];
      const html = renderPage(formPage({ errors, askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }) }));
      expect(html).toMatch(/<title>Virhe: /);
      const summary = /<div class="summary" role="alert"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '';
      expect(summary).toMatch(/^<h2 id="error-summary-title">Korjaa nämä kohdat<\/h2>/);
      expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<form'));
      // Page order: name before email; an error for a field the page does not show is listed without a link.
      expect(tags(summary, 'a').map((a) => a.attrs.href)).toEqual(['name', 'email', 'attendanceMode', 'answers.q1'].map((f) => `#${fieldId(f)}`));
      expect(summary).toContain('<li>Yleinen virhe</li>');
      for (const { field, message } of errors.slice(0, 4)) {
        const target = byId(html, fieldId(field))!;
        expect(target.attrs['aria-invalid']).toBe('true');
        const described = target.attrs['aria-describedby'].split(' ').map((id) => textOf(html, id));
        expect(described).toContain(message);
      }
      expect(controls(html).find((c) => c.attrs.name === 'organization')?.attrs['aria-invalid']).toBeUndefined();
    });

    it('fills the values in again after an error', () => {
      const values = emptyValues({ name: 'Aino', email: 'aino@', attendanceMode: 'remote', answers: { q2: '\nEka?\nToka?' }, esfLabourMarketStatus: 'in-education', consentNamedInReports: 'on' });
      const html = renderPage(formPage({ values, askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }), errors: [{ field: 'email', message: 'x' }] }));
      const all = controls(html);
      expect(all.find((c) => c.attrs.name === 'name')?.attrs.value).toBe('Aino');
      expect(all.find((c) => c.attrs.name === 'email')?.attrs.value).toBe('aino@');
      expect(all.filter((c) => 'checked' in c.attrs).map((c) => c.attrs.name)).toEqual(['attendanceMode', 'consentNamedInReports']);
      expect(all.find((c) => c.attrs.value === 'remote')?.attrs.checked).toBe('');
      expect(html).toContain('name="answers.q2"');
      expect(html).toMatch(/<textarea[^>]*name="answers.q2"[^>]*>\n\nEka\?\nToka\?<\/textarea>/);
      expect(html).toContain('<option value="in-education" selected>');
    });

    it('escapes hostile text everywhere', () => {
      const evil = '"><script>alert(1)</script>\'&';
      const html = renderPage(
        formPage({
          action: '/r/x"><script>',
          invitation: evil,
          workshop: workshop({ title: evil, location: { venue: evil, municipality: 'Helsinki', region: '' } }),
          questions: [{ questionId: 'q"<script>', kind: 'text', label: { fi: evil, en: evil }, help: { fi: evil, en: evil }, required: false }],
          values: emptyValues({ name: evil, dietary: evil, accessibility: '</textarea><script>x</script>', answers: { 'q"<script>': evil }, esfBirthYear: evil }),
          errors: [{ field: 'name', message: evil }],
        }),
      );
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;&amp;');
      expect(controls(html).find((c) => c.attrs.name === 'name')?.attrs.value).toBe(escapeHtml(evil));
      const others: PublicPage[] = [
        answerPage({ workshop: workshop({ title: evil }), cancelUrl: '/r/cancel/"><script>' }),
        { kind: 'cancel-confirm', lang: 'en', workshop: workshop({ title: evil }), action: '/r/cancel/"><script>' },
        { kind: 'unavailable', lang: 'en', reason: 'over', workshop: workshop({ title: evil }) },
      ];
      for (const page of others) expect(renderPage(page)).not.toMatch(/<script/i);
    });

    it('hides the honeypot off-screen, from screen readers and from the tab order, and never echoes it', () => {
      const html = renderPage(formPage({ values: emptyValues({ website: 'http://spam.example' }) }));
      const wrapper = /<div class="hp" aria-hidden="true">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
      const [input] = controls(wrapper);
      expect(input.attrs).toMatchObject({ name: 'website', tabindex: '-1', autocomplete: 'off', value: '' });
      expect(wrapper).toContain(`<label for="${input.attrs.id}">Jätä tämä kenttä tyhjäksi</label>`);
      expect(html).toMatch(/\.hp\{position:absolute;left:-10000px[^}]*overflow:hidden\}/);
      expect(html).not.toContain('spam.example');
    });

    it('asks the attendance mode for a hybrid workshop, in a fieldset with a legend, and not for an in-person one', () => {
      const hybrid = renderPage(formPage({ askAttendanceMode: true, workshop: workshop({ format: 'hybrid' }) }));
      const radios = controls(hybrid).filter((c) => c.attrs.name === 'attendanceMode');
      expect(radios.map((r) => [r.attrs.type, r.attrs.value])).toEqual([
        ['radio', 'on-site'],
        ['radio', 'remote'],
      ]);
      expect(hybrid).toMatch(/<fieldset[^>]*><legend[^>]*>Osallistumistapa <span class="req">\(pakollinen\)<\/span><\/legend>.*?Paikan päällä.*?Etänä/s);
      expect(hybrid).toContain('Oodi, Helsinki tai verkossa');
      const inPerson = renderPage(formPage());
      expect(inPerson).not.toContain('name="attendanceMode"');
      expect(inPerson).not.toContain('Osallistumistapa');
    });

    it('shows the time in Helsinki (14.00 for 11:00 UTC in October) in both languages', () => {
      expect(renderPage(formPage())).toContain('keskiviikkona 11. lokakuuta 2023 klo 14.00–16.00 (Suomen aikaa)');
      expect(renderPage(formPage({ lang: 'en' }))).toContain('Wednesday, 11 October 2023, 14:00–16:00 (Finnish time)');
      const winter = renderPage(formPage({ workshop: workshop({ startsAt: '2024-01-15T08:00:00Z', endsAt: '2024-01-16T15:30:00Z' }) }));
      expect(winter).toContain('maanantaina 15. tammikuuta 2024 klo 10.00 – tiistaina 16. tammikuuta 2024 klo 17.30');
    });

    it('shows the seats left, or that registrations go to the waitlist and how many wait', () => {
      expect(renderPage(formPage())).toContain('Vapaita paikkoja: 12');
      const full = renderPage(formPage({ lang: 'en', workshop: workshop({ seatsLeft: 0, waitlisted: 4 }) }));
      expect(full).toContain('new registrations go to the waitlist. Waiting now: 4.');
      expect(full).toContain('<button type="submit">Join the waitlist</button>');
      expect(renderPage(formPage({ workshop: workshop({ format: 'webinar', location: null, seatsLeft: null }) }))).toMatch(/<dd>Verkossa<\/dd><\/dl><h2>/);
    });

    it('explains the ESF+ questions and offers "not answered" and "undisclosed" with the API values', () => {
      const html = renderPage(formPage({ lang: 'en' }));
      expect(html).toContain('European Social Fund Plus');
      expect(html).toContain('does not affect your participation');
      expect(html).toContain('stored encrypted and reported only as aggregate figures');
      const options = (name: string): string[] => {
        const select = new RegExp(`<select[^>]*name="${name}"[^>]*>(.*?)</select>`, 's').exec(html)?.[1] ?? '';
        return tags(select, 'option').map((o) => o.attrs.value);
      };
      expect(options('esfGender')).toEqual(['', 'female', 'male', 'other', 'undisclosed']);
      expect(options('esfLabourMarketStatus')).toEqual(['', 'employed', 'self-employed', 'unemployed', 'long-term-unemployed', 'inactive', 'in-education', 'retired', 'undisclosed']);
      expect(options('esfEducationLevel')).toEqual(['', 'isced-0-2', 'isced-3-4', 'isced-5-8', 'undisclosed']);
      expect(options('esfBirthYear').slice(0, 4)).toEqual(['', 'undisclosed', '2013', '2012']);
      expect(html).toContain('<option value="" selected>— Not answered —</option>');
    });

    it('offers both consents as voluntary, unticked checkboxes that can be withdrawn', () => {
      const html = renderPage(formPage());
      const boxes = controls(html).filter((c) => c.attrs.type === 'checkbox');
      expect(boxes.map((b) => [b.attrs.name, 'checked' in b.attrs])).toEqual([
        ['consentFutureWorkshops', false],
        ['consentNamedInReports', false],
      ]);
      for (const box of boxes) expect(textOf(html, box.attrs['aria-describedby'])).toBe('Vapaaehtoinen. Voit perua suostumuksesi milloin tahansa.');
      expect(html).toContain('osallistujaluettelossa');
    });

    it('asks advance questions in a textarea with a one-per-line hint, the label falling back to Finnish', () => {
      const html = renderPage(formPage({ lang: 'en' }));
      const textarea = controls(html).find((c) => c.attrs.name === 'answers.q2')!;
      expect(textarea.name).toBe('textarea');
      expect(textOf(html, textarea.attrs['aria-describedby'])).toBe('No names. One question per line.');
      expect(html).toContain(`<label for="${textarea.attrs.id}">Kysymyksiä puhujille <span class="req">(optional)</span></label>`);
    });
  });

  describe('the other pages', () => {
    it('says registered, with the cancel link as a link and as text to keep', () => {
      const html = renderPage(answerPage({ lang: 'en' }));
      expect(html).toContain('<h1>Registration received</h1>');
      expect(html).toContain('<a href="/r/cancel/tok.sig">Cancel registration</a>');
      expect(html).toContain('<code class="copy">/r/cancel/tok.sig</code>');
      expect(html).toContain('Keep this link: it is the only way to cancel without contacting us.');
    });

    it('says waitlisted with the place in line', () => {
      expect(renderPage(answerPage({ outcome: { status: 'waitlisted', place: 3 } }))).toContain('Olet jonotuslistalla, sijasi jonossa: 3');
      expect(renderPage(answerPage({ lang: 'en', outcome: { status: 'waitlisted', place: 3 } }))).toContain('your place in line: 3');
    });

    it('asks to confirm a cancellation with one button posting to the action, and then says it is cancelled', () => {
      const html = renderPage({ kind: 'cancel-confirm', lang: 'fi', workshop: workshop(), action: '/r/cancel/tok.sig' });
      expect(tags(html, 'form').map((f) => f.attrs)).toEqual([{ method: 'post', action: '/r/cancel/tok.sig?lang=fi' }]);
      expect(html.match(/<button/g)).toHaveLength(1);
      expect(html).toContain('<button type="submit">Peru ilmoittautuminen</button>');
      expect(renderPage({ kind: 'cancelled', lang: 'fi', workshop: workshop() })).toContain('<h1>Ilmoittautumisesi on peruttu</h1>');
    });

    it('gives a message of its own for every reason a form is unavailable', () => {
      const reasons: UnavailablePage['reason'][] = ['unknown-link', 'closed', 'not-open-yet', 'over', 'invitation-required', 'too-many-requests'];
      const messages = reasons.map((reason) => /<p class="notice">([^<]+)<\/p>/.exec(renderPage({ kind: 'unavailable', lang: 'fi', reason, workshop: null }))?.[1]);
      expect(new Set(messages).size).toBe(reasons.length);
      expect(renderPage({ kind: 'unavailable', lang: 'fi', reason: 'over', workshop: workshop() })).toContain('Sosiaalisen innovaation työpaja');
    });
  });
});

describe('texts', () => {
  it('has the same keys in both languages, no empty text, and the same placeholders', () => {
    expect(Object.keys(FORM_TEXTS.en).sort()).toEqual(Object.keys(FORM_TEXTS.fi).sort());
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, fi] of Object.entries(FORM_TEXTS.fi) as [keyof typeof FORM_TEXTS.fi, string][]) {
      expect(fi.trim()).not.toBe('');
      expect(FORM_TEXTS.en[key].trim()).not.toBe('');
      expect([key, placeholders(FORM_TEXTS.en[key])]).toEqual([key, placeholders(fi)]);
    }
  });
});

describe('html helpers', () => {
  it('gives distinct field names distinct, plain ids', () => {
    const names = ['answers.q1', 'answers_q1', 'answers_2e_q1', 'answers-q1', 'answers.ä"<'];
    const ids = names.map(fieldId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^field-[A-Za-z0-9_-]+$/);
  });

  it('sets the language on an address, keeping its other parameters', () => {
    expect(withLang('/r/abc', 'en')).toBe('/r/abc?lang=en');
    expect(withLang('/r/abc?invitation=x&lang=fi#top', 'en')).toBe('/r/abc?invitation=x&lang=en');
  });
});
