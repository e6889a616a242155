import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashEvent, type RecordedEvent } from '@kuhina/event-store';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

type Break = { stream: string; revision: number; eventId: string; problem: string; expectedHash: string | null; foundHash: string | null; detectedBy: string };
type Integrity = { status: string; message?: string; breaks: Break[]; sealMismatch: { id: string; position: string; root: string; recomputedRoot: string } | null; startUpCheck: { state: string; events?: number; hashed?: number; ms?: number; seal?: unknown } };
type Health = { status: string; info: Record<string, unknown>; error: Record<string, unknown>; details: { integrity: Integrity; eventStore: { status: string }; views: { status: string } } };
type ChainProblem = Problem & { status: number; title: string; detail: string; details: { stream: string; revision: number; eventId: string; problem: string } };

const EXPENSE = { category: 'travel', amountCents: 18_600, fundingSource: 'esf', receiptReference: 'VR-2023-06-204411', description: 'Train tickets Helsinki–Pori–Helsinki', incurredOn: '2023-06-14' };

/** As an attacker with the file would: another connection, the append-only triggers dropped, the row edited, the triggers restored. */
function tamper<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'events_append_only_%'").all() as Array<{ sql: string }>;
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    const result = work(db);
    for (const { sql } of triggers) db.exec(sql);
    return result;
  } finally {
    db.close();
  }
}

type Row = { id: string; stream: string; revision: number; data: string };
/** Raises the amount of a stored expense by 1,000 €, leaving its stored hash as it was. */
const raiseExpense = (db: Database.Database, row: Row): Row => {
  const data = JSON.parse(row.data) as { amountCents: number };
  db.prepare('UPDATE events SET data = ? WHERE id = ?').run(JSON.stringify({ ...data, amountCents: data.amountCents + 100_000 }), row.id);
  return row;
};

