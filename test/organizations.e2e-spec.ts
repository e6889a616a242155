import { apiHarness, type ApiHarness } from './support/api-harness';

describe('HTTP: organisations, and the rules every write follows', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  const rauma = { name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta' };

  it('registers an organisation: 201 { id, position } with an ETag, then reads it back', async () => {
    const created = await api.post<{ id: string; position: string }>('/organizations', rauma);
    const read = await api.get<Record<string, unknown>>(`/organizations/${created.body.id}?consistentWith=${created.body.position}`, { as: 'analyst' });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+$/) });
    expect(created.headers.etag).toBe('"0"');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ organizationId: created.body.id, ...rauma });
    expect(read.headers.etag).toBe('"0"');
  });

  it('answers 400 problem+json naming each field and rule, and records nothing', async () => {
    const before = await api.get<{ details: { eventStore: { headPosition: string } } }>('/health', { as: null });

    const answer = await api.post<{ code: string; errors: Array<{ field: string; rule: string }> }>('/organizations', { ...rauma, sector: 'church', extra: true, name: '' });

    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('REQUEST.INVALID');
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.sector', rule: 'isIn' }),
        expect.objectContaining({ field: 'body.extra', rule: 'whitelistValidation' }),
        expect.objectContaining({ field: 'body.name', rule: 'isLength' }),
      ]),
    );
    const after = await api.get<typeof before.body>('/health', { as: null });
    expect(after.body.details.eventStore.headPosition).toBe(before.body.details.eventStore.headPosition);
  });

  it('answers malformed JSON 400, a body over 1 MiB 413, an unknown route 404 — all problem+json', async () => {
    const malformed = await api.request<{ code: string }>('POST', '/organizations', { rawBody: '{"name":' });
    const huge = await api.request<{ code: string }>('POST', '/organizations', { rawBody: JSON.stringify({ ...rauma, name: 'x'.repeat(1024 * 1024 + 10) }) });
    const unknown = await api.get<{ code: string }>('/no-such-thing');

    expect([malformed.status, malformed.body.code]).toEqual([400, 'REQUEST.MALFORMED']);
    expect([huge.status, huge.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ROUTE.NOT_FOUND']);
    for (const answer of [malformed, huge, unknown]) expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('needs a key (401) and the backoffice role to write (403 for analyst and auditor)', async () => {
    expect((await api.post('/organizations', rauma, { as: null })).status).toBe(401);
    expect((await api.post('/organizations', rauma, { headers: { authorization: 'Bearer not-a-key' }, as: null })).status).toBe(401);
    expect((await api.post('/organizations', rauma, { as: 'analyst' })).status).toBe(403);
    expect((await api.post('/organizations', rauma, { as: 'auditor' })).status).toBe(403);
  });

  it('answers an idempotent retry with the first answer and appends nothing; the same key with another body is 422', async () => {
    const key = api.newKey();
    const first = await api.post<{ id: string; position: string }>('/organizations', rauma, { headers: { 'idempotency-key': key } });
    const retry = await api.post<{ id: string; position: string }>('/organizations', rauma, { headers: { 'idempotency-key': key } });
    await api.restart();
    const afterRestart = await api.post<{ id: string; position: string }>('/organizations', rauma, { headers: { 'idempotency-key': key } });
    const other = await api.post<{ code: string }>('/organizations', { ...rauma, name: 'Porin kaupunki' }, { headers: { 'idempotency-key': key } });

    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(afterRestart.body).toEqual(first.body);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    const health = await api.get<{ details: { eventStore: { headPosition: string } } }>('/health', { as: null });
    expect(health.body.details.eventStore.headPosition).toBe(first.body.position);
  });

  it('answers 404 for an unknown organisation and 400 for an id that is not a UUID', async () => {
    const missing = await api.get<{ code: string }>('/organizations/7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70');
    const bad = await api.get<{ code: string; errors: Array<{ field: string }> }>('/organizations/not-a-uuid');

    expect([missing.status, missing.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.field).toBe('param.id');
  });
});
