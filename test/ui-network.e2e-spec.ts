import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import type { NetworkAnswer } from '@kuhina/analytics';
import { browserBanner, browserForSuite } from '../scripts/browser';
import { apiHarness, KEYS, type ApiHarness } from './support/api-harness';

// The network page (GET /ui/network) in a real browser against the real app on a port, with the 2023 demo chain.
// Needs the bundle (`npm run build` or `node scripts/build-ui.js`) and Chromium (Debian's, or KUHINA_CHROMIUM).
// scripts/browser.js decides: use it; (Jest's global setup) install Debian's where it can; else skip the browser part
// with a loud SKIPPED and the reason, or fail it when KUHINA_REQUIRE_BROWSER=1 (CI).
const BROWSER = browserForSuite();
const CHROMIUM = BROWSER.chromium;
if (BROWSER.action === 'skip') console.warn(`[kuhina] ${browserBanner(BROWSER)}`);
const describeInChromium = BROWSER.action === 'skip' ? describe.skip : describe;
const ROOT = join(__dirname, '..');
const SCREENSHOT = join(ROOT, 'artifacts', 'ui-network.png');
// The README's picture changes only when asked to: a test run must not rewrite a committed file.
const README_SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'network-page.png');

/** The page's test handle (see ui/network/network.page.ts), typed here without the DOM library. */
type PageHandle = {
  kuhinaNetwork?: {
    cy: { $id(id: string): { renderedPosition(): { x: number; y: number }; visible(): boolean; emit(event: string): void } };
    steps: Array<{ title: string; day: string }>;
    select(nodeId: string | null): void;
  };
};

const pageUrl = (base: string, chainId = DEMO_CHAIN_ID) => `${base}/ui/network?chainId=${chainId}`;

// A browser, a force layout and ~200 nodes: more than Jest's 5 s default on a busy 2-core CI machine.
jest.setTimeout(30_000);

