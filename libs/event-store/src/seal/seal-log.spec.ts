import { randomUUID } from 'node:crypto';
import { ChainedEventStore } from '../chain/chained-event-store';
import { InMemoryEventStorageDouble } from '../chain/in-memory-event-storage.double';
import type { EventToAppend, RecordedEvent, StreamHead } from '../event-store.port';
import { AUDIT_SEALED, AUDIT_SEALS_STREAM, SEAL_ALGORITHM } from './audit-seal.events';
import { scanHeadsAt } from './log-heads';
import { merkleRoot } from './merkle-root';
import { NothingToSealError, sealLog } from './seal-log';

function event(n: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'ExpenseRecorded',
    data: { amountCents: n * 100 },
    metadata: { occurredAt: '2023-10-05T12:00:00.000Z', recordedAt: '2023-10-05T12:00:01.000Z', actor: 'unit-test', correlationId: 'c', causationId: null, schemaVersion: 1 },
  };
}

/** The heads as of `position`, chosen naively from the whole array: the oracle for the streaming scan. */
function headsAt(events: RecordedEvent[], position: bigint): Map<string, StreamHead> {
  const heads = new Map<string, StreamHead>();
  for (const e of events) if (e.position <= position && e.stream !== AUDIT_SEALS_STREAM) heads.set(e.stream, { revision: e.revision, hash: e.hash });
  return heads;
}

const AT = '2026-11-27T09:00:00.000Z';

describe('sealLog / scanHeadsAt (over an in-memory test double)', () => {
  let storage: InMemoryEventStorageDouble;
  let store: ChainedEventStore;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    store = new ChainedEventStore(storage);
    await store.append('workshop-b', [event(1), event(2)], 'no-stream');
    await store.append('workshop-a', [event(3)], 'no-stream');
    await store.append('workshop-b', [event(4)], 1);
  });

  it('appends AuditSealed to audit-seals: the root over every stream head at the current head position', async () => {
    const sut = await sealLog(store, { actor: 'cli', at: AT });

    const [stored] = await store.readStream(AUDIT_SEALS_STREAM);
    const expected = merkleRoot(headsAt(storage.events, 4n));
    expect(sut.seal).toEqual({ position: '4', streams: 2, root: expected.root, algorithm: SEAL_ALGORITHM, at: AT });
    expect(stored).toMatchObject({ id: sut.id, type: AUDIT_SEALED, data: sut.seal, position: 5n, revision: 0 });
    expect(stored!.metadata).toMatchObject({ actor: 'cli', occurredAt: AT, recordedAt: AT });
    expect(sut).toMatchObject({ eventPosition: 5n, revision: 0, duplicate: false });
  });

  it('appends a root computed elsewhere (a read worker) as it is, without reading the log again', async () => {
    const computed = { position: 4n, ...merkleRoot(headsAt(storage.events, 4n)) };
    const readAll = jest.spyOn(store, 'readAll');

    const sut = await sealLog(store, { actor: 'api', at: AT, computed });

    expect(readAll).not.toHaveBeenCalled();
    expect(sut.seal).toEqual({ position: '4', streams: computed.streams, root: computed.root, algorithm: SEAL_ALGORITHM, at: AT });
  });

  it('leaves the seals out of what it seals: a second seal of the same business state gives the same root', async () => {
    const first = await sealLog(store, { actor: 'cli', at: AT });

    const sut = await sealLog(store, { actor: 'cli', at: AT });

    expect(sut.seal.position).toBe(first.eventPosition.toString());
    expect(sut.seal).toMatchObject({ root: first.seal.root, streams: 2 });
    expect(sut.revision).toBe(1);
  });

  it('covers a new event once one is appended', async () => {
    const first = await sealLog(store, { actor: 'cli', at: AT });
    await store.append('workshop-a', [event(5)], 0);

    const sut = await sealLog(store, { actor: 'cli', at: AT });

    expect(sut.seal.root).not.toBe(first.seal.root);
    expect(sut.seal.root).toBe(merkleRoot(headsAt(storage.events, BigInt(sut.seal.position))).root);
  });

  it('answers a retry with the same id with the first seal and appends nothing', async () => {
    const id = randomUUID();
    const first = await sealLog(store, { actor: 'office', at: AT, id });
    await store.append('workshop-a', [event(6)], 0);

    const sut = await sealLog(store, { actor: 'office', at: '2026-11-28T09:00:00.000Z', id });

    expect(sut).toEqual({ ...first, duplicate: true });
    expect(await store.readStream(AUDIT_SEALS_STREAM)).toHaveLength(1);
  });

  it('refuses to seal an empty log', async () => {
    const empty = new ChainedEventStore(new InMemoryEventStorageDouble());

    await expect(sealLog(empty, { actor: 'cli', at: AT })).rejects.toBeInstanceOf(NothingToSealError);
  });

  it('scans once for many cuts, in pages, and stops reading past the last cut', async () => {
    for (let n = 0; n < 10; n++) await store.append(`organization-${n % 3}`, [event(n)], 'any');
    const pages: Array<bigint | null> = [];
    const reader = { readAll: (after: bigint | null, max: number) => (pages.push(after), storage.readAll(after, max)) };
    const seen: Array<[bigint, Map<string, StreamHead>]> = [];

    await scanHeadsAt(reader, [9n, 2n, 6n, 9n], (cut, heads) => seen.push([cut, new Map(heads)]), { pageSize: 3 });

    expect(seen).toEqual([2n, 6n, 9n].map((cut) => [cut, headsAt(storage.events, cut)]));
    // 14 events; positions 1–9 are needed, so the page holding 10–12 is the last one read.
    expect(pages).toEqual([null, 3n, 6n, 9n]);
  });

  it('gives every cut past the end of the log the heads of the whole log', async () => {
    const seen: Array<[bigint, number]> = [];

    await scanHeadsAt(storage, [100n], (cut, heads) => seen.push([cut, heads.size]));

    expect(seen).toEqual([[100n, 2]]);
  });
});
