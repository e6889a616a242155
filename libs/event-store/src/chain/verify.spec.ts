import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../event-store.port';
import { ChainedEventStore } from './chained-event-store';
import { hashEvent } from './event-hash';
import { InMemoryEventStorageDouble } from './in-memory-event-storage.double';
import { verifyAll, verifyStream, type VerifyProgress } from './verify';

function event(n: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'FeedbackSubmitted',
    data: { rating: (n % 5) + 1, comment: `comment ${n}` },
    metadata: { occurredAt: '2023-10-05T12:00:00.000Z', recordedAt: '2023-10-05T12:00:01.000Z', actor: 'unit-test', correlationId: 'c', causationId: null, schemaVersion: 1 },
  };
}

describe('verifyStream / verifyAll (over an in-memory test double)', () => {
  let storage: InMemoryEventStorageDouble;

  beforeEach(async () => {
    storage = new InMemoryEventStorageDouble();
    const store = new ChainedEventStore(storage);
    // Inserted out of name order on purpose: verifyAll must sort.
    await store.append('workshop-c', [event(0), event(1), event(2), event(3), event(4)], 'no-stream');
    await store.append('workshop-a', [event(5), event(6)], 'no-stream');
    await store.append('workshop-b', [event(7), event(8), event(9)], 'no-stream');
  });

  const stored = (stream: string, revision: number) => storage.events.find((e) => e.stream === stream && e.revision === revision)!;

  it('reports an untouched log as intact, with counts', async () => {
    await expect(verifyAll(storage)).resolves.toEqual({ intact: true, streams: 3, events: 10 });
    await expect(verifyStream(storage, 'workshop-c')).resolves.toEqual({ intact: true, streams: 1, events: 5 });
  });

  it('reports an absent stream as intact and empty', async () => {
    await expect(verifyStream(storage, 'workshop-zzz')).resolves.toEqual({ intact: true, streams: 0, events: 0 });
  });

  it('finds edited data at exactly that event (hash-mismatch)', async () => {
    const victim = stored('workshop-c', 3);
    const originalHash = victim.hash;
    victim.data = { rating: 5, comment: 'forged' };

    const sut = await verifyAll(storage);

    expect(sut).toEqual({
      intact: false,
      stream: 'workshop-c',
      revision: 3,
      eventId: victim.id,
      expectedHash: hashEvent(victim),
      foundHash: originalHash,
      problem: 'hash-mismatch',
    });
  });

  it('finds an edit that was re-hashed at the next link (prev-hash-mismatch)', async () => {
    const victim = stored('workshop-c', 1);
    const originalHash = victim.hash;
    victim.metadata = { ...victim.metadata, actor: 'forger' };
    victim.hash = hashEvent(victim);

    const sut = await verifyStream(storage, 'workshop-c');

    expect(sut).toMatchObject({ intact: false, revision: 2, eventId: stored('workshop-c', 2).id, expectedHash: victim.hash, foundHash: originalHash, problem: 'prev-hash-mismatch' });
  });

  it('finds a removed event at the first missing revision (revision-gap)', async () => {
    const next = stored('workshop-c', 3);
    storage.events.splice(storage.events.indexOf(stored('workshop-c', 2)), 1);

    const sut = await verifyStream(storage, 'workshop-c');

    expect(sut).toMatchObject({ intact: false, revision: 2, eventId: next.id, expectedHash: stored('workshop-c', 1).hash, foundHash: next.prevHash, problem: 'revision-gap' });
  });

  it('finds a removed first event at revision 0', async () => {
    storage.events.splice(storage.events.indexOf(stored('workshop-a', 0)), 1);

    await expect(verifyStream(storage, 'workshop-a')).resolves.toMatchObject({ intact: false, revision: 0, expectedHash: null, problem: 'revision-gap' });
  });

  it('reports the first broken stream in name order, whatever the storage lists first', async () => {
    stored('workshop-c', 0).type = 'Forged';
    stored('workshop-b', 2).type = 'Forged';

    await expect(verifyAll(storage)).resolves.toMatchObject({ intact: false, stream: 'workshop-b', revision: 2 });
  });

  it('reads in pages and still finds a break on a later page', async () => {
    stored('workshop-c', 4).type = 'Forged';
    const pages: number[] = [];
    const paging = { ...storage, readStream: async (stream: string, options?: { fromRevision?: number; maxCount?: number }) => {
      pages.push(options?.maxCount ?? -1);
      return storage.readStream(stream, options);
    } };

    const sut = await verifyStream(paging, 'workshop-c', { pageSize: 2 });

    expect(sut).toMatchObject({ intact: false, revision: 4, problem: 'hash-mismatch' });
    expect(pages).toEqual([2, 2, 2]);
  });

  it('reports progress after each stream, in order', async () => {
    const progress: VerifyProgress[] = [];

    await verifyAll(storage, (p) => progress.push(p));

    expect(progress).toEqual([
      { stream: 'workshop-a', streamsChecked: 1, streamsTotal: 3, eventsChecked: 2 },
      { stream: 'workshop-b', streamsChecked: 2, streamsTotal: 3, eventsChecked: 5 },
      { stream: 'workshop-c', streamsChecked: 3, streamsTotal: 3, eventsChecked: 10 },
    ]);
  });
});
