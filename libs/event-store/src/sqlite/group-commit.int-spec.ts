import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import { EventIdConflictError, WrongExpectedRevisionError, type ChainedEvent, type EventToAppend } from '../event-store.port';
import { SqliteEventStorage } from './sqlite-event-storage';

const metadata = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:01.000Z', actor: 'test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const event = (n: number, id = randomUUID()): EventToAppend => ({ id, type: 'OrganizationRegistered', data: { n }, metadata });

/** The first event of a stream, chained by hand (the storage takes chained events). */
function first(stream: string, id = randomUUID()): ChainedEvent[] {
  const fields = { id, stream, revision: 0, type: 'OrganizationRegistered', data: { n: 0 }, metadata, prevHash: null };
  return [{ ...fields, hash: hashEvent(fields) }];
}

describe('SqliteEventStorage: group commit (real SQLite, WAL, synchronous=FULL)', () => {
  let dir: string;
  let storage: SqliteEventStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-group-commit-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends submitted together share one transaction (one fsync), each with its own position', async () => {
    const store = new ChainedEventStore(storage);
    const before = { ...storage.commitStats };

    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(`organization-${i}`, [event(i)], 'no-stream')));

    const transactions = storage.commitStats.transactions - before.transactions;
    expect(storage.commitStats.appends - before.appends).toBe(200);
    // All 200 were submitted in one turn of the event loop; the ChainedEventStore reads each head first, so they may
    // reach the storage over a few turns — but far fewer transactions than appends.
    expect(transactions).toBeLessThanOrEqual(5);
    expect(new Set(results.map((result) => result.position)).size).toBe(200);
    expect(await storage.headPosition()).toBe(200n);
  });

  it("one append's conflict never fails another's in the same transaction: each is refused or written on its own", async () => {
    const taken = randomUUID();
    await storage.appendChained('organization-taken', first('organization-taken', taken), 'no-stream');
    const before = storage.commitStats.transactions;

    const outcomes = await Promise.allSettled([
      storage.appendChained('organization-a', first('organization-a'), 'no-stream'),
      storage.appendChained('organization-taken', first('organization-taken'), 'no-stream'), // the stream has revision 0
      storage.appendChained('organization-b', first('organization-b', taken), 'no-stream'), // an id stored elsewhere
      storage.appendChained('organization-c', first('organization-c'), 'no-stream'),
    ]);

    expect(storage.commitStats.transactions - before).toBe(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
    expect((await storage.readStream('organization-b')).length).toBe(0);
    expect((await storage.readStream('organization-taken')).map((e) => e.id)).toEqual([taken]);
    expect((await storage.readStream('organization-c')).length).toBe(1);
  });

  it('two appends to the same stream in one transaction: the first wins, the second sees its head and is refused', async () => {
    const outcomes = await Promise.allSettled([storage.appendChained('organization-x', first('organization-x'), 'no-stream'), storage.appendChained('organization-x', first('organization-x'), 'no-stream')]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect(await storage.readStream('organization-x')).toHaveLength(1);
  });

  it('settles nothing before its commit, and close() commits what is waiting', async () => {
    let settled = false;
    const pending = storage.appendChained('organization-late', first('organization-late'), 'no-stream').then(() => (settled = true));
    expect(settled).toBe(false);

    await storage.close();
    await pending;

    expect(settled).toBe(true);
    const reopened = new SqliteEventStorage({ file: join(dir, 'events.db') });
    expect((await reopened.readStream('organization-late')).length).toBe(1);
    storage = reopened;
  });
});

describe('SqliteEventStorage: idempotency claims commit with the events', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  const claim = (fingerprint: string) => ({ scope: 'office', key: 'key-1', fingerprint, at: '2026-12-06T12:00:00.000Z' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-claims-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims the key in the transaction of the events: the same request may append again, another one is refused and writes nothing', async () => {
    await storage.appendChained('organization-a', first('organization-a'), 'no-stream', { claim: claim('fp-a') });
    expect(await storage.findClaim('office', 'key-1')).toBe('fp-a');

    await expect(storage.appendChained('person-a', first('person-a'), 'no-stream', { claim: claim('fp-a') })).resolves.toMatchObject({ stream: 'person-a' });
    await expect(storage.appendChained('organization-b', first('organization-b'), 'no-stream', { claim: claim('fp-b') })).rejects.toEqual(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED' }));
    expect(await storage.readStream('organization-b')).toEqual([]);
    expect(await storage.findClaim('other-user', 'key-1')).toBeNull();
  });

  it('a refused append claims nothing: its savepoint takes the claim back with it', async () => {
    await storage.appendChained('organization-a', first('organization-a'), 'no-stream');

    await expect(storage.appendChained('organization-a', first('organization-a'), 'no-stream', { claim: claim('fp-a') })).rejects.toBeInstanceOf(WrongExpectedRevisionError);

    expect(await storage.findClaim('office', 'key-1')).toBeNull();
  });

  it('two different requests racing with one key in one transaction: the first claims it, the second is refused', async () => {
    const outcomes = await Promise.allSettled([
      storage.appendChained('organization-a', first('organization-a'), 'no-stream', { claim: claim('fp-a') }),
      storage.appendChained('organization-b', first('organization-b'), 'no-stream', { claim: claim('fp-b') }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect(await storage.readStream('organization-b')).toEqual([]);
  });
});
