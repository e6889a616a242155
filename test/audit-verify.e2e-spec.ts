import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';
import { kuhinaCli } from './support/cli-runner';

type SealCheck = { intact: boolean; id: string; position: string | null; streams: number | null; root: string | null; problem?: string; recomputedRoot?: string | null };
type Verification = { intact: boolean; streams?: number; events?: number; problem?: string; stream?: string; revision?: number; eventId?: string; seal?: SealCheck; seals: SealCheck[] };
type Sealed = { id: string; position: string; seal: { position: string; streams: number; root: string; algorithm: string; at: string } };

/** Tampering as an attacker with the file would: another connection, the append-only triggers dropped first. */
function tamper<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    return work(db);
  } finally {
    db.close();
  }
}

/** Removes the last event of a workshop stream (one the seals covered) and says which it was. */
const deleteLastWorkshopEvent = (file: string) =>
  tamper(file, (db) => {
    const row = db
      .prepare("SELECT id, stream, revision FROM events WHERE stream LIKE 'workshop-%' AND revision = (SELECT max(revision) FROM events e WHERE e.stream = events.stream) ORDER BY position LIMIT 1")
      .get() as { id: string; stream: string; revision: number };
    db.prepare('DELETE FROM events WHERE id = ?').run(row.id);
    return row;
  });

describe('GET /audit/verify and POST /audit/seals (demo log, embedded SQLite)', () => {
  let api: ApiHarness;
  let sealed: Sealed;
  const file = () => join(api.dataDir, 'events.db');

  beforeAll(async () => {
    api = await apiHarness({ demo: true });
  }, 60_000);
  afterAll(() => api.close());

  it('reports the untouched demo log as intact, to auditors and back-office staff', async () => {
    const head = await api.headPosition();

    const asAuditor = await api.get<Verification>('/audit/verify', { as: 'auditor' });
    const asOffice = await api.get<Verification>('/audit/verify', { as: 'backoffice' });

    expect(asAuditor.status).toBe(200);
    expect(asAuditor.body).toMatchObject({ intact: true, seals: [] });
    expect(asAuditor.body.events).toBe(Number(head));
    expect(asAuditor.body.streams).toBeGreaterThan(10);
    expect(asOffice.status).toBe(200);
    expect(asOffice.body.intact).toBe(true);
  });

  it('refuses analysts with 403, for verifying and for sealing, and appends nothing', async () => {
    const head = await api.headPosition();

    const verify = await api.get<Problem>('/audit/verify', { as: 'analyst' });
    const seal = await api.post<Problem>('/audit/seals', undefined, { as: 'analyst' });

    expect(verify.status).toBe(403);
    expect(verify.body.code).toBe('AUTH.FORBIDDEN');
    expect(seal.status).toBe(403);
    expect(await api.headPosition()).toBe(head);
  });

  it('says in the OpenAPI document who may verify and seal', async () => {
    const docs = await api.get<{ paths: Record<string, Record<string, { summary: string }>> }>('/docs/json', { as: null });

    expect(docs.body.paths['/audit/verify']!.get!.summary).toMatch(/auditor and backoffice.*analysts get 403/);
    expect(docs.body.paths['/audit/seals']!.post!.summary).toMatch(/auditor and backoffice.*analysts get 403/);
  });

  it('seals the log (an auditor, once per Idempotency-Key) and then reports the seal as matching', async () => {
    const head = await api.headPosition();
    const key = api.newKey();

    const first = await api.post<Sealed>('/audit/seals', undefined, { as: 'auditor', headers: { 'idempotency-key': key } });
    const retry = await api.post<Sealed>('/audit/seals', undefined, { as: 'auditor', headers: { 'idempotency-key': key } });
    const verify = await api.get<Verification>('/audit/verify', { as: 'auditor' });

    expect(first.status).toBe(201);
    sealed = first.body;
    expect(sealed.seal).toMatchObject({ position: head, algorithm: 'sha256-merkle-v1' });
    expect(sealed.seal.root).toMatch(/^[0-9a-f]{64}$/);
    expect(BigInt(sealed.position)).toBeGreaterThan(BigInt(head));
    expect(retry.body).toEqual(sealed);
    expect(verify.body).toMatchObject({ intact: true, seals: [{ intact: true, id: sealed.id, position: head, root: sealed.seal.root, streams: sealed.seal.streams }] });
  });

  it('reports the seal as broken once a stream lost its last event, though every remaining link holds', async () => {
    deleteLastWorkshopEvent(file());

    const verify = await api.get<Verification>('/audit/verify', { as: 'auditor' });

    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ intact: false, problem: 'seal-mismatch', seal: { id: sealed.id, problem: 'root-mismatch', position: sealed.seal.position, root: sealed.seal.root } });
    expect(verify.body.seal!.recomputedRoot).not.toBe(sealed.seal.root);
  });

  it('names exactly the event whose stored row was edited', async () => {
    const target = tamper(file(), (db) => {
      const row = db.prepare("SELECT id, stream, revision, data FROM events WHERE type = 'ExpenseRecorded' ORDER BY position LIMIT 1").get() as { id: string; stream: string; revision: number; data: string };
      const data = JSON.parse(row.data) as { amountCents: number };
      db.prepare('UPDATE events SET data = ? WHERE id = ?').run(JSON.stringify({ ...data, amountCents: data.amountCents + 100 }), row.id);
      return row;
    });

    const verify = await api.get<Verification>('/audit/verify', { as: 'backoffice' });

    expect(verify.body).toMatchObject({ intact: false, problem: 'hash-mismatch', stream: target.stream, revision: target.revision, eventId: target.id, seals: [{ intact: false, id: sealed.id }] });
  });
});

