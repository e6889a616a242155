import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserBanner, browserForSuite } from '../scripts/browser';
import { apiHarness, KEYS, type ApiHarness, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// The resource map page (GET /ui/resources) in a real browser against the real app on a port: partners with offers
// and pledge history, filtered in the page with the analyst key. Needs the bundle (`npm run build`) and Chromium
// (Debian's, or KUHINA_CHROMIUM); without it the browser part is SKIPPED loudly, or fails with KUHINA_REQUIRE_BROWSER=1.
const BROWSER = browserForSuite();
if (BROWSER.action === 'skip') console.warn(`[kuhina] ${browserBanner(BROWSER)}`);
const describeInChromium = BROWSER.action === 'skip' ? describe.skip : describe;
const SCREENSHOT = join(__dirname, '..', 'artifacts', 'ui-resources.png');

jest.setTimeout(30_000);

/** Two partners in Lapland: a roastery that fulfilled a pledge at Kemi, a city that offers a hall and a café. */
async function givenPartners(api: ApiHarness): Promise<{ city: string; roastery: string; position: string }> {
  const register = async (body: Record<string, unknown>) => (await api.post<Written>('/organizations', body)).body.id;
  const city = await register({ name: 'Kemin kaupunki', sector: 'public-administration', municipality: 'Kemi', region: 'Lappi' });
  const roastery = await register({ name: 'Paahtimo Oy', sector: 'sme', municipality: 'Tornio', region: 'Lappi' });
  await register({ name: 'Porin kaupunki', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' }).then((pori) =>
    api.post(`/organizations/${pori}/offers`, { kind: 'venue', description: 'Tent space on the pedestrian street' }),
  );
  const workshop = await api.post<Written>('/workshops', KEMI_WORKSHOP);
  const pledge = await api.post<Written>(`/workshops/${workshop.body.id}/pledges`, { organizationId: roastery, kind: 'catering', description: 'Coffee for 40', inKindValueCents: 12_000, valuationBasis: 'list price' });
  await api.post(`/workshops/${workshop.body.id}/pledges/${pledge.body.id}/fulfil`, {});
  await api.post(`/organizations/${city}/offers`, { kind: 'catering', description: 'Town hall café' });
  const last = await api.post<Written>(`/organizations/${city}/offers`, { kind: 'venue', description: 'Council hall', capacity: '120 seats', availableFrom: '2024-06-01', availableUntil: '2024-06-30' });
  return { city, roastery, position: last.body.position };
}

describe('The resource page: served without a key', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  it('answers the page, its script and stylesheet without a key, all from its own origin; the map itself needs one', async () => {
    const page = await api.get<string>('/ui/resources', { as: null });
    const script = await api.get<string>('/ui/resources.js', { as: null });
    const style = await api.get<string>('/ui/resources.css', { as: null });

    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('<script src="./resources.js" defer></script>');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect([style.status, style.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect((await api.get('/resources', { as: null })).status).toBe(401);
    expect((await api.get('/ui/resources.html', { as: null })).status).toBe(404);
  });
});

describeInChromium(`The resource page in Chromium (analyst key typed into the page)${BROWSER.action === 'skip' ? ` — SKIPPED: ${BROWSER.reason}` : ''}`, () => {
  let api: ApiHarness;
  let base: string;
  let browser: Browser;
  let page: Page;
  let partners: { city: string; roastery: string; position: string };

  const lines = async () =>
    page.$$eval('#rows tr', (rows) => rows.map((row) => [(row as unknown as { dataset: Record<string, string> }).dataset.organizationId, (row as unknown as { dataset: Record<string, string> }).dataset.kind]));
  /** Applies the filter and waits for the page to show the next answer (not the one already there). */
  const show = async () => {
    const loads = Number((await page.getAttribute('#map', 'data-loads')) ?? '0');
    await page.click('#apply');
    await page.waitForSelector(`#map[data-loads="${loads + 1}"]`);
  };

  beforeAll(async () => {
    if (BROWSER.action !== 'use') throw new Error(browserBanner(BROWSER));
    api = await apiHarness();
    partners = await givenPartners(api);
    // The projector runs behind the writes: wait until the views hold the partners.
    expect((await api.get(`/resources?consistentWith=${partners.position}`, { as: 'analyst' })).status).toBe(200);
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: BROWSER.chromium });
    page = await (await browser.newContext({ viewport: { width: 1300, height: 800 }, acceptDownloads: true })).newPage();
    await page.goto(`${base}/ui/resources?region=Lappi`);
    await page.waitForSelector('body[data-state="needs-key"]');
    await page.fill('#api-key', KEYS.analyst);
    await page.click('#use-key');
    await page.waitForSelector('body[data-state="ready"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the map of the region in the address, the partner that fulfilled before first, with the workshop behind it', async () => {
    expect(await page.inputValue('#region')).toBe('Lappi');
    expect(await lines()).toEqual([
      [partners.roastery, 'catering'],
      [partners.city, 'catering'],
      [partners.city, 'venue'],
    ]);
    const first = await page.textContent('#rows tr:first-child');
    expect(first).toContain('Paahtimo Oy');
    expect(first).toContain('1 fulfilled');
    expect(first).toContain(`${KEMI_WORKSHOP.title} (2023-09-12, Kemi): fulfilled`);
    expect(await page.isHidden('#problem')).toBe(true);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('filters by kind and by the day an offer is available, keeping the filter in the address', async () => {
    await page.selectOption('#kind', 'venue');
    await show();
    expect(await lines()).toEqual([[partners.city, 'venue']]);
    expect(page.url()).toContain('kind=venue');

    await page.selectOption('#kind', '');
    await page.fill('#availableOn', '2024-07-15');
    await show();
    // The café gives no dates (any day); the hall only in June; the roastery has pledges but no offer.
    expect(await lines()).toEqual([[partners.city, 'catering']]);
    expect(await page.textContent('#count')).toBe('1 line');

    await page.fill('#availableOn', '');
    await page.fill('#region', '');
    await show();
    expect((await lines()).length).toBe(4);
  });

  it('downloads the same filter as CSV', async () => {
    await page.fill('#region', 'Lappi');
    await page.selectOption('#kind', 'catering');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('resources.csv');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.replace(/^\ufeff/, '').split('\n')[0]).toMatch(/^rank,organization_id,organization,/);
    expect(text).toContain('Paahtimo Oy');
    expect(text).not.toContain('Council hall');
  });
});
