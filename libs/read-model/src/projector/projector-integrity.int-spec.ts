import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChainIntegrity, ChainedEventStore, SqliteEventStorage, hashEvent, type EventToAppend, type RecordedEvent } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { SqliteReadStore } from '../stores/sqlite-read-store';
import { Projector } from './projector';

// Sums the amounts per stream and remembers the last revision: a forged amount, or an event projected past a break, shows.
type Sum = { total: number; lastRevision: number };
const sums: Projection<Sum> = {
  name: 'sums',
  version: 1,
  collection: 'sums',
  eventTypes: ['Spent'],
  keysOf: (event) => [event.stream],
  project: (view, event: RecordedEvent) => ({ total: (view?.total ?? 0) + (event.data as { amount: number }).amount, lastRevision: event.revision }),
};

const meta = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:00.000Z', actor: 't', correlationId: 't', causationId: null, schemaVersion: 1 };
const spent = (...amounts: number[]): EventToAppend[] => amounts.map((amount) => ({ id: randomUUID(), type: 'Spent', data: { amount }, metadata: meta }));

/** As an attacker with the file would: another connection, the append-only triggers dropped, then restored. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'events_append_only_%'").all() as Array<{ sql: string }>;
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    db.prepare(sql).run(...params);
    for (const { sql: create } of triggers) db.exec(create);
  } finally {
    db.close();
  }
}

describe('Projector checking the hash chain as it reads (real SQLite)', () => {
  let dir: string;
  let file: string;
  let storage: SqliteEventStorage;
  let log: ChainedEventStore;
  let views: SqliteReadStore;
  let integrity: ChainIntegrity;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-projector-integrity-'));
    file = join(dir, 'events.db');
    storage = new SqliteEventStorage({ file });
    integrity = new ChainIntegrity();
    log = new ChainedEventStore(storage, { integrity });
    views = new SqliteReadStore({ file: join(dir, 'views.db') });
    await log.append('budget-a', spent(10, 20, 30, 40), 'no-stream');
    await log.append('budget-b', spent(1, 2, 3), 'no-stream');
    await log.append('budget-a', spent(50), 3);
    await log.append('budget-b', spent(4), 2);
  });
  afterEach(async () => {
    await views.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops projecting a stream at an event edited in the file, names it, and projects the other streams to the end', async () => {
    const [victim] = await log.readStream('budget-a', { fromRevision: 1, maxCount: 1 });
    tamper(file, 'UPDATE events SET data = ? WHERE id = ?', JSON.stringify({ amount: 20_000 }), victim!.id);
    const sut = new Projector(log, views, { projections: [sums], integrity, batchSize: 3 });

    await sut.catchUp();

    // Only revision 0 of budget-a: nothing at or after the forged event, which would have put 20,000 in the view.
    expect(await views.get('sums', 'budget-a')).toEqual({ total: 10, lastRevision: 0 });
    expect(await views.get('sums', 'budget-b')).toEqual({ total: 10, lastRevision: 3 });
    expect(sut.position).toBe(await log.headPosition());
    expect(integrity.breaks()).toEqual([
      { stream: 'budget-a', revision: 1, eventId: victim!.id, problem: 'hash-mismatch', expectedHash: hashEvent({ ...victim!, data: { amount: 20_000 } }), foundHash: victim!.hash, detectedBy: 'projector', detectedAt: expect.any(String) },
    ]);
  });

  it('finds an event rewritten together with its hash at the next link, and projects nothing of that stream from there', async () => {
    const [victim] = await log.readStream('budget-b', { fromRevision: 1, maxCount: 1 });
    const forged = { ...victim!, data: { amount: 2_000 } };
    tamper(file, 'UPDATE events SET data = ?, hash = ? WHERE id = ?', JSON.stringify(forged.data), hashEvent(forged), victim!.id);
    const sut = new Projector(log, views, { projections: [sums], integrity });

    await sut.catchUp();

    // Revision 1 (forged, hash recomputed) passed its own check and was projected; revision 2 no longer links to it, and
    // revision 3, which links to revision 2 as it should, is not projected either: the stream stopped at the break.
    expect(integrity.brokenAt('budget-b')).toMatchObject({ revision: 2, problem: 'prev-hash-mismatch', expectedHash: hashEvent(forged), foundHash: victim!.hash, detectedBy: 'projector' });
    expect(await views.get('sums', 'budget-b')).toEqual({ total: 2_001, lastRevision: 1 });
    expect(await views.get('sums', 'budget-a')).toEqual({ total: 150, lastRevision: 4 });
  });

  it('checks with the integrity status of the log by default, and nothing when told so', async () => {
    const [victim] = await log.readStream('budget-a', { fromRevision: 1, maxCount: 1 });
    tamper(file, 'UPDATE events SET data = ? WHERE id = ?', JSON.stringify({ amount: 20_000 }), victim!.id);

    await new Projector(log, views, { projections: [sums] }).catchUp();
    const defaulted = await views.get('sums', 'budget-a');
    await new Projector(log, views, { projections: [{ ...sums, name: 'unchecked', collection: 'unchecked' }], integrity: null }).catchUp();

    expect(defaulted).toEqual({ total: 10, lastRevision: 0 });
    expect(log.integrity).toBe(integrity);
    expect(await views.get('unchecked', 'budget-a')).toEqual({ total: 20_130, lastRevision: 4 });
  });
});