const cli = kuhinaCli;

describe('kuhina audit seal / audit verify (built binary, embedded SQLite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seal-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to seal an empty log', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kuhina-seal-empty-'));
    try {
      const seal = await cli('--data-dir', empty, 'audit', 'seal');

      expect(seal.code).toBe(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 30_000);

  it('seals at the log head, prints root and position, and verify checks every seal', async () => {
    const seeded = await cli('--data-dir', dir, 'seed', 'demo');
    const head = /log position (\d+)/.exec(seeded.stdout)?.[1];

    const json = await cli('--data-dir', dir, 'audit', 'seal', '--json');
    const text = await cli('--data-dir', dir, 'audit', 'seal');
    const verify = await cli('--data-dir', dir, 'audit', 'verify', '--json');

    expect(head).toMatch(/^\d+$/);
    expect(json.code).toBe(0);
    const first = JSON.parse(json.stdout) as { id: string; eventPosition: string; position: string; streams: number; root: string; algorithm: string };
    expect(first).toMatchObject({ position: head, algorithm: 'sha256-merkle-v1', eventPosition: String(Number(head) + 1) });
    // No business event in between: the second seal (the first one left out) gives the same root.
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`at position ${first.eventPosition}:`);
    expect(text.stdout).toContain(first.root);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ intact: true, seals: [{ intact: true, id: first.id, root: first.root }, { intact: true, root: first.root }] });
  }, 90_000);

  it('exits 1 and names the broken seals when a stream lost its last event', async () => {
    const removed = deleteLastWorkshopEvent(join(dir, 'events.db'));

    const json = await cli('--data-dir', dir, 'audit', 'verify', '--json');
    const text = await cli('--data-dir', dir, 'audit', 'verify');

    expect(removed.stream).toMatch(/^workshop-/);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as Verification;
    expect(result).toMatchObject({ intact: false, problem: 'seal-mismatch' });
    expect(result.seals.map((seal) => seal.problem)).toEqual(['root-mismatch', 'root-mismatch']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('2 of 2 seals no longer match');
    expect(text.stdout).toContain(result.seals[0]!.id);
  }, 60_000);
});

describe('POST /audit/seals on an empty log', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  it('answers 409 SEAL.EMPTY_LOG (problem+json) and appends nothing: there is nothing to seal', async () => {
    const before = await api.headPosition();
    const answer = await api.post<Problem>('/audit/seals', undefined, { as: 'auditor' });

    expect(answer.status).toBe(409);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('SEAL.EMPTY_LOG');
    expect(await api.headPosition()).toBe(before);
  });
});
