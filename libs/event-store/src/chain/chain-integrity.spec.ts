import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { ChainBrokenError, ChainIntegrity, checkEventLink } from './chain-integrity';
import { ChainedEventStore } from './chained-event-store';
import { hashEvent } from './event-hash';
import { InMemoryEventStorageDouble } from './in-memory-event-storage.double';

const metadata = { occurredAt: '2023-04-12T09:00:00.000Z', recordedAt: '2023-04-12T09:00:01.000Z', actor: 'unit-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const expense = (amountCents: number): EventToAppend => ({ id: randomUUID(), type: 'ExpenseRecorded', data: { amountCents }, metadata });

async function refusal(promise: Promise<unknown>): Promise<ChainBrokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChainBrokenError) return error;
    throw error;
  }
  throw new Error('expected the append to be refused');
}

describe('ChainedEventStore refusing to chain onto a broken stream', () => {
  let storage: InMemoryEventStorageDouble;
  let integrity: ChainIntegrity;
  let sut: ChainedEventStore;
  const stored = (stream: string, revision: number): RecordedEvent => storage.events.find((e) => e.stream === stream && e.revision === revision)!;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    integrity = new ChainIntegrity(() => new Date('2026-12-06T12:00:00.000Z'));
    sut = new ChainedEventStore(storage, { integrity, retryJitterMs: 0 });
    await sut.append('workshop-a', [expense(100), expense(200), expense(300)], 'no-stream');
    await sut.append('workshop-b', [expense(5)], 'no-stream');
  });

  it('refuses a write onto a head whose data was edited, with STREAM.CHAIN_BROKEN naming the event, and appends nothing', async () => {
    const head = stored('workshop-a', 2);
    head.data = { amountCents: 30_000 };
    const before = storage.events.length;

    const error = await refusal(sut.append('workshop-a', [expense(400)], 2));

    expect(error.code).toBe('STREAM.CHAIN_BROKEN');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ stream: 'workshop-a', revision: 2, eventId: head.id, problem: 'hash-mismatch', expectedHash: hashEvent(head), foundHash: head.hash });
    expect(error.message).toContain(`event ${head.id}`);
    expect(storage.events.length).toBe(before);
    expect(integrity.brokenAt('workshop-a')).toMatchObject({ revision: 2, detectedBy: 'append', detectedAt: '2026-12-06T12:00:00.000Z' });
  });

  it('refuses a write when the event before the head was rewritten with its hash recomputed (the head no longer links to it)', async () => {
    const before = stored('workshop-a', 1);
    before.data = { amountCents: 1 };
    before.hash = hashEvent(before);

    const error = await refusal(sut.append('workshop-a', [expense(400)], 'any'));

    expect(error.details).toMatchObject({ stream: 'workshop-a', revision: 2, problem: 'prev-hash-mismatch', expectedHash: before.hash });
  });

  it('verifies a whole stream at its first write in a process: an edit deep in it is refused too', async () => {
    await sut.append('workshop-a', [expense(400), expense(500), expense(600)], 'any');
    const deep = stored('workshop-a', 0);
    deep.data = { amountCents: 99 };
    const restarted = new ChainedEventStore(storage, { integrity: new ChainIntegrity() });

    const error = await refusal(restarted.append('workshop-a', [expense(700)], 'any'));

    expect(error.details).toMatchObject({ revision: 0, eventId: deep.id, problem: 'hash-mismatch' });
  });

  it('refuses every later write to a stream known broken (found by the projector or at start-up), and only to that stream', async () => {
    integrity.report({ stream: 'workshop-b', revision: 0, eventId: stored('workshop-b', 0).id, expectedHash: 'x', foundHash: 'y', problem: 'hash-mismatch' }, 'start-up');

    const error = await refusal(sut.append('workshop-b', [expense(6)], 'any'));
    const other = await sut.append('workshop-a', [expense(400)], 2);

    expect(error.details).toMatchObject({ stream: 'workshop-b', revision: 0 });
    expect(other).toMatchObject({ revision: 3, duplicate: false });
  });

  it('refuses a write onto a stream with an event removed (its revisions no longer follow)', async () => {
    storage.events.splice(storage.events.indexOf(stored('workshop-a', 1)), 1);

    const error = await refusal(sut.append('workshop-a', [expense(400)], 'any'));

    expect(error.details).toMatchObject({ stream: 'workshop-a', revision: 1, problem: 'revision-gap' });
  });

  it('refuses a write onto a stream whose last event was removed since this process saw it (no link can show a cut tail)', async () => {
    storage.events.splice(storage.events.indexOf(stored('workshop-a', 2)), 1);

    const error = await refusal(sut.append('workshop-a', [expense(400)], 'any'));

    expect(error.details).toMatchObject({ stream: 'workshop-a', revision: 2, problem: 'revision-gap', expectedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('accepts writes onto intact streams, verifying only what was appended since its last check', async () => {
    const reads: number[] = [];
    const readStream = storage.readStream.bind(storage);
    storage.readStream = (stream, options) => (reads.push(options?.fromRevision ?? 0), readStream(stream, options));

    await sut.append('workshop-a', [expense(400)], 2);
    await sut.append('workshop-a', [expense(500)], 3);

    expect(reads).toEqual([1, 2]);
    expect((await sut.readStream('workshop-a')).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('checkEventLink / ChainIntegrity', () => {
  const event = (revision: number, prevHash: string | null): RecordedEvent => {
    const fields = { id: randomUUID(), stream: 's', revision, type: 'T', data: { n: revision }, metadata, prevHash };
    return { ...fields, hash: hashEvent(fields), position: BigInt(revision + 1) };
  };

  it('checks the own hash, then the link when the previous event is known, and that revision 0 links to nothing', () => {
    const first = event(0, null);
    const second = event(1, first.hash);

    expect(checkEventLink(first, null)).toBeNull();
    expect(checkEventLink(second, { revision: 0, hash: first.hash })).toBeNull();
    expect(checkEventLink(second, null)).toBeNull();
    expect(checkEventLink(second, { revision: 0, hash: 'f'.repeat(64) })).toMatchObject({ problem: 'prev-hash-mismatch', expectedHash: 'f'.repeat(64), foundHash: first.hash });
    expect(checkEventLink({ ...second, data: { n: 9 } }, null)).toMatchObject({ problem: 'hash-mismatch', foundHash: second.hash });
    expect(checkEventLink(event(0, 'a'.repeat(64)), null)).toMatchObject({ problem: 'prev-hash-mismatch', expectedHash: null });
  });

  it('keeps the lowest break per stream and tells its listeners of each new one only', () => {
    const sut = new ChainIntegrity();
    const heard: number[] = [];
    sut.onBreak((found) => heard.push(found.revision));
    const at = (revision: number) => ({ stream: 's', revision, eventId: 'e', expectedHash: null, foundHash: null, problem: 'hash-mismatch' as const });

    sut.report(at(5), 'projector');
    sut.report(at(7), 'append');
    sut.report(at(2), 'start-up');

    expect(heard).toEqual([5, 2]);
    expect(sut.brokenAt('s')).toMatchObject({ revision: 2, detectedBy: 'start-up' });
    expect(sut.intact).toBe(false);
  });
});