describe('The network page: served without a key, usable with the analyst key', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
  }, 60_000);
  afterAll(() => api.close());

  it('answers the page, its script and its stylesheet without a key, with the right content types, all from its own origin', async () => {
    const page = await api.get<string>(`/ui/network?chainId=${DEMO_CHAIN_ID}`, { as: null });
    const script = await api.get<string>('/ui/network.js', { as: null });
    const style = await api.get<string>('/ui/network.css', { as: null });

    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script src="./network.js" defer></script>');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(String(script.body).length).toBeGreaterThan(100_000); // cytoscape is in the bundle, not on a CDN
    expect(style.status).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('is not a way around the key: the data behind the page needs one, and the analyst role gets it', async () => {
    const head = await api.headPosition();
    const anonymous = await api.get<{ code: string }>(`/network?chainId=${DEMO_CHAIN_ID}`, { as: null });
    const analyst = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&consistentWith=${head}`, { as: 'analyst' });

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(analyst.status).toBe(200);
    expect(analyst.body.nodes.length).toBeGreaterThan(100);
  });

  it('keeps other files of the build folder unreachable', async () => {
    expect((await api.get('/ui/network.html', { as: null })).status).toBe(404);
    expect((await api.get('/ui/..%2Fpackage.json', { as: null })).status).toBe(404);
  });
});

describeInChromium(`The network page in Chromium (analyst key typed into the page)${BROWSER.action === 'skip' ? ` — SKIPPED: ${BROWSER.reason}` : ''}`, () => {
  let api: ApiHarness;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let network: NetworkAnswer;

  const drawn = async () => ({
    nodes: Number(await page.getAttribute('#graph', 'data-visible-nodes')),
    edges: Number(await page.getAttribute('#graph', 'data-visible-edges')),
  });

  beforeAll(async () => {
    if (BROWSER.action !== 'use') throw new Error(browserBanner(BROWSER)); // KUHINA_REQUIRE_BROWSER=1 and no Chromium
    api = await apiHarness({ demo: true });
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    // The projector runs behind the writes: wait until the views hold the whole demo before looking at them.
    const answer = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&consistentWith=${await api.headPosition()}`, { as: 'analyst' });
    expect(answer.status).toBe(200);
    network = answer.body;

    browser = await chromium.launch({ executablePath: CHROMIUM });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.goto(pageUrl(base));
    await page.waitForSelector('body[data-state="needs-key"]');
    await page.fill('#api-key', KEYS.analyst);
    await page.click('#use-key');
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('draws every node and edge the API answers, and keeps the key for the next visit', async () => {
    expect(await drawn()).toEqual({ nodes: network.nodes.length, edges: network.edges.length });
    expect(await page.textContent('#time-label')).toMatch(/^All \(5 workshops/);
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('kuhina.apiKey'))).toBe(KEYS.analyst);
    expect(await page.isHidden('#problem')).toBe(true);
  });

  it('replays the growth: the first workshop shows fewer ties than "all", and each later workshop at least as many', async () => {
    const all = await drawn();
    const counts: Array<{ nodes: number; edges: number }> = [];
    for (let position = 0; position < 5; position++) {
      await page.fill('#time', String(position));
      counts.push(await drawn());
    }
    const firstLabel = await page.evaluate(() => (globalThis as unknown as PageHandle).kuhinaNetwork!.steps[0]!);
    await page.fill('#time', '0');
    const label = await page.textContent('#time-label');
    await page.fill('#time', '5');

    expect(counts[0]!.edges).toBeGreaterThan(0);
    expect(counts[0]!.edges).toBeLessThan(all.edges);
    expect(counts[0]!.nodes).toBeLessThan(all.nodes);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!.edges).toBeGreaterThanOrEqual(counts[i - 1]!.edges);
    expect(label).toBe(`Workshop 1 of 5: ${firstLabel.title} · ${firstLabel.day}`);
    expect(firstLabel.title).toMatch(/^Työpaja 1: .*Raumalla/);
    expect(firstLabel.day).toMatch(/^2023-04-\d\d$/);
    expect(await drawn()).toEqual(all);
  });

  it('finds organisations by name from the search box', async () => {
    await page.fill('#search', 'rauma');
    const matches = Number(await page.getAttribute('#graph', 'data-matches'));
    await page.fill('#search', '');

    const expected = network.nodes.filter((n) => (n.label ?? '').toLowerCase().includes('rauma')).length;
    expect(expected).toBeGreaterThan(0);
    expect(matches).toBe(expected);
  });

  it('a click on an organisation lists its ties and the workshops that made them', async () => {
    // The organisation with the most ties: a large node, easy to hit.
    const degree = new Map<string, number>();
    for (const edge of network.edges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const org = network.nodes.filter((n) => n.type === 'organization').sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))[0]!;
    const ties = network.edges.filter((e) => e.source === org.id || e.target === org.id);
    const titles = new Map(network.nodes.filter((n) => n.type === 'workshop').map((n) => [n.entityId, n.label]));
    const behind = new Set(ties.flatMap((e) => e.workshops.map((w) => titles.get(w))));

    // Click where the node is drawn, as a user would.
    const at = await page.evaluate((id) => (globalThis as unknown as PageHandle).kuhinaNetwork!.cy.$id(id).renderedPosition(), org.id);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForSelector(`#details[data-node="${org.id}"]`);

    const rows = await page.$$eval('#details ul.ties > li', (items) => items.map((li) => (li as unknown as { dataset: Record<string, string> }).dataset.neighbour));
    const details = (await page.textContent('#details'))!;
    expect(ties.length).toBeGreaterThan(2);
    expect(await page.textContent('#details h2')).toBe(org.label);
    expect(rows.sort()).toEqual(ties.map((e) => (e.source === org.id ? e.target : e.source)).sort());
    for (const title of behind) expect(details).toContain(title);

    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    if (process.env.KUHINA_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(SCREENSHOT, README_SCREENSHOT);
    }
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("shows each tie's weight as of the slider's workshop: the same weights as the API's time travel to that day", async () => {
    // An organisation with a tie that grew over the chain (joins on several days), so earlier steps must show less.
    const days = (e: NetworkAnswer['edges'][number]) => new Set(e.joins.map((j) => j.date.slice(0, 10))).size;
    const grown = network.edges.filter((e) => e.type === 'co-attendance').sort((a, b) => days(b) - days(a))[0]!;
    expect(days(grown)).toBeGreaterThan(1);
    const org = network.nodes.find((n) => n.id === grown.source)!;
    const steps = await page.evaluate(() => (globalThis as unknown as PageHandle).kuhinaNetwork!.steps.map((s) => s.day));
    const tiesOnPage = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        await page.$$eval('#details ul.ties > li', (items) => items.map((li) => [(li as unknown as { dataset: Record<string, string> }).dataset.neighbour!, Number((li as unknown as { dataset: Record<string, string> }).dataset.weight)])),
      );
    const tiesThen = async (day: string): Promise<Record<string, number>> => {
      const then = await api.get<NetworkAnswer>(`/network?chainId=${DEMO_CHAIN_ID}&asOf=${day}`, { as: 'analyst' });
      return Object.fromEntries(then.body.edges.filter((e) => e.source === org.id || e.target === org.id).map((e) => [e.source === org.id ? e.target : e.source, e.weight]));
    };

    const compared: string[] = [];
    const lighter: string[] = [];
    let clicked = false;
    for (let position = 0; position < steps.length; position++) {
      await page.fill('#time', String(position));
      // Not in the network yet on that day (the page's rule; cytoscape's own visible() may lag behind a class change).
      if (org.createdBy.date.slice(0, 10) > steps[position]!) continue;
      if (!clicked) {
        // Tap the node on the first day it is there (through the page's own tap handler: a small node may sit under a
        // neighbour, and the mouse test above already covers hitting one); the selection then stays while the slider moves on.
        await page.evaluate((id) => (globalThis as unknown as PageHandle).kuhinaNetwork!.cy.$id(id).emit('tap'), org.id);
        await page.waitForSelector(`#details[data-node="${org.id}"]`, { timeout: 5_000 });
        clicked = true;
      }
      const day = steps[position]!;
      expect(await page.getAttribute('#details', 'data-node')).toBe(org.id);
      const onPage = await tiesOnPage();
      expect({ day, ties: onPage }).toEqual({ day, ties: await tiesThen(day) });
      compared.push(day);
      if (onPage[grown.target] !== undefined && onPage[grown.target]! < grown.weight) lighter.push(day);
    }
    expect(compared.length).toBeGreaterThan(1);
    // Some step showed the grown tie lighter than it is today: the panel did not just repeat the final weights.
    expect(lighter.length).toBeGreaterThan(0);
  }, 120_000); // one time-travel replay through the API per workshop: ~34 s on a busy 2-core machine

  describe('the organisation view', () => {
    type Box = { id: string; type: string; x1: number; y1: number; x2: number; y2: number };
    /** The boxes of the labels cytoscape draws (not the nodes), in page pixels, of the nodes drawn with a caption. */
    const labelBoxes = (): Promise<{ boxes: Box[]; fontPx: number }> =>
      page.evaluate(() => {
        type Node = { id(): string; visible(): boolean; data(key: string): unknown; renderedBoundingBox(options: object): { x1: number; y1: number; x2: number; y2: number } };
        const cy = (globalThis as unknown as { kuhinaNetwork: { cy: { zoom(): number; nodes(): { toArray(): Node[] } } } }).kuhinaNetwork.cy;
        const boxes = cy
          .nodes()
          .toArray()
          .filter((node) => node.visible() && String(node.data('caption') ?? '') !== '')
          .map((node) => ({ id: node.id(), type: String(node.data('type')), ...node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false }) }));
        return { boxes, fontPx: 11 * cy.zoom() };
      });
    const overlaps = (boxes: Box[]): string[] => {
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          // Half a pixel of anti-aliasing is no overlap.
          if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5) found.push(`${a.id} × ${b.id}`);
        }
      }
      return found;
    };
    /** The organisation view's neighbours of a node, from the API's answer: its own ties, people folded into the organisation they came for. */
    const foldedNeighbours = (id: string): Set<string> => {
      const around = new Set<string>();
      for (const edge of network.edges) {
        const [source, target] = edge.type === 'participated' ? [edge.organization, edge.target] : [edge.source, edge.target];
        if (source === undefined) continue;
        if (source === id) around.add(target);
        if (target === id) around.add(source);
      }
      return around;
    };

    it('folds people into their organisations, and no label of the organisation cluster overlaps another', async () => {
      const before = await labelBoxes();
      await page.check('#view-organizations');
      await page.waitForSelector('#graph[data-view="organizations"]');
      const { boxes, fontPx } = await labelBoxes();
      const folded = new Set(network.edges.filter((e) => e.type === 'participated' && e.organization !== undefined).map((e) => `${e.organization}|${e.target}`));
      const organizations = network.nodes.filter((n) => n.type === 'organization');

      expect(folded.size).toBeGreaterThan(5);
      expect(await drawn()).toEqual({ nodes: network.nodes.filter((n) => n.type !== 'person').length, edges: network.edges.filter((e) => e.type !== 'participated').length + folded.size });
      expect(boxes.filter((box) => box.type === 'organization').map((box) => box.id).sort()).toEqual(organizations.map((n) => n.id).sort());
      expect(overlaps(boxes)).toEqual([]);
      // Readable: drawn at a size cytoscape shows (it hides labels under 7 px); the log line says how many overlapped in the person view.
      expect(fontPx).toBeGreaterThanOrEqual(7);
      console.log(`[kuhina] organisation labels overlapping: person view ${overlaps(before.boxes.filter((b) => b.type === 'organization')).length}, organisation view 0 of ${boxes.length} labels`);
      await page.screenshot({ path: join(ROOT, 'artifacts', 'ui-network-organisations.png') });
    });

    it('a click on an organisation lights it and its neighbours and dims the rest; clearing the selection lights all again', async () => {
      const org = network.nodes.filter((n) => n.type === 'organization').sort((a, b) => foldedNeighbours(b.id).size - foldedNeighbours(a.id).size)[0]!;
      const expected = foldedNeighbours(org.id);
      const at = await page.evaluate((id) => (globalThis as unknown as PageHandle).kuhinaNetwork!.cy.$id(id).renderedPosition(), org.id);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.waitForSelector(`#details[data-node="${org.id}"]`);
      const lit = () =>
        page.evaluate(() => {
          type Node = { id(): string; hasClass(name: string): boolean };
          const cy = (globalThis as unknown as { kuhinaNetwork: { cy: { nodes(): { toArray(): Node[] } } } }).kuhinaNetwork.cy;
          const nodes = cy.nodes().toArray();
          return { lit: nodes.filter((n) => !n.hasClass('faded')).map((n) => n.id()), faded: nodes.filter((n) => n.hasClass('faded')).length };
        });
      const clicked = await lit();

      expect(expected.size).toBeGreaterThan(3);
      expect(clicked.lit.sort()).toEqual([org.id, ...expected].sort());
      expect(clicked.faded).toBe(network.nodes.filter((n) => n.type !== 'person').length - expected.size - 1);
      expect(await page.getAttribute('#graph', 'data-highlighted')).toBe(String(expected.size + 1));

      await page.evaluate(() => (globalThis as unknown as PageHandle).kuhinaNetwork!.select(null));
      expect((await lit()).faded).toBe(0);
      await page.check('#view-people');
      await page.waitForSelector('#graph[data-view="people"]');
      expect(await drawn()).toEqual({ nodes: network.nodes.length, edges: network.edges.length });
    });
  });

  it('draws every chain at once from ?scope=all, people included, named as such', async () => {
    const tab = await context.newPage(); // same browser profile: the key typed above is remembered
    try {
      const all = await api.get<NetworkAnswer>('/network?scope=all&people=true', { as: 'analyst' });
      await tab.goto(`${base}/ui/network?scope=all`);
      await tab.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });

      expect(await tab.textContent('#chain-name')).toBe('network of all chains');
      expect(Number(await tab.getAttribute('#graph', 'data-visible-nodes'))).toBe(all.body.nodes.length);
      expect(Number(await tab.getAttribute('#graph', 'data-visible-edges'))).toBe(all.body.edges.length);
    } finally {
      await tab.close();
    }
  });

  it('offers the chains to pick from when the address names none', async () => {
    const picker = await context.newPage(); // same browser profile: the key typed above is remembered
    try {
      await picker.goto(`${base}/ui/network`);
      await picker.waitForSelector('body[data-state="ready"]');

      expect(await picker.isVisible('#chain-select')).toBe(true);
      expect(await picker.$$eval('#chain-select option', (options) => options.map((o) => (o as unknown as { value: string }).value))).toContain(DEMO_CHAIN_ID);
    } finally {
      await picker.close();
    }
  });

  it('uses the key authorised on the docs page without asking, and says plainly when a key is refused', async () => {
    const docs = await browser.newContext();
    const refused = await browser.newContext();
    try {
      await docs.addInitScript((key) => {
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('authorized', JSON.stringify({ bearer: { name: 'bearer', schema: { type: 'http', scheme: 'bearer' }, value: key } }));
      }, KEYS.auditor);
      const viaDocs = await docs.newPage();
      await viaDocs.goto(pageUrl(base));
      await viaDocs.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });

      const wrong = await refused.newPage();
      await wrong.goto(pageUrl(base));
      await wrong.fill('#api-key', 'not-a-key-0123456789abcdef');
      await wrong.click('#use-key');
      await wrong.waitForSelector('body[data-state="error"]');

      expect(Number(await viaDocs.getAttribute('#graph', 'data-visible-nodes'))).toBe(network.nodes.length);
      expect(await viaDocs.textContent('#key-status')).toBe('using the key authorised on /docs');
      expect(await wrong.isVisible('#problem')).toBe(true);
      expect(await wrong.textContent('#problem')).toMatch(/^401 · Unauthenticated.*Send a valid API key/);
      expect(await wrong.getAttribute('#graph', 'data-visible-nodes')).toBe('0');
    } finally {
      await docs.close();
      await refused.close();
    }
  }, 60_000);

  it("says that the key is kept in this browser's localStorage, forgets it on request, and runs under script-src 'self' without a CSP violation", async () => {
    const own = await browser.newContext();
    try {
      const tab = await own.newPage();
      const violations: string[] = [];
      tab.on('console', (message) => {
        // Inline styles are allowed (the graph library sets them); a refused script would show here.
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(pageUrl(base));
      await tab.fill('#api-key', KEYS.analyst);
      await tab.click('#use-key');
      await tab.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
      const storedKey = () => tab.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('kuhina.apiKey'));

      expect(await tab.isVisible('#key-note')).toBe(true);
      expect(await tab.textContent('#key-note')).toContain("kept in this browser's localStorage");
      expect(await storedKey()).toBe(KEYS.analyst);
      await tab.click('#forget-key');
      expect(await storedKey()).toBeNull();
      expect(await tab.textContent('#key-status')).toBe('no key yet');
      expect(violations).toEqual([]);
    } finally {
      await own.close();
    }
  }, 60_000);
});