describe('Integrity in operation: a tampered log is noticed (demo log, embedded SQLite)', () => {
  let api: ApiHarness;
  const file = () => join(api.dataDir, 'events.db');
  const health = () => api.get<Health>('/health', { as: null });
  const workshopStreams = (): string[] => tamper(file(), (db) => (db.prepare("SELECT DISTINCT stream FROM events WHERE stream LIKE 'workshop-%' ORDER BY stream").all() as Array<{ stream: string }>).map((r) => r.stream));
  const idOf = (stream: string) => stream.slice('workshop-'.length);

  beforeEach(async () => {
    api = await apiHarness({ demo: true });
  }, 60_000);
  afterEach(() => api.close());

  it('reports an untouched log as ok, with the start-up check done and nothing broken', async () => {
    let answer = await health();
    for (const started = Date.now(); answer.body.details.integrity.startUpCheck.state !== 'done' && Date.now() - started < 5_000; ) answer = await health();

    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
    expect(answer.body.details.integrity).toMatchObject({ status: 'up', breaks: [], sealMismatch: null, startUpCheck: { state: 'done', breaks: 0 } });
    expect(answer.body.info.integrity).toBeDefined();
  });

  it('refuses a write onto a stream whose last expense was edited in the file (409 STREAM.CHAIN_BROKEN naming the event), degrades /health, and keeps other streams writable', async () => {
    const [target, other] = workshopStreams();
    const recorded = await api.post<Written>(`/workshops/${idOf(target!)}/expenses`, EXPENSE);
    expect(recorded.status).toBe(201);
    const edited = tamper(file(), (db) => raiseExpense(db, db.prepare("SELECT id, stream, revision, data FROM events WHERE stream = ? AND type = 'ExpenseRecorded' ORDER BY revision DESC LIMIT 1").get(target) as Row));
    const head = await api.headPosition();

    const refused = await api.post<ChainProblem>(`/workshops/${idOf(target!)}/expenses`, { ...EXPENSE, receiptReference: 'VR-2023-06-204412' });
    const after = await health();
    const elsewhere = await api.post<Written>(`/workshops/${idOf(other!)}/expenses`, EXPENSE);

    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('STREAM.CHAIN_BROKEN');
    expect(refused.body.details).toMatchObject({ stream: target, revision: edited.revision, eventId: edited.id, problem: 'hash-mismatch' });
    expect(refused.body.detail).toContain(edited.id);
    expect(await api.headPosition()).toBe(String(BigInt(head) + 1n)); // only the write elsewhere
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('degraded');
    expect(after.body.details.integrity).toMatchObject({ status: 'down', breaks: [{ stream: target, revision: edited.revision, eventId: edited.id, problem: 'hash-mismatch', detectedBy: 'append' }] });
    expect(after.body.details.integrity.message).toContain(`stream ${target} at revision ${edited.revision} (event ${edited.id}`);
    expect(after.body.error.integrity).toBeDefined();
    expect(elsewhere.status).toBe(201);
    // The ledger reads the log itself: beside the forged amount it says that the log is known altered, and where.
    const chainId = (await api.get<{ chainId: string }>(`/workshops/${idOf(target!)}`)).body.chainId;
    const ledger = await api.get<{ logIntegrity: { status: string; breaks: Break[]; message: string } }>(`/audit/ledger?chainId=${chainId}`, { as: 'auditor' });
    const indicators = await api.get<{ logIntegrity: { status: string } }>(`/audit/indicators?chainId=${chainId}`, { as: 'auditor' });
    expect(ledger.body.logIntegrity).toMatchObject({ status: 'down', breaks: [expect.objectContaining({ stream: target, eventId: edited.id })] });
    expect(ledger.body.logIntegrity.message).toContain(edited.id);
    expect(indicators.body.logIntegrity.status).toBe('down');
  }, 30_000);

  it('after a restart on a log whose old expense was edited, says degraded at once, names the event, and refuses writes to that stream', async () => {
    const edited = tamper(file(), (db) => raiseExpense(db, db.prepare("SELECT id, stream, revision, data FROM events WHERE type = 'ExpenseRecorded' ORDER BY position LIMIT 1").get() as Row));
    // Nothing in this process looks at old events again: the restart must find it.
    await api.restart();
    const started = Date.now();
    let answer = await health();
    while (answer.body.details.integrity.startUpCheck.state !== 'done' && Date.now() - started < 5_000) answer = await health();

    const refused = await api.post<ChainProblem>(`/workshops/${idOf(edited.stream)}/expenses`, EXPENSE);

    // No seal: the whole log is hashed (but the broken stream's events after the break, which are skipped).
    expect(answer.body.details.integrity.startUpCheck).toMatchObject({ state: 'done', seal: null });
    expect(answer.body.details.integrity.startUpCheck.hashed).toBeGreaterThan(answer.body.details.integrity.startUpCheck.events! - 50);
    expect(answer.body.status).toBe('degraded');
    expect(answer.body.details.integrity.breaks).toEqual([expect.objectContaining({ stream: edited.stream, revision: edited.revision, eventId: edited.id, problem: 'hash-mismatch', detectedBy: 'start-up' })]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'STREAM.CHAIN_BROKEN', details: { stream: edited.stream, revision: edited.revision } });
  }, 60_000);

  it('after a seal: a restart finds a sealed event rewritten with its hash recomputed (the seal no longer matches) and an edit after the seal', async () => {
    const sealed = await api.post<{ seal: { position: string; root: string } }>('/audit/seals', undefined, { as: 'auditor' });
    expect(sealed.status).toBe(201);
    const [later] = workshopStreams().slice(-1);
    const after = await api.post<Written>(`/workshops/${idOf(later!)}/expenses`, EXPENSE);
    expect(after.status).toBe(201);
    const { forged, raised } = tamper(file(), (db) => {
      // A stream head at the seal, rewritten with its hash recomputed: no later link can show it, the seal's root does.
      const head = db.prepare("SELECT id, stream, revision, type, data, metadata, prev_hash AS prevHash FROM events WHERE stream LIKE 'organization-%' AND revision = (SELECT max(revision) FROM events e WHERE e.stream = events.stream) ORDER BY position LIMIT 1").get() as Row & { type: string; metadata: string; prevHash: string | null };
      const event = { ...head, data: { ...(JSON.parse(head.data) as object), name: 'Forged Oy' }, metadata: JSON.parse(head.metadata) } as unknown as RecordedEvent;
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE id = ?').run(JSON.stringify(event.data), hashEvent(event), head.id);
      const raisedRow = raiseExpense(db, db.prepare("SELECT id, stream, revision, data FROM events WHERE stream = ? AND type = 'ExpenseRecorded' ORDER BY revision DESC LIMIT 1").get(later) as Row);
      return { forged: head, raised: raisedRow };
    });

    await api.restart();
    let answer = await health();
    for (const started = Date.now(); answer.body.details.integrity.startUpCheck.state !== 'done' && Date.now() - started < 5_000; ) answer = await health();

    expect(answer.body.status).toBe('degraded');
    expect(answer.body.details.integrity.sealMismatch).toMatchObject({ position: sealed.body.seal.position, root: sealed.body.seal.root });
    expect(answer.body.details.integrity.sealMismatch!.recomputedRoot).not.toBe(sealed.body.seal.root);
    expect(answer.body.details.integrity.breaks).toEqual([expect.objectContaining({ stream: raised.stream, revision: raised.revision, eventId: raised.id, detectedBy: 'start-up' })]);
    // Only what came after the seal was hashed.
    expect(answer.body.details.integrity.startUpCheck.hashed).toBeLessThan(10);
    expect(forged.stream).toMatch(/^organization-/);
  }, 60_000);
});
