import { randomUUID } from 'node:crypto';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import { InMemoryEventStorageDouble } from '../chain/in-memory-event-storage.double';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { AUDIT_SEALED, AUDIT_SEALS_STREAM } from './audit-seal.events';
import { sealLog } from './seal-log';
import { verifyLog, type LogVerifyProgress } from './verify-log';
import { verifySeals } from './verify-seals';

const metadata = { occurredAt: '2023-10-05T12:00:00.000Z', recordedAt: '2023-10-05T12:00:01.000Z', actor: 'unit-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const event = (n: number): EventToAppend => ({ id: randomUUID(), type: 'FeedbackSubmitted', data: { rating: (n % 5) + 1 }, metadata });
const AT = '2026-11-27T09:00:00.000Z';

describe('verifyLog / verifySeals (over an in-memory test double)', () => {
  let storage: InMemoryEventStorageDouble;
  let store: ChainedEventStore;
  const stored = (stream: string, revision: number): RecordedEvent => storage.events.find((e) => e.stream === stream && e.revision === revision)!;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    store = new ChainedEventStore(storage);
    await store.append('workshop-c', [event(0), event(1), event(2)], 'no-stream');
    await store.append('workshop-a', [event(3), event(4)], 'no-stream');
  });

  it('reports an untouched, sealed log as intact, with every seal', async () => {
    const first = await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-b', [event(5)], 'no-stream');
    const second = await sealLog(store, { actor: 'cli', at: AT });

    const sut = await verifyLog(storage);

    expect(sut).toEqual({
      intact: true,
      streams: 4, // the three workshops and audit-seals, whose own chain is verified too
      events: 8,
      seals: [first, second].map(({ id, revision, seal }) => ({ intact: true, id, revision, position: seal.position, streams: seal.streams, root: seal.root, at: AT })),
    });
  });

  it('reports a log without seals as intact with no seal results', async () => {
    await expect(verifyLog(storage)).resolves.toEqual({ intact: true, streams: 2, events: 5, seals: [] });
  });

  it('keeps a seal intact when events are appended after it', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-a', [event(6)], 1);

    await expect(verifyLog(storage)).resolves.toMatchObject({ intact: true, seals: [{ intact: true }] });
  });

  it('catches the removal of a stream tail that the chain cannot see', async () => {
    const seal = await sealLog(store, { actor: 'cli', at: AT });
    storage.events.splice(storage.events.indexOf(stored('workshop-c', 2)), 1);

    const sut = await verifyLog(storage);

    expect(sut).toMatchObject({
      intact: false,
      problem: 'seal-mismatch',
      streams: 3,
      events: 5,
      seal: { intact: false, id: seal.id, problem: 'root-mismatch', position: seal.seal.position, root: seal.seal.root, streams: 2, recomputedStreams: 2 },
    });
    expect(sut.intact === false && sut.problem === 'seal-mismatch' && sut.seal.recomputedRoot).not.toBe(seal.seal.root);
  });

  it('catches a last event rewritten together with its hash (no later link points at it)', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    const victim = stored('workshop-a', 1);
    victim.data = { rating: 1 };
    victim.hash = hashEvent(victim);

    await expect(verifyLog(storage)).resolves.toMatchObject({ intact: false, problem: 'seal-mismatch', seal: { problem: 'root-mismatch' } });
  });

  it('reports a broken chain as the first broken link, with the seal results beside it', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    const victim = stored('workshop-a', 0);
    victim.data = { rating: 5, forged: true };

    const sut = await verifyLog(storage);

    expect(sut).toMatchObject({ intact: false, problem: 'hash-mismatch', stream: 'workshop-a', revision: 0, eventId: victim.id, seals: [{ intact: true }] });
  });

  it('refuses to vouch for seals it cannot read or recompute', async () => {
    const bad = (data: unknown): EventToAppend => ({ id: randomUUID(), type: AUDIT_SEALED, data, metadata });
    await store.append(AUDIT_SEALS_STREAM, [bad({ position: '5', streams: 2, root: 'a'.repeat(64), algorithm: 'md5-list-v0', at: AT }), bad({ position: 'five', streams: 2, root: 'a'.repeat(64), algorithm: 'sha256-merkle-v1', at: AT })], 'any');

    const sut = await verifySeals(storage);

    expect(sut).toMatchObject([
      { intact: false, revision: 0, problem: 'unsupported-algorithm', position: '5', recomputedRoot: null },
      { intact: false, revision: 1, problem: 'malformed', position: null, streams: 2 },
    ]);
  });

  it('reads the log once for all seals and reports progress of both passes, chain first', async () => {
    for (let n = 0; n < 3; n++) {
      await store.append('workshop-a', [event(n)], 'any');
      await sealLog(store, { actor: 'cli', at: AT });
    }
    const progress: LogVerifyProgress[] = [];
    let readAllCalls = 0;
    const counting = { ...storage, listStreams: () => storage.listStreams(), readStream: storage.readStream.bind(storage), readAll: (after: bigint | null, max: number) => (readAllCalls++, storage.readAll(after, max)) };

    await verifyLog(counting, { onProgress: (p) => progress.push(p), pageSize: 4 });

    // 11 events, positions needed up to the last seal's (10): pages 1–4, 5–8, 9–11.
    expect(readAllCalls).toBe(3);
    expect(progress.map((p) => p.phase)).toEqual(['chain', 'chain', 'chain', 'seals', 'seals', 'seals']);
    expect(progress.at(-1)).toMatchObject({ phase: 'seals', sealsTotal: 3, eventsRead: 10, position: 10n });
  });
});
