import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDomainCommand } from '@kuhina/application';
import { KEY_STORE, type KeyStore } from '@kuhina/privacy';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

type Registered = Written & { created: boolean };

describe('HTTP: people (personal data)', () => {
  let api: ApiHarness;
  let rauma: string;
  let valo: string;
  beforeAll(async () => {
    api = await apiHarness();
    rauma = (await api.post<Written>('/organizations', { name: 'Rauman kaupunki', sector: 'public-administration', municipality: 'Rauma', region: 'Satakunta' })).body.id;
    valo = (await api.post<Written>('/organizations', { name: 'Valo-Valmennusyhdistys ry', sector: 'ngo', municipality: 'Rauma', region: 'Satakunta' })).body.id;
  });
  afterAll(() => api.close());

  const unknownId = '7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70';
  // Every purpose is answered, asked or not (test/consent.e2e-spec.ts covers consent itself).
  const notAsked = { given: false, since: null, source: null, wordingVersion: null, history: [] };
  const noConsents = { 'future-workshops': notAsked, 'named-in-reports': notAsked };
  // Each test gets its own e-mail: the same e-mail means the same person.
  const aino = () => ({
    name: 'Aino Virtanen',
    email: `aino.virtanen.${randomUUID().slice(0, 8)}@example.org`,
    phone: '+358 40 123 4567',
    esf: { gender: 'female', birthYear: 1985, labourMarketStatus: 'employed', educationLevel: 'isced-5-8', disability: 'undisclosed', migrantBackground: false },
  });

  const headPosition = (): Promise<string> => api.headPosition();
  /** Runs a refused request and checks that the log did not move. */
  const refused = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await headPosition();
    const answer = await request();
    expect(await headPosition()).toBe(before);
    return answer;
  };
  const register = async (body: Record<string, unknown> = aino()) => (await api.post<Registered>('/people', body)).body.id;
  /** Erasure has no HTTP route yet: destroy the person's keys and record the erasure, as the erasure use case will. */
  const erase = async (personId: string) => {
    await api.app.get<symbol, KeyStore>(KEY_STORE).destroyKeysOf(personId);
    await api.app
      .get(CommandBus)
      .execute(
        new ExecuteDomainCommand(
          'person',
          { type: 'ErasePersonalData', data: { personId, reason: 'data subject request', erasedBy: 'e2e' }, at: '2024-01-02T10:00:00.000Z' },
          { commandId: randomUUID(), actor: 'e2e', correlationId: randomUUID() },
        ),
      );
  };

  describe('POST /people', () => {
    it('creates a person: 201 { id, position, created: true } with ETag "0"; GET decrypts it for the back office', async () => {
      const person = aino();
      const created = await api.post<Registered>('/people', { ...person, organizationId: rauma });
      const read = await api.get<Record<string, unknown>>(`/people/${created.body.id}?consistentWith=${created.body.position}`);

      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+$/), created: true });
      expect(created.headers.etag).toBe('"0"');
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({ id: created.body.id, status: 'active', ...person, organizationId: rauma, consents: noConsents, chains: [] });
    });

    it('answers 200 { created: false } with the existing id for an e-mail already registered (in any letter case), and records nothing', async () => {
      const person = aino();
      const first = await api.post<Registered>('/people', person);

      const again = await refused(() => api.post<Registered>('/people', { name: 'A. Virtanen', email: person.email.toUpperCase() }));

      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id: first.body.id, position: first.body.position, created: false });
      expect(again.headers.etag).toBe('"0"');
    });

    it('makes a new person for each request without e-mail, and keeps a client-chosen id', async () => {
      const id = randomUUID();
      const first = await api.post<Registered>('/people', { name: 'Helmi Mäkinen', id });
      const second = await api.post<Registered>('/people', { name: 'Helmi Mäkinen' });

      expect([first.status, first.body.id, first.body.created]).toEqual([201, id, true]);
      expect([second.status, second.body.created]).toEqual([201, true]);
      expect(second.body.id).not.toBe(id);
      expect((await api.get<Record<string, unknown>>(`/people/${id}?consistentWith=${second.body.position}`)).body).toEqual({ id, status: 'active', name: 'Helmi Mäkinen', email: null, phone: null, esf: null, organizationId: null, consents: noConsents, chains: [] });
    });

    it('answers a retry with the same Idempotency-Key with the first answer (201, created: true), also after a restart, and appends nothing', async () => {
      const person = aino();
      const key = api.newKey();
      const first = await api.post<Registered>('/people', person, { headers: { 'idempotency-key': key } });

      const retry = await refused(() => api.post<Registered>('/people', person, { headers: { 'idempotency-key': key } }));
      await api.restart();
      const afterRestart = await refused(() => api.post<Registered>('/people', person, { headers: { 'idempotency-key': key } }));

      expect(first.status).toBe(201);
      expect([retry.status, retry.body]).toEqual([201, first.body]);
      expect([afterRestart.status, afterRestart.body]).toEqual([201, first.body]);
    });

    it('answers 400 naming each bad field, nested ESF fields included, and records nothing', async () => {
      const answer = await refused(() =>
        api.post<Problem>('/people', { name: '', email: 'aino.virtanen', organizationId: 'rauma', esf: { gender: 'woman', birthYear: 1800, disability: 'no', shoeSize: 38 } }),
      );

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID');
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.name', rule: 'isLength' }),
          expect.objectContaining({ field: 'body.email', rule: 'isEmail' }),
          expect.objectContaining({ field: 'body.organizationId', rule: 'isUuid' }),
          expect.objectContaining({ field: 'body.esf.gender', rule: 'isIn' }),
          expect.objectContaining({ field: 'body.esf.birthYear', rule: 'min' }),
          expect.objectContaining({ field: 'body.esf.disability', rule: 'isIn' }),
          expect.objectContaining({ field: 'body.esf.shoeSize', rule: 'whitelistValidation' }),
        ]),
      );
    });

    it('answers 404 ORGANIZATION.NOT_FOUND for an organisation never registered, and records nothing', async () => {
      const answer = await refused(() => api.post<Problem>('/people', { ...aino(), organizationId: unknownId }));

      expect([answer.status, answer.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
    });

    it('answers 403 to an analyst and an auditor, and records nothing', async () => {
      const analyst = await refused(() => api.post<Problem>('/people', aino(), { as: 'analyst' }));
      const auditor = await refused(() => api.post<Problem>('/people', aino(), { as: 'auditor' }));

      expect([analyst.status, analyst.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      expect(auditor.status).toBe(403);
    });
  });

  describe('GET /people/:id', () => {
    it('never shows personal data to an analyst or an auditor (403)', async () => {
      const id = await register();

      const analyst = await api.get<Problem>(`/people/${id}`, { as: 'analyst' });
      const auditor = await api.get<Problem>(`/people/${id}`, { as: 'auditor' });

      expect([analyst.status, analyst.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      expect(auditor.status).toBe(403);
      expect(JSON.stringify([analyst.body, auditor.body])).not.toContain('Virtanen');
    });

    it('answers only { id, status: "erased" } for an erased person', async () => {
      const id = await register({ ...aino(), organizationId: rauma });
      await erase(id);

      const read = await api.get<Record<string, unknown>>(`/people/${id}?consistentWith=${await headPosition()}`);

      expect(read.status).toBe(200);
      expect(read.body).toEqual({ id, status: 'erased' });
      expect(read.headers.etag).toBe('"1"');
    });

    it('answers 404 PERSON.NOT_FOUND for an unknown person and 400 for an id that is not a UUID', async () => {
      const missing = await api.get<Problem>(`/people/${unknownId}`);
      const bad = await api.get<Problem>('/people/aino');

      expect([missing.status, missing.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'param.id', rule: 'isUUID' })]);
    });
  });

  describe('POST /people/:id/affiliation', () => {
    it('changes the affiliation: 200 { id, position } with the next ETag; null clears it', async () => {
      const id = await register({ ...aino(), organizationId: rauma });

      const changed = await api.post<Written>(`/people/${id}/affiliation`, { organizationId: valo });
      const afterChange = await api.get<{ organizationId: string | null }>(`/people/${id}?consistentWith=${changed.body.position}`);
      const cleared = await api.post<Written>(`/people/${id}/affiliation`, { organizationId: null });
      const afterClear = await api.get<{ organizationId: string | null }>(`/people/${id}?consistentWith=${cleared.body.position}`);

      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(changed.headers.etag).toBe('"1"');
      expect(afterChange.body.organizationId).toBe(valo);
      expect([cleared.status, cleared.headers.etag, afterClear.body.organizationId]).toEqual([200, '"2"', null]);
    });

    it('answers 400 when organizationId is missing or not a UUID', async () => {
      const id = await register();

      const missing = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, {}));
      const bad = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, { organizationId: 'rauma' }));

      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.organizationId', rule: 'isUuid' })]);
      expect(bad.status).toBe(400);
    });

    it('answers 404 PERSON.NOT_FOUND for an unknown person and ORGANIZATION.NOT_FOUND for an unregistered organisation', async () => {
      const id = await register();

      const person = await refused(() => api.post<Problem>(`/people/${unknownId}/affiliation`, { organizationId: valo }));
      const organization = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, { organizationId: unknownId }));

      expect([person.status, person.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
      expect([organization.status, organization.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
    });

    it('answers 409 PERSON.ERASED for an erased person', async () => {
      const id = await register();
      await erase(id);

      const answer = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, { organizationId: valo }));

      expect([answer.status, answer.body.code]).toEqual([409, 'PERSON.ERASED']);
    });

    it('answers 412 for a stale If-Match and 403 to an analyst', async () => {
      const id = await register();
      await api.post(`/people/${id}/affiliation`, { organizationId: rauma });

      const stale = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, { organizationId: valo }, { headers: { 'if-match': '"0"' } }));
      const forbidden = await refused(() => api.post<Problem>(`/people/${id}/affiliation`, { organizationId: valo }, { as: 'analyst' }));

      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expect(forbidden.status).toBe(403);
    });
  });
});
