import { personStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

type ConsentView = { given: boolean; since: string | null; source: string | null; wordingVersion: string | null; history: Array<Record<string, unknown>> };
type PersonAnswer = { id: string; status: string; consents?: Record<string, ConsentView> };

describe('HTTP: consent (issue 18, point 3)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  const unknownId = '7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70';
  const register = async (): Promise<string> => (await api.post<Written>('/people', { name: 'Aino Virtanen' })).body.id;
  const form = { purpose: 'future-workshops', givenOn: '2023-04-19', source: 'form', wordingVersion: 'registration-form-2023-v1' };
  const email = { purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail' };
  const give = (id: string, body: Record<string, unknown> = form, headers?: Record<string, string>) => api.post<Written & Problem>(`/people/${id}/consents`, body, { headers });
  const withdraw = (id: string, body: Record<string, unknown> = email, headers?: Record<string, string>) => api.post<Written & Problem>(`/people/${id}/consents/withdraw`, body, { headers });
  const read = async (id: string, position: string) => (await api.get<PersonAnswer>(`/people/${id}?consistentWith=${position}`)).body;
  /** Runs a refused request and checks that the log did not move. */
  const refused = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = await api.headPosition();
    const answer = await request();
    expect(await api.headPosition()).toBe(before);
    return answer;
  };
  const lastEvent = async (id: string) => (await api.store().readStream(personStream(id))).at(-1)!;

  it('gives a consent: 201 { id, position } with the next ETag; the event is dated by givenOn, not by the day it was typed in', async () => {
    const id = await register();

    const given = await give(id);
    const event = await lastEvent(id);
    const person = await read(id, given.body.position);

    expect(given.status).toBe(201);
    expect(given.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
    expect(given.headers.etag).toBe('"1"');
    expect(event.type).toBe('ConsentGiven');
    expect(event.data).toEqual({ personId: id, ...form, at: '2023-04-19T12:00:00.000Z' });
    expect(event.metadata.occurredAt).toBe('2023-04-19T12:00:00.000Z');
    expect(person.consents).toEqual({
      'future-workshops': {
        given: true,
        since: '2023-04-19',
        source: 'form',
        wordingVersion: 'registration-form-2023-v1',
        history: [{ action: 'given', on: '2023-04-19', source: 'form', wordingVersion: 'registration-form-2023-v1', occurredAt: '2023-04-19T12:00:00.000Z' }],
      },
      'named-in-reports': { given: false, since: null, source: null, wordingVersion: null, history: [] },
    });
  });

  it('withdrawals win: a withdrawal (200) ends the consent, and a paper form typed in later with an earlier day does not bring it back', async () => {
    const id = await register();
    await give(id);

    const withdrawn = await withdraw(id);
    const lateForm = await give(id, { ...form, givenOn: '2023-05-10' });
    const person = await read(id, lateForm.body.position);

    expect([withdrawn.status, withdrawn.headers.etag]).toEqual([200, '"2"']);
    expect([lateForm.status, lateForm.headers.etag]).toEqual([201, '"3"']);
    expect(person.consents?.['future-workshops']).toMatchObject({ given: false, since: '2023-06-01', source: 'e-mail', wordingVersion: null });
    expect(person.consents?.['future-workshops']?.history.map((entry) => [entry['action'], entry['on']])).toEqual([
      ['given', '2023-04-19'],
      ['given', '2023-05-10'],
      ['withdrawn', '2023-06-01'],
    ]);
  });

  it('a consent given again after the withdrawal counts; the other purpose is untouched', async () => {
    const id = await register();
    await give(id);
    await withdraw(id);

    const again = await give(id, { ...form, givenOn: '2024-02-01', source: 'in-person', wordingVersion: 'chain-2024-v2' });
    const person = await read(id, again.body.position);

    expect(person.consents?.['future-workshops']).toMatchObject({ given: true, since: '2024-02-01', source: 'in-person', wordingVersion: 'chain-2024-v2' });
    expect(person.consents?.['named-in-reports']?.given).toBe(false);
  });

  it('keeps an occurredAt the client gives; refuses a day after it, or in the future, with 422 CONSENT.DATE_AFTER_FACT', async () => {
    const id = await register();

    const dated = await give(id, { ...form, purpose: 'named-in-reports', occurredAt: '2023-04-19T15:30:00+03:00' });
    const afterFact = await refused(() => give(id, { ...form, givenOn: '2023-04-25', occurredAt: '2023-04-19T15:30:00+03:00' }));
    const future = await refused(() => give(id, { ...form, givenOn: '2999-01-01' }));

    expect(dated.status).toBe(201);
    expect((await lastEvent(id)).metadata.occurredAt).toBe('2023-04-19T12:30:00.000Z');
    expect([afterFact.status, afterFact.body.code]).toEqual([422, 'CONSENT.DATE_AFTER_FACT']);
    expect([future.status, future.body.code]).toEqual([422, 'CONSENT.DATE_AFTER_FACT']);
  });

  it('answers 400 problem+json naming every bad field, and records nothing', async () => {
    const id = await register();

    const bad = await refused(() => give(id, { purpose: 'marketing', givenOn: '19.4.2023', source: 'phone', wordingVersion: 'v'.repeat(101), extra: 1 }));
    const missing = await refused(() => give(id, {}));
    const badWithdrawal = await refused(() => withdraw(id, { purpose: 'future-workshops', withdrawnOn: '2023-02-30', source: 'e-mail', wordingVersion: 'a\u0000b' }));
    const blank = await refused(() => give(id, { ...form, wordingVersion: '   ' }));

    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    expect(new Set(bad.body.errors?.map((error) => error.field))).toEqual(new Set(['body.extra', 'body.givenOn', 'body.purpose', 'body.source', 'body.wordingVersion']));
    expect(missing.status).toBe(400);
    expect(new Set(missing.body.errors?.map((error) => error.field))).toEqual(new Set(['body.purpose', 'body.givenOn', 'body.source', 'body.wordingVersion']));
    expect(badWithdrawal.status).toBe(400);
    expect(new Set(badWithdrawal.body.errors?.map((error) => error.field))).toEqual(new Set(['body.withdrawnOn', 'body.wordingVersion']));
    expect([blank.status, blank.body.code]).toEqual([400, 'CONSENT.INVALID_FIELD']);
    expect(JSON.stringify(blank.body)).toContain('wordingVersion');
  });

  it('answers 404 PERSON.NOT_FOUND for an unknown person and 400 for an id that is not a UUID', async () => {
    const missing = await refused(() => give(unknownId));
    const badId = await refused(() => withdraw('aino'));

    expect([missing.status, missing.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'param.id' })]);
  });

  it('an erased person has no consent: both writes answer 409 PERSON.ERASED and the answer shows only the erasure', async () => {
    const id = await register();
    await give(id);
    const erased = await api.post<Written>(`/people/${id}/erase`, { reason: 'data subject request (GDPR Art. 17)' });

    const given = await refused(() => give(id, { ...form, givenOn: '2023-04-20' }));
    const withdrawn = await refused(() => withdraw(id));

    expect([given.status, given.body.code]).toEqual([409, 'PERSON.ERASED']);
    expect([withdrawn.status, withdrawn.body.code]).toEqual([409, 'PERSON.ERASED']);
    expect(await read(id, erased.body.position)).toEqual({ id, status: 'erased' });
  });

  it('answers a retry with the same Idempotency-Key with the first answer and appends nothing; another body with that key is 422', async () => {
    const id = await register();
    const key = api.newKey();

    const first = await give(id, form, { 'idempotency-key': key });
    const retry = await refused(() => give(id, form, { 'idempotency-key': key }));
    const other = await refused(() => give(id, { ...form, givenOn: '2023-04-18' }, { 'idempotency-key': key }));
    const sameAgain = await refused(() => give(id));

    expect([retry.status, retry.body]).toEqual([201, first.body]);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    // The same consent without the key: the decider sees a retry and records nothing.
    expect(sameAgain.status).toBe(201);
  });

  it('answers 412 for a stale If-Match, takes the current one, and 403 to an analyst', async () => {
    const id = await register();
    await give(id);

    const stale = await refused(() => withdraw(id, email, { 'if-match': '"0"' }));
    const current = await withdraw(id, email, { 'if-match': '"1"' });
    const analyst = await refused(() => api.post<Problem>(`/people/${id}/consents`, form, { as: 'analyst' }));

    expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
    expect([current.status, current.headers.etag]).toEqual([200, '"2"']);
    expect(analyst.status).toBe(403);
  });

  it('documents both routes in OpenAPI with their business date', async () => {
    const { body } = await api.get<{ paths: Record<string, { post: { description: string; 'x-business-date': { command: string } } }> }>('/docs/json', { as: null });

    expect(body.paths['/people/{id}/consents']?.post['x-business-date'].command).toBe('GiveConsent');
    expect(body.paths['/people/{id}/consents/withdraw']?.post['x-business-date'].command).toBe('WithdrawConsent');
    expect(body.paths['/people/{id}/consents']?.post.description).toContain('`givenOn`');
  });
});
