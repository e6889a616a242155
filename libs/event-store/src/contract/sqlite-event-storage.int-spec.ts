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
import { eventStoreContract } from './event-store.contract';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-events-'));
  tempDirs.push(dir);
  return join(dir, 'events.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

eventStoreContract('sqlite', async () => {
  const file = tempFile();
  let current = new SqliteEventStorage({ file, pollIntervalMs: 50 });
  const others: SqliteEventStorage[] = [];
  return {
    storage: current,
    async reopen() {
      await current.close();
      current = new SqliteEventStorage({ file, pollIntervalMs: 50 });
      return current;
    },
    // A second connection to the same file: what another process has (SQLite's own locking between them).
    async openAnother() {
      const other = new SqliteEventStorage({ file, pollIntervalMs: 50 });
      others.push(other);
      return other;
    },
    async cleanup() {
      for (const other of others) await other.close();
      await current.close();
    },
  };
});

function event(type = 'ParticipantRegistered', data: unknown = { participantId: randomUUID() }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { occurredAt: '2023-08-30T10:00:00.000Z', recordedAt: '2023-08-30T10:00:01.000Z', actor: 'int-test', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
  return 'did not throw';
}

const five = () => [1, 2, 3, 4, 5].map((n) => event('FeedbackSubmitted', { rating: n }));

describe('SqliteEventStorage (real SQLite file)', () => {
  let file: string;
  let sut: SqliteEventStorage;
  let store: ChainedEventStore;

  beforeEach(() => {
    file = tempFile();
    sut = new SqliteEventStorage({ file, pollIntervalMs: 25 });
    store = new ChainedEventStore(sut);
  });

  afterEach(async () => {
    await sut.close();
  });

  it('keeps everything across close and re-open, positions still bigint', async () => {
    await store.append('workshop-rauma', five(), 'no-stream');
    const before = await store.readStream('workshop-rauma');
    await sut.close();

    sut = new SqliteEventStorage({ file });

    const after = await sut.readStream('workshop-rauma');
    expect(after).toEqual(before);
    expect(typeof after[0]!.position).toBe('bigint');
    expect(await sut.headPosition()).toBe(before.at(-1)!.position);
  });

  it('creates the schema once, recorded in user_version, and opens a current file without migrating again', async () => {
    await store.append('workshop-rauma', [event()], 'no-stream');
    await sut.close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    sut = new SqliteEventStorage({ file });

    expect(await sut.readStream('workshop-rauma')).toHaveLength(1);
  });

  it('brings a file of schema 1 (before idempotency claims) up to date on open, its events untouched', async () => {
    await store.append('workshop-rauma', [event()], 'no-stream');
    await sut.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE idempotency_claims');
    raw.pragma('user_version = 1');
    raw.close();

    sut = new SqliteEventStorage({ file });

    expect(await sut.readStream('workshop-rauma')).toHaveLength(1);
    expect(await sut.findClaim('office', 'k')).toBeNull();
    const migrated = new Database(file, { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(2);
    migrated.close();
  });

  it('refuses a file written by a newer schema', async () => {
    await sut.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();

    expect(() => new SqliteEventStorage({ file })).toThrow(/newer/);
    sut = new SqliteEventStorage({ file: tempFile() });
  });

  it('lets a second storage on the same file (another process) see appends through polling', async () => {
    const other = new SqliteEventStorage({ file, pollIntervalMs: 25 });
    try {
      const heard: bigint[] = [];
      const unsubscribe = other.subscribe((p) => heard.push(p));

      const result = await store.append('workshop-pori', five(), 'no-stream');

      await waitFor(() => heard.length > 0);
      expect(heard).toEqual([result.position]);
      expect((await other.readAll(null, 100)).map((e) => e.id)).toEqual((await store.readStream('workshop-pori')).map((e) => e.id));
      unsubscribe();
    } finally {
      await other.close();
    }
  });

  it('refuses a write that another connection has made stale (the head is re-checked inside the transaction)', async () => {
    const other = new SqliteEventStorage({ file });
    try {
      const mine = new ChainedEventStore(sut);
      const theirs = new ChainedEventStore(other);

      const outcomes = await Promise.allSettled([mine.append('workshop-kemi', [event()], 'no-stream'), theirs.append('workshop-kemi', [event()], 'no-stream')]);

      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await sut.readStream('workshop-kemi')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('refuses an event id already used in another stream', async () => {
    const reused = event();
    await store.append('workshop-a', [reused], 'no-stream');

    await expect(store.append('workshop-b', [reused], 'no-stream')).rejects.toMatchObject({ name: 'EventIdConflictError', eventIds: [reused.id] });
    expect(await store.readStream('workshop-b')).toEqual([]);
  });

  it('refuses plain UPDATE and DELETE on the log (append-only triggers)', async () => {
    await store.append('workshop-a', [event()], 'no-stream');
    const raw = new Database(file);
    try {
      // By message: SqliteError may belong to another Jest realm, so toThrow's instanceof check is unreliable.
      expect(messageOf(() => raw.prepare("UPDATE events SET type = 'X'").run())).toMatch(/append-only/);
      expect(messageOf(() => raw.prepare('DELETE FROM events').run())).toMatch(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('stops polling on close: no listener is called afterwards', async () => {
    const heard: bigint[] = [];
    sut.subscribe((p) => heard.push(p));
    await sut.close();
    const writer = new SqliteEventStorage({ file });
    try {
      await new ChainedEventStore(writer).append('workshop-a', [event()], 'no-stream');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(heard).toEqual([]);
    } finally {
      await writer.close();
    }
    sut = new SqliteEventStorage({ file });
  });

  describe('TAMPER: edits made directly in the database file', () => {
    // A tamperer with file access: removes the append-only guard, then edits rows.
    function tamper(sql: string, ...params: unknown[]): void {
      const raw = new Database(file);
      try {
        raw.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
        raw.prepare(sql).run(...params);
      } finally {
        raw.close();
      }
    }

    beforeEach(async () => {
      await store.append('workshop-a-rauma', five(), 'no-stream');
      await store.append('workshop-b-pori', five(), 'no-stream');
      await store.append('workshop-c-kemi', five(), 'no-stream');
      await expect(verifyAll(sut)).resolves.toEqual({ intact: true, streams: 3, events: 15 });
    });

    it('finds edited data at exactly that stream and revision', async () => {
      const victim = (await sut.readStream('workshop-b-pori'))[2]!;
      tamper("UPDATE events SET data = json_set(data, '$.rating', 1) WHERE stream = ? AND revision = 2", 'workshop-b-pori');

      const result = await verifyAll(sut);

      const tampered = (await sut.readStream('workshop-b-pori'))[2]!;
      expect(result).toEqual({
        intact: false,
        stream: 'workshop-b-pori',
        revision: 2,
        eventId: victim.id,
        expectedHash: hashEvent(tampered),
        foundHash: victim.hash,
        problem: 'hash-mismatch',
      });
    });

    it('finds a deleted middle row at exactly the missing revision', async () => {
      const [, , second, third] = await sut.readStream('workshop-c-kemi');
      tamper('DELETE FROM events WHERE stream = ? AND revision = 2', 'workshop-c-kemi');

      const result = await verifyAll(sut);

      expect(result).toEqual({
        intact: false,
        stream: 'workshop-c-kemi',
        revision: 2,
        eventId: third!.id,
        expectedHash: second!.prevHash,
        foundHash: third!.prevHash,
        problem: 'revision-gap',
      });
    });

    it('finds a deleted row whose successors were renumbered at the first renumbered one', async () => {
      tamper('DELETE FROM events WHERE stream = ? AND revision = 1', 'workshop-a-rauma');
      tamper('UPDATE events SET revision = revision - 1 WHERE stream = ? AND revision > 1', 'workshop-a-rauma');

      await expect(verifyAll(sut)).resolves.toMatchObject({ intact: false, stream: 'workshop-a-rauma', revision: 1, problem: 'hash-mismatch' });
    });

    it('finds an edit whose hash was recomputed at the next event (prev-hash-mismatch)', async () => {
      const stream = 'workshop-b-pori';
      const victim = (await sut.readStream(stream))[1]!;
      const forged = { ...victim, data: { rating: 5 } };
      tamper('UPDATE events SET data = ?, hash = ? WHERE id = ?', JSON.stringify(forged.data), hashEvent(forged), victim.id);

      const result = await verifyAll(sut);

      expect(result).toMatchObject({ intact: false, stream, revision: 2, expectedHash: hashEvent(forged), foundHash: victim.hash, problem: 'prev-hash-mismatch' });
    });

    it('reports the first broken stream in name order when several are broken', async () => {
      tamper("UPDATE events SET type = 'Forged' WHERE stream = ? AND revision = 0", 'workshop-c-kemi');
      tamper("UPDATE events SET type = 'Forged' WHERE stream = ? AND revision = 4", 'workshop-b-pori');

      await expect(verifyAll(sut)).resolves.toMatchObject({ intact: false, stream: 'workshop-b-pori', revision: 4 });
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
