import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiHarness, KEYS, type ApiAnswer, type ApiHarness } from './support/api-harness';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; example?: unknown; allOf?: Schema[]; enum?: unknown[]; pattern?: string; maxLength?: number; format?: string };
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[]; summary?: string; description?: string }>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
  info: { description: string };
};

describe('HTTP platform: docs, health, headers, request ids, actors', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  it('serves /health without a key, reporting the event store and how far the views have got', async () => {
    const written = await api.post<{ position: string }>('/organizations', { name: 'Health Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' });
    expect(written.status).toBe(201);
    await api.get(`/organizations?consistentWith=${written.body.position}`);
    const health = await api.get<{ status: string; details: Record<string, { status: string; position?: string; headPosition?: string; caughtUp?: boolean; projector?: string }> }>('/health', { as: null });
    expect(health.status).toBe(200);
    expect(health.body.details.eventStore!.status).toBe('up');
    expect(health.body.details.views).toEqual({ status: 'up', projector: 'in-process', position: written.body.position, headPosition: written.body.position, caughtUp: true });
  });

  it('takes JSON with a charset parameter, and refuses form bodies with 415 (the API parses JSON only)', async () => {
    const body = JSON.stringify({ name: 'Merkistö Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' });
    const withCharset = await api.request('POST', '/organizations', { rawBody: body, headers: { 'content-type': 'application/json; charset=utf-8' } });
    const form = await api.request<{ code: string }>('POST', '/organizations', { rawBody: 'name=Lomake+Oy', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    expect(withCharset.status).toBe(201);
    expect([form.status, form.body.code]).toEqual([415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses a body field named constructor as the unknown field it is (400 naming it), and writes nothing', async () => {
    const before = await api.request<{ items: unknown[] }>('GET', '/organizations?limit=200');
    const body = JSON.stringify({ name: 'Konstruktori Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', constructor: 'x' });
    const refused = await api.request<{ code: string; errors: Array<{ field: string; rule: string }> }>('POST', '/organizations', { rawBody: body, headers: { 'content-type': 'application/json' } });
    expect([refused.status, refused.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.constructor', rule: 'whitelistValidation' })]);
    const after = await api.request<{ items: unknown[] }>('GET', '/organizations?limit=200');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('reports the views down while the projector cannot commit, and up again once it has retried on its own', async () => {
    type Health = { status: string; details: { views: { status: string; caughtUp?: boolean; failures?: number; message?: string } } };
    // Another connection takes the views' write lock: the projector's commits fail (after the store's busy timeout).
    const blocker = new Database(join(api.dataDir, 'views.db'));
    blocker.exec('BEGIN IMMEDIATE');
    let health: ApiAnswer<Health>;
    try {
      const locked = await api.post('/organizations', { name: 'Lukittu Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' });
      expect(locked.status).toBe(201);
      health = await pollHealth((h) => h.body.details.views.status === 'down');
      expect(health.status).toBe(503);
      expect(health.body.details.views).toMatchObject({ status: 'down', caughtUp: false, message: 'database is locked' });
      expect(health.body.details.views.failures).toBeGreaterThanOrEqual(1);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    // No new write: the projector's own retry brings the views up to the log.
    health = await pollHealth((h) => h.body.details.views.status === 'up' && h.body.details.views.caughtUp === true);
    expect(health.status).toBe(200);

    async function pollHealth(done: (answer: ApiAnswer<Health>) => boolean): Promise<ApiAnswer<Health>> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const answer = await api.get<Health>('/health', { as: null });
        if (done(answer)) return answer;
        if (Date.now() > deadline) throw new Error(`health did not change in time: ${JSON.stringify(answer.body)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 60_000);

  it('serves the OpenAPI page at /docs and its JSON, with bearer auth and an example for every request field', async () => {
    const page = await api.get<string>('/docs', { as: null });
    const doc = (await api.get<OpenApi>('/docs/json', { as: null })).body;

    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
    expect(Object.keys(doc.components.securitySchemes)).toContain('bearer');
    const missing: string[] = [];
    const resolve = (schema: Schema): Schema => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!]! : schema);
    const check = (schema: Schema, path: string, seen: Set<Schema>): void => {
      const resolved = resolve(schema);
      if (seen.has(resolved)) return;
      seen.add(resolved);
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const target = resolve(property.items ?? property);
        if (target.properties) check(target, `${path}.${name}`, seen);
        else if (property.example === undefined && property.items?.example === undefined && !property.enum && !property.items?.enum) missing.push(`${path}.${name}`);
      }
    };
    let bodies = 0;
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        bodies++;
        check(schema, `${method.toUpperCase()} ${route}`, new Set());
      }
    }
    expect(bodies).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('documents the no-control-characters rule of every free text as its pattern, and every example matches its pattern', async () => {
    const doc = (await api.get<OpenApi>('/docs/json', { as: null })).body;
    const texts: string[] = [];
    const mismatched: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.pattern === undefined) continue;
        if (property.pattern.includes('u001F')) texts.push(`${name}.${field}`);
        if (typeof property.example === 'string' && !new RegExp(property.pattern).test(property.example)) mismatched.push(`${name}.${field}: ${property.example}`);
      }
    }

    expect(texts).toEqual(expect.arrayContaining(['RegisterOrganizationRequestDto.name', 'StartChainRequestDto.name']));
    expect(mismatched).toEqual([]);
  });

  it("sets helmet security headers and answers the server's own request id, whatever the client sent", async () => {
    const answer = await api.get('/health', { as: null, headers: { 'x-request-id': 'trace-123' } });
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records the key's name as actor and the answer's X-Request-Id (the server's) as correlation id of the events a request appends", async () => {
    const created = await api.post<{ id: string }>('/organizations', { name: 'Valo-Valmennusyhdistys ry', sector: 'ngo' }, { headers: { 'x-request-id': 'req-from-client-42' } });

    const [event] = await api.app.get<EventStore>(EVENT_STORE).readStream(`organization-${created.body.id}`);
    expect(event!.metadata).toMatchObject({ actor: 'office', correlationId: created.headers['x-request-id'] });
    expect(event!.metadata.correlationId).not.toBe('req-from-client-42');
  });

  it('never answers with a stack trace or echoes the API key', async () => {
    const answers = [
      await api.post('/organizations', { name: 1 }),
      await api.request('POST', '/organizations', { rawBody: '{' }),
      await api.get('/organizations/00000000-0000-4000-8000-000000000000'),
      await api.post('/organizations', {}, { as: 'analyst' }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
      expect(text).not.toContain('stack');
      for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
    }
  });
});
