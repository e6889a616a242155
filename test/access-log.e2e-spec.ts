import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_CHAIN_ID, PERSONAL_DATA_ACCESS_STREAM, PRIVACY_SECRETS } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { pseudonym, type PrivacySecrets } from '@kuhina/privacy';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';

type Registrations = { registrations: Array<{ personId: string; person: { name: string | null; email: string | null; erased: boolean } }> };
type AccessLogAnswer = {
  personId: string;
  pseudonym: string;
  accesses: Array<{ at: string; accessedBy: string; role: string; endpoint: { method: string; route: string; id: string | null }; requestId: string; people: string[]; eventId: string }>;
};

describe('HTTP: access log of personal data on the 2023 demo', () => {
  let api: ApiHarness;
  let workshopId: string;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    const chain = await api.get<{ workshops: Array<{ workshopId: string }> }>(`/chains/${DEMO_CHAIN_ID}?consistentWith=${await api.headPosition()}`, { as: 'analyst' });
    workshopId = chain.body.workshops[0]!.workshopId;
  }, 60_000);
  afterAll(() => api.close());

  const accessEvents = (): Promise<RecordedEvent[]> => api.store().readStream(PERSONAL_DATA_ACCESS_STREAM);
  const alias = (id: string): string => pseudonym(id, api.app.get<symbol, PrivacySecrets>(PRIVACY_SECRETS).pseudonymKey);
  const accessLog = (personId: string, as: 'auditor' | 'analyst' | 'backoffice' = 'auditor') => api.get<AccessLogAnswer & Problem>(`/audit/access-log?personId=${personId}`, { as });

  it('a backoffice read of a registrations list appends one event naming every listed person', async () => {
    const before = (await accessEvents()).length;

    const list = await api.get<Registrations>(`/workshops/${workshopId}/registrations`);

    expect(list.status).toBe(200);
    const events = (await accessEvents()).slice(before);
    expect(events).toHaveLength(1);
    const listed = list.body.registrations.map((r) => r.personId);
    expect(events[0]).toMatchObject({
      type: 'PersonalDataAccessed',
      data: { accessedBy: 'office', role: 'backoffice', endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId }, requestId: list.headers['x-request-id'] },
      metadata: { actor: 'office', correlationId: list.headers['x-request-id'] },
    });
    expect([...(events[0]!.data as { people: string[] }).people].sort()).toEqual([...new Set(listed)].sort());
  });

  it('the auditor finds that access by person id, with who, when, which endpoint and request id, and people as pseudonyms', async () => {
    const list = await api.get<Registrations>(`/workshops/${workshopId}/registrations`, { headers: { 'x-request-id': 'audit-me-1' } });
    const [first, second] = list.body.registrations.map((r) => r.personId);

    const answer = await accessLog(first!);

    expect(answer.status).toBe(200);
    expect(answer.body.personId).toBe(first);
    expect(answer.body.pseudonym).toBe(alias(first!));
    const requestId = list.headers['x-request-id'];
    const entry = answer.body.accesses.find((access) => access.requestId === requestId);
    expect(entry).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      accessedBy: 'office',
      role: 'backoffice',
      endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId },
      requestId,
      people: expect.arrayContaining([alias(first!), alias(second!)]),
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(entry!.people).not.toContain(second);
  });

  it('GET /people/:id logs one access naming that person; reading an erased person logs nothing', async () => {
    const [personId, other] = (await api.get<Registrations>(`/workshops/${workshopId}/registrations`)).body.registrations.map((r) => r.personId);
    const before = (await accessEvents()).length;

    const read = await api.get<{ name: string }>(`/people/${personId}`, { headers: { 'x-request-id': 'person-read-1' } });
    const erasure = await api.post<{ position: string }>(`/people/${other}/erase`, { reason: 'data subject request' });
    const afterErase = (await accessEvents()).length;
    const erasedRead = await api.get<{ status: string }>(`/people/${other}?consistentWith=${erasure.body.position}`);

    expect(read.status).toBe(200);
    const events = (await accessEvents()).slice(before);
    expect(events.map((event) => event.data)).toEqual([
      { accessedBy: 'office', role: 'backoffice', people: [personId], endpoint: { method: 'GET', route: '/people/:id', id: personId }, requestId: read.headers['x-request-id'], at: expect.any(String) },
    ]);
    expect(erasedRead.body.status).toBe('erased');
    expect((await accessEvents()).length).toBe(afterErase);
    expect((await accessLog(personId!)).body.accesses.some((access) => access.requestId === read.headers['x-request-id'] && access.endpoint.route === '/people/:id')).toBe(true);
  });

  it('GET /audit/access-log is for auditors only: backoffice and analyst get 403, as the OpenAPI description says', async () => {
    const personId = (await api.get<Registrations>(`/workshops/${workshopId}/registrations`)).body.registrations[0]!.personId;

    const backoffice = await accessLog(personId, 'backoffice');
    const analyst = await accessLog(personId, 'analyst');
    const docs = await api.get<{ paths: Record<string, { get: { description: string } }> }>('/docs/json', { as: null });

    expect([backoffice.status, backoffice.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(analyst.status).toBe(403);
    expect((await api.get<Problem>('/audit/access-log?personId=aino', { as: 'auditor' })).body.errors).toEqual([expect.objectContaining({ field: 'query.personId' })]);
    expect(docs.body.paths['/audit/access-log']!.get.description).toMatch(/backoffice and analyst get 403/);
  });

  it('never holds a name or an e-mail in any access-log entry', async () => {
    const list = await api.get<Registrations>(`/workshops/${workshopId}/registrations`);
    const secrets = list.body.registrations.flatMap((r) => [r.person.name, r.person.email]).filter((value): value is string => typeof value === 'string');
    expect(secrets.length).toBeGreaterThan(10);

    const entries = JSON.stringify((await accessEvents()).map((event) => [event.data, event.metadata]));

    for (const value of secrets) expect(entries).not.toContain(value);
  });

  it('fails closed: when the access cannot be recorded the answer is 503 and shows no personal data', async () => {
    const names = (await api.get<Registrations>(`/workshops/${workshopId}/registrations`)).body.registrations.map((r) => r.person.name).filter((name): name is string => name !== null);
    const personId = (await api.get<Registrations>(`/workshops/${workshopId}/registrations`)).body.registrations.find((r) => !r.person.erased)!.personId;
    const before = (await accessEvents()).length;
    // A real store failure on exactly the access-log append (as a full disk would), on another connection.
    const events = new Database(join(api.dataDir, 'events.db'));
    events.exec(`CREATE TRIGGER access_log_down BEFORE INSERT ON events WHEN NEW.stream = '${PERSONAL_DATA_ACCESS_STREAM}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const list = await api.get<Problem>(`/workshops/${workshopId}/registrations`);
      const person = await api.get<Problem>(`/people/${personId}`);

      expect([list.status, list.body.code]).toEqual([503, 'ACCESS_LOG.UNAVAILABLE']);
      expect([person.status, person.body.code]).toEqual([503, 'ACCESS_LOG.UNAVAILABLE']);
      expect(person.headers.etag).toBeUndefined();
      const shown = JSON.stringify([list.body, person.body]);
      for (const name of names) expect(shown).not.toContain(name);
      expect((await accessEvents()).length).toBe(before);
    } finally {
      events.exec('DROP TRIGGER access_log_down');
      events.close();
    }
    expect((await api.get(`/people/${personId}`)).status).toBe(200);
  });
});
