import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import { verifyAll } from '../chain/verify';
import type { EventToAppend } from '../event-store.port';
import { SqliteEventStorage } from '../sqlite/sqlite-event-storage';
import { sealLog } from './seal-log';
import { verifyLog } from './verify-log';

const metadata = { occurredAt: '2023-05-12T09:00:00.000Z', recordedAt: '2023-05-12T09:00:01.000Z', actor: 'int-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const expense = (cents: number): EventToAppend => ({ id: randomUUID(), type: 'ExpenseRecorded', data: { category: 'catering', amountCents: cents }, metadata });
const AT = '2026-11-27T09:00:00.000Z';

/** Tampering as an attacker with the file would: another connection, the append-only triggers dropped first. */
function tamper(file: string, sql: string, ...params: unknown[]): number {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

describe('log verification with seals (real SQLite file)', () => {
  let dir: string;
  let file: string;
  let storage: SqliteEventStorage;
  let store: ChainedEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seal-'));
    file = join(dir, 'events.db');
    storage = new SqliteEventStorage({ file });
    store = new ChainedEventStore(storage);
    await store.append('workshop-rauma', [expense(12_000), expense(4_500), expense(800)], 'no-stream');
    await store.append('workshop-pori', [expense(0), expense(2_600)], 'no-stream');
    await store.append('chain-2023', [expense(1)], 'no-stream');
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds an edited stored row at exactly that event, with the seal still matching the stored hashes', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    const [victim] = await store.readStream('workshop-rauma', { fromRevision: 1, maxCount: 1 });
    const changed = tamper(file, 'UPDATE events SET data = ? WHERE id = ?', JSON.stringify({ category: 'catering', amountCents: 45 }), victim!.id);

    const sut = await verifyLog(storage);

    expect(changed).toBe(1);
    expect(sut).toMatchObject({ intact: false, problem: 'hash-mismatch', stream: 'workshop-rauma', revision: 1, eventId: victim!.id, foundHash: victim!.hash });
    // The stored hash was left alone, so the seal (over stored hashes) still holds: the chain is what caught it.
    expect(sut.seals).toMatchObject([{ intact: true }]);
  });

  it('finds the last event of a stream deleted after a seal: the chain looks intact, the seal does not', async () => {
    const seal = await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-pori', [expense(300)], 'any'); // after the seal: not covered, harmless
    const [last] = await store.readStream('workshop-rauma', { fromRevision: 2, maxCount: 1 });
    const removed = tamper(file, 'DELETE FROM events WHERE id = ?', last!.id);

    const chainOnly = await verifyAll(storage);
    const sut = await verifyLog(storage);

    expect(removed).toBe(1);
    expect(chainOnly).toMatchObject({ intact: true });
    expect(sut).toMatchObject({
      intact: false,
      problem: 'seal-mismatch',
      seal: { id: seal.id, problem: 'root-mismatch', position: seal.seal.position, root: seal.seal.root, streams: 3, recomputedStreams: 3 },
    });
    expect(sut.intact === false && sut.problem === 'seal-mismatch' ? sut.seal.recomputedRoot : seal.seal.root).not.toBe(seal.seal.root);
  });

  it('finds a stream head rewritten with a recomputed hash, which no later link can reveal', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    const [head] = await store.readStream('chain-2023');
    const forged = { ...head!, data: { category: 'catering', amountCents: 99_999 } };
    tamper(file, 'UPDATE events SET data = ?, hash = ? WHERE id = ?', JSON.stringify(forged.data), hashEvent(forged), head!.id);

    await expect(verifyAll(storage)).resolves.toMatchObject({ intact: true });
    await expect(verifyLog(storage)).resolves.toMatchObject({ intact: false, problem: 'seal-mismatch' });
  });

  it('reports an untouched sealed log as intact after the file is reopened', async () => {
    const seal = await sealLog(store, { actor: 'cli', at: AT });
    await storage.close();
    storage = new SqliteEventStorage({ file });

    await expect(verifyLog(storage)).resolves.toEqual({
      intact: true,
      streams: 4,
      events: 7,
      seals: [{ intact: true, id: seal.id, revision: 0, position: '6', streams: 3, root: seal.seal.root, at: AT }],
    });
  });
});
