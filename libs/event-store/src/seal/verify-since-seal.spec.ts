import { randomUUID } from 'node:crypto';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import { InMemoryEventStorageDouble } from '../chain/in-memory-event-storage.double';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { checkRoot, InvalidRootError } from './check-root';
import { sealLog } from './seal-log';
import { verifyLog } from './verify-log';
import { verifySinceLastSeal } from './verify-since-seal';

const metadata = { occurredAt: '2023-10-05T12:00:00.000Z', recordedAt: '2023-10-05T12:00:01.000Z', actor: 'unit-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
const event = (n: number): EventToAppend => ({ id: randomUUID(), type: 'ExpenseRecorded', data: { amountCents: n }, metadata });
const AT = '2026-12-06T09:00:00.000Z';

describe('verifySinceLastSeal (the start-up check)', () => {
  let storage: InMemoryEventStorageDouble;
  let store: ChainedEventStore;
  const stored = (stream: string, revision: number): RecordedEvent => storage.events.find((e) => e.stream === stream && e.revision === revision)!;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    store = new ChainedEventStore(storage);
    await store.append('workshop-a', [event(1), event(2), event(3)], 'no-stream');
    await store.append('workshop-b', [event(4), event(5)], 'no-stream');
  });

  it('hashes the whole log when there is no seal, and reports it intact', async () => {
    await expect(verifySinceLastSeal(storage, { pageSize: 2 })).resolves.toEqual({ seal: null, streams: 2, events: 5, hashed: 5, breaks: [] });
  });

  it('finds every broken stream (not just the first), each at its first break, and says so as it goes', async () => {
    const a = stored('workshop-a', 1);
    a.data = { amountCents: 2_000 };
    const b = stored('workshop-b', 0);
    b.data = { amountCents: 4_000 };
    b.hash = hashEvent(b);
    const heard: string[] = [];

    const sut = await verifySinceLastSeal(storage, { onBreak: (found) => heard.push(found.stream) });

    expect(sut.breaks).toEqual([
      { stream: 'workshop-a', revision: 1, eventId: a.id, problem: 'hash-mismatch', expectedHash: hashEvent(a), foundHash: expect.any(String) },
      { stream: 'workshop-b', revision: 1, eventId: stored('workshop-b', 1).id, problem: 'prev-hash-mismatch', expectedHash: b.hash, foundHash: expect.any(String) },
    ]);
    expect(heard).toEqual(['workshop-a', 'workshop-b']);
  });

  it('after a seal: hashes only what came after it, links and the seal root before it', async () => {
    const seal = await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-a', [event(6)], 'any');

    const sut = await verifySinceLastSeal(storage);

    // workshop-a's new event and the seal event itself come after the sealed position.
    expect(sut).toMatchObject({ events: 7, hashed: 2, breaks: [], seal: { id: seal.id, position: seal.seal.position, intact: true, root: seal.seal.root, recomputedRoot: seal.seal.root } });
  });

  it('after a seal: finds an edit after it, and a sealed event rewritten with its hash recomputed by the root', async () => {
    await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-b', [event(6)], 'any');
    const sealedHead = stored('workshop-a', 2);
    sealedHead.data = { amountCents: 3_000 };
    sealedHead.hash = hashEvent(sealedHead);
    const later = stored('workshop-b', 2);
    later.data = { amountCents: 6_000 };

    const sut = await verifySinceLastSeal(storage);

    expect(sut.breaks).toEqual([expect.objectContaining({ stream: 'workshop-b', revision: 2, problem: 'hash-mismatch' })]);
    expect(sut.seal).toMatchObject({ intact: false });
    expect(sut.seal!.recomputedRoot).not.toBe(sut.seal!.root);
  });

  it('finds a removed event by the revisions that no longer follow', async () => {
    storage.events.splice(storage.events.indexOf(stored('workshop-a', 1)), 1);

    await expect(verifySinceLastSeal(storage)).resolves.toMatchObject({ breaks: [{ stream: 'workshop-a', revision: 1, problem: 'revision-gap', eventId: stored('workshop-a', 2).id }] });
  });
});

describe('checkRoot (a root kept outside Kuhina)', () => {
  let storage: InMemoryEventStorageDouble;
  let store: ChainedEventStore;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    store = new ChainedEventStore(storage);
    await store.append('workshop-a', [event(1), event(2)], 'no-stream');
  });

  it('matches the seal it was printed from, also after later events and seals', async () => {
    const { seal } = await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-a', [event(3)], 'any');
    await sealLog(store, { actor: 'cli', at: AT });

    await expect(checkRoot(storage, seal.position, seal.root.toUpperCase())).resolves.toEqual({ intact: true, position: seal.position, root: seal.root, recomputedRoot: seal.root, recomputedStreams: 1, beyondHead: false });
  });

  it('catches a log whose hashes were recomputed and then re-sealed: its own seals agree, the root kept outside does not', async () => {
    const { seal } = await sealLog(store, { actor: 'cli', at: AT });
    // The forger rewrites an event, recomputes its hash and everything after it, and replaces the seal's root.
    const victim = storage.events.find((e) => e.stream === 'workshop-a' && e.revision === 1)!;
    victim.data = { amountCents: 99_999 };
    victim.hash = hashEvent(victim);
    const sealEvent = storage.events.find((e) => e.stream === 'audit-seals')!;
    const forgedRoot = (await checkRoot(storage, seal.position, seal.root)).recomputedRoot;
    sealEvent.data = { ...(sealEvent.data as object), root: forgedRoot };
    sealEvent.hash = hashEvent(sealEvent);

    const sut = await checkRoot(storage, seal.position, seal.root);

    await expect(verifyLog(storage)).resolves.toMatchObject({ intact: true, seals: [{ intact: true, root: forgedRoot }] });
    expect(sut).toMatchObject({ intact: false, beyondHead: false, recomputedRoot: forgedRoot });
  });

  it('cannot match beyond the head of the log, and refuses what is not a position or a root', async () => {
    const { seal } = await sealLog(store, { actor: 'cli', at: AT });

    await expect(checkRoot(storage, '999', seal.root)).resolves.toMatchObject({ intact: false, beyondHead: true });
    await expect(checkRoot(storage, 'ten', seal.root)).rejects.toThrow(InvalidRootError);
    await expect(checkRoot(storage, seal.position, 'abc')).rejects.toThrow(/64 hexadecimal digits/);
  });
});
