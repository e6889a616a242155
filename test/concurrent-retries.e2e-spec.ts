/**
 * "A retried request never duplicates an event", when the retries do not wait for each other: a client that
 * times out and resends, or a proxy that replays, can deliver the same request several times at once. Over a
 * real HTTP port (the requests really overlap in the server), each burst must leave exactly one set of events,
 * answer every copy with the same id and position, and never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiHarness, KEYS, type ApiHarness } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

const BURST = 12;

describe('Concurrent copies of one request (same Idempotency-Key) over HTTP', () => {
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    api = await apiHarness();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => api.close());

  async function post(path: string, body: unknown, key: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.backoffice}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const eventsSince = async (position: string) => (await api.store().readAll(position === 'null' ? null : BigInt(position), 10_000)).filter((event) => event.stream !== 'personal-data-access');

  it('registers an organisation once for a burst of identical copies, every copy answered with the same id and position', async () => {
    const before = await api.headPosition();
    const key = randomUUID();
    const body = { name: 'Samanaikainen Oy', sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' };

    const answers = await Promise.all(Array.from({ length: BURST }, () => post('/organizations', body, key)));

    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => `${String(a.body.id)}@${String(a.body.position)}`)).size).toBe(1);
    expect((await eventsSince(before)).map((event) => event.type)).toEqual(['OrganizationRegistered']);
    // The key was claimed in the transaction of that event, in the event log itself: no file (and no fsync) of its own.
    expect(existsSync(join(api.dataDir, 'idempotency.db'))).toBe(false);
  });

  it('registers a participant (with a new inline person) once for a burst of identical copies', async () => {
    const planned = await post('/workshops', KEMI_WORKSHOP, randomUUID());
    const workshopId = String(planned.body.id);
    expect((await post(`/workshops/${workshopId}/registration/open`, {}, randomUUID())).status).toBe(200);
    const before = await api.headPosition();
    const key = randomUUID();
    const body = { attendanceMode: 'remote', person: { name: 'Toisto Testaaja', email: 'toisto.testaaja@example.org', phone: null } };

    const answers = await Promise.all(Array.from({ length: BURST }, () => post(`/workshops/${workshopId}/registrations`, body, key)));

    expect(answers.map((a) => a.status).filter((status) => status >= 500)).toEqual([]);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => String(a.body.id))).size).toBe(1);
    expect(new Set(answers.map((a) => String(a.body.personId))).size).toBe(1);
    const appended = (await eventsSince(before)).map((event) => event.type);
    expect(appended.filter((type) => type === 'ParticipantRegistered')).toHaveLength(1);
    expect(appended.filter((type) => type === 'PersonCreated')).toHaveLength(1);
  });

  it('takes one of a burst of different bodies under one key and refuses the others with 422, appending one event', async () => {
    const before = await api.headPosition();
    const key = randomUUID();

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => post('/organizations', { name: `Kilpaileva ${i} Oy`, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' }, key)),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(BURST - 1);
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.code === 'IDEMPOTENCY.KEY_REUSED')).toBe(true);
    expect((await eventsSince(before)).map((event) => event.type)).toEqual(['OrganizationRegistered']);
  });

  it('records one expense for a burst of identical copies against one workshop stream', async () => {
    const planned = await post('/workshops', KEMI_WORKSHOP, randomUUID());
    const workshopId = String(planned.body.id);
    const before = await api.headPosition();
    const key = randomUUID();
    const body = { amountCents: 12_345, category: 'catering', description: 'Kahvi ja pulla', fundingSource: 'esf', incurredOn: '2023-09-12', receiptReference: 'RCPT-CONC-1' };

    const answers = await Promise.all(Array.from({ length: BURST }, () => post(`/workshops/${workshopId}/expenses`, body, key)));

    expect(answers.map((a) => a.status).filter((status) => status >= 500)).toEqual([]);
    expect(new Set(answers.map((a) => `${a.status} ${String(a.body.id)}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(201);
    expect((await eventsSince(before)).map((event) => event.type)).toEqual(['ExpenseRecorded']);
  });
});
