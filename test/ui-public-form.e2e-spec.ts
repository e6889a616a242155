import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { fieldId } from '../apps/api/src/public-form/render/html';
import { FORM_TEXTS } from '../apps/api/src/public-form/render/texts';
import { browserBanner, browserForSuite } from '../scripts/browser';
import { apiHarness, type ApiHarness, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// The public registration form (GET/POST /r/<link>, issue 19) in a real browser against the real app on a port, in a
// fresh data folder (no demo): a person fills and submits it, with and without JavaScript, in Finnish and English;
// the back office sees the registration in its own list; the last seat, the waitlist, the cancel link and the promotion.
// Needs Chromium (Debian's, or KUHINA_CHROMIUM); without it the browser part is SKIPPED loudly, or fails with KUHINA_REQUIRE_BROWSER=1.
const BROWSER = browserForSuite();
if (BROWSER.action === 'skip') console.warn(`[kuhina] ${browserBanner(BROWSER)}`);
const describeInChromium = BROWSER.action === 'skip' ? describe.skip : describe;
const ROOT = join(__dirname, '..');
const SCREENSHOT = join(ROOT, 'artifacts', 'ui-public-form.png');
// The README's picture changes only when asked to: a test run must not rewrite a committed file.
const README_SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'public-form.png');
const { fi, en } = FORM_TEXTS;

const EXPECTATIONS = fieldId('answers.expectations');
const ADVANCE = fieldId('answers.advance');
const QUESTIONS = [
  { questionId: 'expectations', kind: 'text', label: { fi: 'Mitä odotat työpajalta?', en: 'What do you expect of the workshop?' }, required: true },
  { questionId: 'advance', kind: 'advance-questions', label: { fi: 'Kysymyksiä puhujille', en: 'Questions for the speakers' }, required: false },
];

interface Listed {
  registrationId: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
  attendanceMode: string;
  waitlistPosition: number | null;
  promotedAt: string | null;
  person: { name: string | null; email: string | null };
  personId: string;
  viaForm: { linkId: string; answers: { answers: Record<string, string>; organization: string | null; dietary: string | null; accessibility: string | null } | null } | null;
}
interface Person {
  name: string;
  email: string;
  mode?: 'on-site' | 'remote';
  expectations?: string;
  advance?: string;
  organization?: string;
  dietary?: string;
  consent?: boolean;
}

jest.setTimeout(30_000);

