import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ChainBrokenError } from '../chain/chain-integrity';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import type { EventToAppend } from '../event-store.port';
import { SqliteEventStorage } from './sqlite-event-storage';

// The embedded store chains an append inside its write transaction (appendBuilt): the head, the expected revision and
// the guard's check of the last two events come from what that transaction reads, with no read before it.

const metadata = { occurredAt: '2023-04-12T09:00:00.000Z', recordedAt: '2023-04-12T09:00:01.000Z', actor: 'int-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const expense = (amountCents: number): EventToAppend => ({ id: randomUUID(), type: 'ExpenseRecorded', data: { amountCents }, metadata });

describe('SQLite: appends chained inside the write transaction', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let sut: ChainedEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-in-transaction-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
    sut = new ChainedEventStore(storage, { retryJitterMs: 0 });
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after the first write to a stream, reads nothing before a write, and every link holds', async () => {
    await sut.append('workshop-a', [expense(1)], 'no-stream');
    const reads: string[] = [];
    for (const method of ['streamHead', 'readStreamTail', 'readStream', 'findByIds'] as const) {
      const original = storage[method].bind(storage) as (...args: unknown[]) => unknown;
      (storage as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (reads.push(method), original(...args));
    }
    for (let n = 2; n <= 5; n++) await sut.append('workshop-a', [expense(n)], n - 2);
    await Promise.all([sut.append('workshop-a', [expense(6)], 'any'), sut.append('workshop-a', [expense(7)], 'any')]);
    expect(reads).toEqual([]);
    const events = await storage.readStream('workshop-a');
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    events.forEach((event, i) => {
      expect(event.hash).toBe(hashEvent({ ...event, prevHash: i === 0 ? null : events[i - 1]!.hash }));
      expect(event.prevHash).toBe(i === 0 ? null : events[i - 1]!.hash);
    });
  });

  it('refuses a write onto a head edited in the file, and writes nothing', async () => {
    await sut.append('workshop-a', [expense(1), expense(2)], 'no-stream');
    await sut.append('workshop-a', [expense(3)], 1);
    const raw = new Database(join(dir, 'events.db'));
    // A forger with the file: the append-only triggers go first.
    raw.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    raw.prepare("UPDATE events SET data = ? WHERE stream = 'workshop-a' AND revision = 2").run(JSON.stringify({ amountCents: 30_000 }));
    raw.close();
    await expect(sut.append('workshop-a', [expense(4)], 2)).rejects.toBeInstanceOf(ChainBrokenError);
    expect((await storage.readStream('workshop-a')).length).toBe(3);
  });

  it('re-hashes a row it wrote once its text changed: the edit of the event below the head is found too', async () => {
    await sut.append('workshop-a', [expense(1)], 'no-stream');
    await sut.append('workshop-a', [expense(2)], 0);
    await sut.append('workshop-a', [expense(3)], 1);
    const raw = new Database(join(dir, 'events.db'));
    raw.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    raw.prepare("UPDATE events SET metadata = json_set(metadata, '$.actor', 'forger') WHERE stream = 'workshop-a' AND revision = 1").run();
    raw.close();
    await expect(sut.append('workshop-a', [expense(4)], 2)).rejects.toMatchObject({ found: { revision: 1, problem: 'hash-mismatch' } });
    expect((await storage.readStream('workshop-a')).length).toBe(3);
  });

  it('a row rewritten as other text of the same value is hashed again and still holds', async () => {
    await sut.append('workshop-a', [{ ...expense(1), data: { b: 2, a: 1 } }], 'no-stream');
    const raw = new Database(join(dir, 'events.db'));
    // Stored as the canonical text the event was hashed over (sorted keys), not as JSON.stringify wrote the value.
    expect(raw.prepare("SELECT data FROM events WHERE stream = 'workshop-a'").pluck().get()).toBe('{"a":1,"b":2}');
    raw.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    raw.prepare("UPDATE events SET data = ? WHERE stream = 'workshop-a'").run('{ "b": 2, "a": 1 }');
    raw.close();
    await expect(sut.append('workshop-a', [expense(2)], 0)).resolves.toMatchObject({ revision: 1, duplicate: false });
  });

  it('falls back to reading first when another process appended more than the tail shows, and answers a retry with its first result', async () => {
    await sut.append('workshop-a', [expense(1)], 'no-stream');
    const other = new ChainedEventStore(new SqliteEventStorage({ file: join(dir, 'events.db') }), { retryJitterMs: 0 });
    await other.append('workshop-a', [expense(2), expense(3), expense(4)], 0);
    const retried = expense(5);
    const first = await sut.append('workshop-a', [retried], 'any');
    const again = await sut.append('workshop-a', [retried], 'any');
    await other.storage.close();
    expect(first).toMatchObject({ revision: 4, duplicate: false });
    expect(again).toMatchObject({ revision: 4, position: first.position, duplicate: true });
    await expect(sut.append('workshop-a', [expense(6)], 2)).rejects.toThrow(/expected/i);
    expect((await storage.readStream('workshop-a')).length).toBe(5);
  });
});
