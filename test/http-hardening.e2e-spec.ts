import { connect } from 'node:net';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import type { AddressInfo } from 'node:net';
import { apiHarness, type ApiHarness, type Written } from './support/api-harness';

/** One raw HTTP exchange over a socket: what Node's parser answers before Fastify sees anything (431) needs a real port. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(answer) : reject(error)));
  });
}

describe('HTTP hardening: request ids, caching, CSP, 431, unpublished files (issue 16, point 7)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
  }, 120_000);
  afterAll(() => api.close());

  it("a client's X-Request-Id never puts its events into another request's correlation (the seed's)", async () => {
    const seed = (await api.store().readAll(null, 50)).find((event) => event.metadata.correlationId.startsWith('seed-demo-2023:'))!;
    const seedCorrelation = seed.metadata.correlationId;
    const inSeed = async () => (await api.store().readAll(null, 100_000)).filter((event) => event.metadata.correlationId === seedCorrelation).length;
    const before = await inSeed();

    const written = await api.post<Written>('/organizations', { name: 'Soluttautuja Oy', sector: 'ngo' }, { headers: { 'x-request-id': seedCorrelation } });

    expect(written.status).toBe(201);
    const [event] = await api.store().readAll(BigInt(written.body.position) - 1n, 1);
    expect(event!.metadata.correlationId).not.toBe(seedCorrelation);
    expect(event!.metadata.correlationId).toBe(written.headers['x-request-id']);
    expect(await inSeed()).toBe(before);
    // A plain id the client chose is not taken either: the server's own id is the request's, and the answer says which.
    const plain = await api.get('/health', { as: null, headers: { 'x-request-id': 'my-trace-1' } });
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('answers with personal data carry Cache-Control: no-store (/people/:id, registrations), and so does every API answer', async () => {
    const person = await api.post<Written>('/people', { name: 'Välimuisti Virtanen' });
    const read = await api.get(`/people/${person.body.id}?consistentWith=${person.body.position}`);
    const chain = await api.get<{ workshops: Array<{ workshopId: string }> }>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${await api.headPosition()}`);
    const registrations = await api.get(`/workshops/${chain.body.workshops[0]!.workshopId}/registrations`);

    expect(read.status).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(registrations.status).toBe(200);
    expect(registrations.headers['cache-control']).toBe('no-store');
    expect((await api.get('/organizations')).headers['cache-control']).toBe('no-store');
  });

  it("no page may run inline scripts: script-src is 'self' only, on the network page and the Swagger UI as everywhere", async () => {
    const policy = (answer: { headers: Record<string, unknown> }) => String(answer.headers['content-security-policy']);
    const scriptSrc = (csp: string) => csp.split(';').find((directive) => directive.trim().startsWith('script-src'));
    for (const url of ['/health', '/ui/network', '/organizations', '/docs', '/docs/json']) {
      const answer = await api.get(url, { as: url === '/organizations' ? 'backoffice' : null });
      expect([url, scriptSrc(policy(answer))]).toEqual([url, "script-src 'self'"]);
      expect(policy(answer)).not.toContain("'unsafe-eval'");
    }
    expect(policy(await api.get('/ui/network', { as: null }))).toContain("object-src 'none'");
  });

  it('source maps and the Swagger UI package files are not served; the docs page and what it loads are', async () => {
    for (const url of ['/ui/network.js.map', '/ui/network.css.map', '/docs/package.json', '/docs/swagger-ui-bundle.js.map', '/docs/README.md', '/docs/absolute-path.js', '/docs/index.js']) {
      const answer = await api.get<{ code: string }>(url, { as: null });
      expect([url, answer.status, answer.body.code]).toEqual([url, 404, 'ROUTE.NOT_FOUND']);
    }
    const page = await api.get<string>('/docs', { as: null });
    const loaded = [...page.body.matchAll(/(?:src|href)=['"]\.?\/?(?:docs\/)?([\w.-]+\.(?:js|css|png))['"]/g)].map((match) => `/docs/${match[1]}`);
    expect(loaded.length).toBeGreaterThan(0);
    for (const url of loaded) expect([url, (await api.get(url, { as: null })).status]).toEqual([url, 200]);
  });

  it('431 (request header fields too large) is answered as problem+json', async () => {
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;

    const answer = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${'a'.repeat(64 * 1024)}\r\n\r\n`);

    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body!)).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE', type: 'urn:kuhina:problem:request.headers_too_large' });
  });

  it("the network page says that the key is kept in this browser's localStorage, beside a button to forget it", async () => {
    const page = await api.get<string>('/ui/network', { as: null });
    expect(page.body).toMatch(/<p id="key-note"[^>]*>[^<]*kept in this browser's localStorage[^<]*<\/p>/);
    expect(page.body).toContain('<button id="forget-key" type="button">Forget key</button>');
  });
});
