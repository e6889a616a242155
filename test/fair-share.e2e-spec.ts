import { once } from 'node:events';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { apiHarness, type ApiAnswer, type ApiHarness } from './support/api-harness';

// Issue 16, point 1: no key, address or crowd of auditors can take the server from the others.
type Problem = { status: number; code: string; scope?: string; retryAfterSeconds?: number; detail: string };

const refusedWith = (answer: ApiAnswer<unknown>) => [answer.status, (answer.body as Problem).code, (answer.body as Problem).scope];

describe('fair sharing: rate limits per key and per address, checked before the body is read', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await apiHarness({
      env: {
        KUHINA_RATE_LIMITS: 'on',
        KUHINA_RATE_LIMIT_WINDOW_S: '60',
        KUHINA_RATE_LIMIT_READER: '25',
        KUHINA_RATE_LIMIT_BACKOFFICE: '500',
        KUHINA_RATE_LIMIT_ANONYMOUS: '30',
        KUHINA_RATE_LIMIT_FAILED_AUTH: '5',
        KUHINA_RATE_LIMIT_EXPENSIVE: '3',
        KUHINA_READ_WORKERS: '0',
      },
    });
  });
  afterAll(() => api.close());

  // First: the failed authentications below count against the same address.
  it('a keyless upload is refused from its headers: 401 at once, though the announced megabyte never comes', async () => {
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write('POST /organizations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"name":'));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    while (!text.includes('\r\n\r\n{') && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    await once(socket, 'close');

    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(text).toMatch(/"code":"AUTH.UNAUTHENTICATED"/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('wrong keys from one address get 401 five times in all, then 429 problem+json with Retry-After; a valid key from the same address still works', async () => {
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await api.get('/organizations', { as: null, headers: { authorization: `Bearer wrong-key-${i}` } }));

    // The keyless upload above was this address's first failure: four more 401s, then 429 for every further one.
    expect(answers.slice(0, 4).map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    const limited = answers.slice(4);
    expect(new Set(limited.map((answer) => answer.status))).toEqual(new Set([429]));
    const last = limited[limited.length - 1]!;
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last.body).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED', scope: 'failed-authentication', limit: 5, windowSeconds: 60 });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(last.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((last.body as Problem).retryAfterSeconds).toBe(Number(last.headers['retry-after']));
    // A key is a long random secret: others' failures never lock out someone who has one.
    expect((await api.get('/organizations', { as: 'backoffice' })).status).toBe(200);
  });

  it('each key has its own share: the analyst over 25 requests a minute gets 429, the auditor goes on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await api.get('/organizations', { as: 'analyst' })).status);

    expect(statuses.filter((status) => status === 200)).toHaveLength(25);
    expect(statuses.slice(25)).toEqual([429, 429, 429, 429, 429]);
    expect(refusedWith(await api.get('/organizations', { as: 'analyst' }))).toEqual([429, 'REQUEST.RATE_LIMITED', 'key']);
    expect((await api.get('/organizations', { as: 'auditor' })).status).toBe(200);
  });

  it('expensive reads have a smaller share: the fourth verification within the window is refused, cheap reads go on', async () => {
    const verifications = [];
    for (let i = 0; i < 4; i++) verifications.push(await api.get('/audit/verify', { as: 'backoffice' }));

    expect(verifications.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(refusedWith(verifications[3]!)).toEqual([429, 'REQUEST.RATE_LIMITED', 'expensive-reads']);
    expect(refusedWith(await api.get('/audit/ledger?chainId=5b7e2a44-0c1f-4d39-9a55-3c2f3d1e8a01', { as: 'backoffice' }))).toEqual([429, 'REQUEST.RATE_LIMITED', 'expensive-reads']);
    expect((await api.get('/organizations', { as: 'backoffice' })).status).toBe(200);
  });

  it('requests without a key are counted per address: /health answers 30 times a minute, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await api.get('/health', { as: null })).status);

    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

});

describe('fair sharing: expensive reads wait in a bounded queue in front of the read workers', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    // The demo's log, so that a verification takes long enough for twenty to overlap; one worker, two waiting.
    api = await apiHarness({ demo: true, env: { KUHINA_READ_WORKERS: '1', KUHINA_READ_QUEUE: '2' } });
  }, 120_000);
  afterAll(() => api.close());

  it('twenty auditors verifying at once: three are served, the others get 503 SERVER.BUSY with Retry-After, and a write goes through meanwhile', async () => {
    const crowd = Array.from({ length: 20 }, () => api.get<{ intact?: boolean }>('/audit/verify', { as: 'auditor' }));
    const write = api.post('/organizations', { name: 'Kirjoitettu Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' }, { headers: { 'Idempotency-Key': api.newKey() } });
    const answers = await Promise.all(crowd);

    const served = answers.filter((answer) => answer.status === 200);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(served.length + busy.length).toBe(20);
    expect(served).toHaveLength(3);
    expect(served.every((answer) => answer.body.intact === true)).toBe(true);
    expect(busy[0]!.body).toMatchObject({ code: 'SERVER.BUSY', retryAfterSeconds: 5 });
    expect(busy[0]!.headers['retry-after']).toBe('5');
    expect((await write).status).toBe(201);
    // The queue empties: the next verification is served.
    expect((await api.get('/audit/verify', { as: 'auditor' })).status).toBe(200);
  }, 120_000);

  it('a domain refusal crosses the thread: an unknown chain is 404 from the worker as from the API', async () => {
    const answer = await api.get<Problem>(`/audit/ledger?chainId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, { as: 'auditor' });

    expect([answer.status, answer.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
  });
});