describeInChromium(`The public registration form in Chromium${BROWSER.action === 'skip' ? ` — SKIPPED: ${BROWSER.reason}` : ''}`, () => {
  let api: ApiHarness;
  let base: string;
  let browser: Browser;
  /** Hybrid, two seats: the registration, the waitlist and the cancellation. */
  let small: { id: string; linkId: string; path: string };
  /** Hybrid, no limit: without JavaScript, the languages, the errors and the keyboard. */
  let open: { id: string; linkId: string; path: string };
  let firstCancelUrl: string;

  /** A hybrid workshop in 2027 with the two questions, registration open and one form link; waits until the form shows it. */
  const givenWorkshop = async (title: string, capacity: number | null) => {
    const planned = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, title, startsAt: '2027-03-16T12:00:00+02:00', endsAt: '2027-03-16T15:00:00+02:00', capacity });
    expect(planned.status).toBe(201);
    const id = planned.body.id;
    expect((await api.post(`/workshops/${id}/registration-form`, { questions: QUESTIONS })).status).toBe(200);
    const link = await api.post<Written & { path: string }>(`/workshops/${id}/registration-links`, {});
    expect(link.status).toBe(201);
    const opened = await api.post<Written>(`/workshops/${id}/registration/open`, {});
    expect(opened.status).toBe(200);
    expect((await api.get(`/workshops/${id}?consistentWith=${opened.body.position}`)).status).toBe(200);
    expect(link.body.path).toMatch(/^\/r\/[A-Za-z0-9_-]+$/);
    return { id, linkId: link.body.id, path: link.body.path };
  };
  /** The back office's own list, once the views hold everything written so far. */
  const registrations = async (workshopId: string): Promise<Listed[]> => {
    const answer = await api.get<{ registrations: Listed[] }>(`/workshops/${workshopId}/registrations?consistentWith=${await api.headPosition()}`);
    expect(answer.status).toBe(200);
    return answer.body.registrations;
  };
  const newPage = async (options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 900, height: 1000 }, ...options });
    return { context, page: await context.newPage() };
  };
  const fill = async (page: Page, who: Person): Promise<void> => {
    await page.fill('#field-name', who.name);
    await page.fill('#field-email', who.email);
    if (who.organization !== undefined) await page.fill('#field-organization', who.organization);
    await page.check(who.mode === 'remote' ? '#field-attendanceMode-remote' : '#field-attendanceMode');
    await page.fill(`#${EXPECTATIONS}`, who.expectations ?? 'Uusia yhteistyökumppaneita');
    if (who.advance !== undefined) await page.fill(`#${ADVANCE}`, who.advance);
    if (who.dietary !== undefined) await page.fill('#field-dietary', who.dietary);
    if (who.consent) await page.check('#field-consentFutureWorkshops');
  };
  /** Presses the form's button and waits for the page the POST answers; its HTTP status. */
  const submit = async (page: Page, button = 'form button[type="submit"]'): Promise<number> => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(button)]);
    await page.waitForLoadState('domcontentloaded');
    return response.status();
  };
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();

  beforeAll(async () => {
    if (BROWSER.action !== 'use') throw new Error(browserBanner(BROWSER)); // KUHINA_REQUIRE_BROWSER=1 and no Chromium
    api = await apiHarness();
    small = await givenWorkshop('Työpaja 1: Kahden paikan työpaja (hybridi)', 2);
    open = await givenWorkshop('Työpaja 2: Avoin työpaja (hybridi)', null);
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: BROWSER.chromium });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers a person from the filled form (answers, attendance mode, consent) and the back office lists it with the answers', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base}${small.path}`);
      expect(await text(page, 'h1')).toBe('Työpaja 1: Kahden paikan työpaja (hybridi)');
      const advance = 'Miten rahoitus jatkuu?\nKuka koordinoi?';
      await fill(page, { name: 'Aino Virtanen', email: 'aino@example.org', mode: 'remote', organization: 'Lapin AMK', advance, dietary: 'Kasvisruoka', consent: true });
      expect(await submit(page)).toBe(200);

      expect(await text(page, 'h1')).toBe(fi.registeredTitle);
      expect(await text(page, 'main > p')).toBe(fi.registeredText);
      const cancel = await page.getAttribute(`a:text-is("${fi.cancelLink}")`, 'href');
      expect(cancel).toMatch(/^\/r\/cancel\/[A-Za-z0-9_-]+$/);
      expect(await text(page, 'code.copy')).toBe(cancel);
      firstCancelUrl = cancel!;

      const listed = await registrations(small.id);
      expect(listed).toHaveLength(1);
      const [aino] = listed;
      expect({ name: aino!.person.name, email: aino!.person.email, status: aino!.status, mode: aino!.attendanceMode, linkId: aino!.viaForm?.linkId }).toEqual({
        name: 'Aino Virtanen',
        email: 'aino@example.org',
        status: 'registered',
        mode: 'remote',
        linkId: small.linkId,
      });
      const answers = aino!.viaForm!.answers!;
      expect({ ...answers, answers: { ...answers.answers, advance: answers.answers['advance']?.replace(/\r\n/g, '\n') } }).toEqual({
        answers: { expectations: 'Uusia yhteistyökumppaneita', advance },
        organization: 'Lapin AMK',
        dietary: 'Kasvisruoka',
        accessibility: null,
      });
      const person = await api.get<{ consents: Record<string, { given: boolean; source: string | null }> }>(`/people/${aino!.personId}?consistentWith=${await api.headPosition()}`);
      expect(person.body.consents['future-workshops']).toMatchObject({ given: true, source: 'form' });
      expect(person.body.consents['named-in-reports']).toMatchObject({ given: false });
    } finally {
      await context.close();
    }
  });

  it('fills the last seat, then puts the next person on the waitlist and shows the place in line', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base}${small.path}`);
      await fill(page, { name: 'Bertil Nyström', email: 'bert@example.org' });
      expect(await submit(page)).toBe(200);
      expect(await text(page, 'h1')).toBe(fi.registeredTitle);
      await registrations(small.id); // the views hold the full workshop before the form is shown again

      await page.goto(`${base}${small.path}`);
      expect(await text(page, 'form button[type="submit"]')).toBe(fi.submitWaitlist);
      expect(await text(page, 'p.notice')).toBe(fi.seatsFull.replace('{waiting}', '0'));
      await fill(page, { name: 'Cecilia Korhonen', email: 'cecilia@example.org', mode: 'on-site' });
      expect(await submit(page)).toBe(200);

      expect(await text(page, 'h1')).toBe(fi.waitlistedTitle);
      expect(await text(page, 'p.notice')).toBe(fi.waitlistedText.replace('{place}', '1'));
      expect(await page.getAttribute(`a:text-is("${fi.cancelLink}")`, 'href')).toMatch(/^\/r\/cancel\//);
      const listed = await registrations(small.id);
      expect(listed.map((r) => [r.person.name, r.status, r.waitlistPosition])).toEqual([
        ['Aino Virtanen', 'registered', null],
        ['Bertil Nyström', 'registered', null],
        ['Cecilia Korhonen', 'waitlisted', 1],
      ]);
    } finally {
      await context.close();
    }
  });

  it('cancels with the link of the first answer page (a GET only asks) and promotes the person waiting', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base}${firstCancelUrl}`);
      expect(await text(page, 'h1')).toBe(fi.cancelConfirmTitle);
      expect((await registrations(small.id)).map((r) => r.status)).toEqual(['registered', 'registered', 'waitlisted']);
      expect(await submit(page, `button:text-is("${fi.cancelConfirmButton}")`)).toBe(200);

      expect(await text(page, 'h1')).toBe(fi.cancelledTitle);
      const listed = await registrations(small.id);
      expect(listed.map((r) => [r.person.name, r.status])).toEqual([
        ['Aino Virtanen', 'cancelled'],
        ['Bertil Nyström', 'registered'],
        ['Cecilia Korhonen', 'registered'],
      ]);
      expect(listed[2]!.promotedAt).not.toBeNull();
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: no <script> at all, and the form posts and answers in the language chosen', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    try {
      const shown = await page.goto(`${base}${open.path}?lang=en`);
      expect(shown!.status()).toBe(200);
      expect(await shown!.text()).not.toMatch(/<script/i);
      expect(await page.locator('script').count()).toBe(0);
      await fill(page, { name: 'Dora Lindqvist', email: 'dora@example.org', mode: 'on-site', expectations: 'Contacts in Lapland' });
      expect(await submit(page)).toBe(200);

      expect(await text(page, 'h1')).toBe(en.registeredTitle);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('script').count()).toBe(0);
      const listed = await registrations(open.id);
      expect(listed.map((r) => [r.person.name, r.status, r.attendanceMode, r.viaForm?.answers?.answers])).toEqual([
        ['Dora Lindqvist', 'registered', 'on-site', { expectations: 'Contacts in Lapland' }],
      ]);
    } finally {
      await context.close();
    }
  });

  it("speaks Finnish and English: ?lang=, the browser's language, and the switch", async () => {
    const { context, page } = await newPage();
    const english = await browser.newContext({ locale: 'en-GB' });
    try {
      const shows = async (tab: Page, lang: 'fi' | 'en') => {
        const texts = FORM_TEXTS[lang];
        expect(await tab.getAttribute('html', 'lang')).toBe(lang);
        expect(await text(tab, 'form button[type="submit"]')).toBe(texts.submit);
        expect(await text(tab, 'label[for="field-name"]')).toBe(`${texts.name} ${texts.required}`);
        expect(await text(tab, 'label[for="field-email"]')).toBe(`${texts.email} ${texts.required}`);
        expect(await text(tab, `label[for="${EXPECTATIONS}"]`)).toBe(`${QUESTIONS[0]!.label[lang]} ${texts.required}`);
        expect(await text(tab, 'label[for="field-attendanceMode-remote"]')).toBe(texts.attendanceRemote);
        expect(await tab.title()).toBe(texts.formTitle.replace('{title}', 'Työpaja 2: Avoin työpaja (hybridi)'));
      };
      await page.goto(`${base}${open.path}?lang=fi`);
      await shows(page, 'fi');
      await page.goto(`${base}${open.path}?lang=en`);
      await shows(page, 'en');
      await page.goto(`${base}${open.path}`); // a Finnish browser, no ?lang
      await shows(page, 'fi');

      mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      if (process.env.KUHINA_UPDATE_SCREENSHOTS === '1') {
        mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
        copyFileSync(SCREENSHOT, README_SCREENSHOT);
      }
      expect(existsSync(SCREENSHOT)).toBe(true);

      await page.click(`nav.lang a[hreflang="en"]`);
      await page.waitForURL(/[?&]lang=en/);
      await shows(page, 'en');

      const tab = await english.newPage(); // Accept-Language: en-GB, no ?lang
      await tab.goto(`${base}${open.path}`);
      await shows(tab, 'en');
    } finally {
      await context.close();
      await english.close();
    }
  });

  it('ties a refused field to its message (summary, aria-invalid, aria-describedby), keeps what was typed and writes nothing', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base}${open.path}`);
      await fill(page, { name: 'Eero Mäkinen', email: 'eero@example.org', mode: 'remote', expectations: '' });
      // The browser's own check would stop the empty required field: let the server judge it.
      type Doc = { document: { getElementById(id: string): { removeAttribute(name: string): void } } };
      await page.evaluate((id) => (globalThis as unknown as Doc).document.getElementById(id).removeAttribute('required'), EXPECTATIONS);
      const head = await api.headPosition();
      expect(await submit(page)).toBe(400);

      expect(await page.title()).toMatch(/^Virhe: /);
      expect(await text(page, '.summary h2')).toBe(fi.errorSummaryHeading);
      expect(await page.$$eval('.summary a', (links) => links.map((a) => [a.getAttribute('href'), (a.textContent ?? '').trim()]))).toEqual([[`#${EXPECTATIONS}`, fi.errorAnswerRequired]]);
      const field = page.locator(`#${EXPECTATIONS}`);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
      expect(describedBy).toContain(`${EXPECTATIONS}-error`);
      expect(await text(page, `#${EXPECTATIONS}-error`)).toBe(fi.errorAnswerRequired);
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
      expect(await page.inputValue('#field-name')).toBe('Eero Mäkinen');
      expect(await page.isChecked('#field-attendanceMode-remote')).toBe(true);
      expect(await api.headPosition()).toBe(head);
      expect((await registrations(open.id)).map((r) => r.person.name)).not.toContain('Eero Mäkinen');

      // The summary's link moves to the field; answering then registers.
      await page.click(`.summary a[href="#${EXPECTATIONS}"]`);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe(EXPECTATIONS);
      await page.keyboard.type('Verkostoja');
      expect(await submit(page)).toBe(200);
      expect(await text(page, 'h1')).toBe(fi.registeredTitle);
    } finally {
      await context.close();
    }
  });

  it('is usable from the keyboard alone: Tab reaches name, e-mail and the submit button in that order, never the honeypot', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${base}${open.path}`);
      const focused = () =>
        page.evaluate(() => {
          const active = (globalThis as unknown as { document: { activeElement: { id: string; tagName: string; getAttribute(n: string): string | null } | null } }).document.activeElement;
          return active === null ? '' : active.tagName === 'BUTTON' ? `button:${active.getAttribute('type')}` : active.id || active.tagName.toLowerCase();
        });
      const order: string[] = [];
      for (let i = 0; i < 60 && order.at(-1) !== 'button:submit'; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused());
      }
      const fields = order.filter((id) => id.startsWith('field-') || id.startsWith('button:'));
      expect(fields.slice(0, 2)).toEqual(['field-name', 'field-email']);
      expect(order.at(-1)).toBe('button:submit');
      expect(order).toContain(EXPECTATIONS);
      expect(order).not.toContain('field-website');
      expect(order.indexOf(EXPECTATIONS)).toBeGreaterThan(order.indexOf('field-email'));
    } finally {
      await context.close();
    }
  });
});
