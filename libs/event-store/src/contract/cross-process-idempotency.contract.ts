import { ChainedEventStore } from '../chain/chained-event-store';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { events, newStream, type ContractStorage } from './contract-helpers';

/** Appends of the later events in the retry case: small enough for every adapter's largest atomic write (KurrentDB: 1 MiB). */
const LATER_BATCH = 500;

/**
 * Idempotency by event id across processes, part of the event store contract: the storage itself (not one process's
 * memory or a window of recent events) must keep an id from being stored twice, and answer a retry with the original.
 */
export function crossProcessIdempotencyContract(current: () => { context: ContractStorage; sut: ChainedEventStore }, timeout: number): void {
  describe('idempotency across processes', () => {
    const position = ({ stream, revision, position }: AppendResult) => ({ stream, revision, position });

    it('stores one copy when two processes append the same ids at once, and answers both with it', async () => {
      const { context, sut } = current();
      const other = new ChainedEventStore(await context.openAnother());
      const stream = newStream();
      const rounds: [ExpectedRevision, ExpectedRevision][] = [
        ['no-stream', 'no-stream'],
        [2, 2],
        ['any', 'any'],
        ['exists', 8],
      ];
      const written: string[] = [];

      for (const [mine, theirs] of rounds) {
        const batch = events(3);
        written.push(...batch.map((e) => e.id));

        const results = await Promise.all([sut.append(stream, batch, mine), other.append(stream, batch, theirs)]);

        expect(position(results[0])).toEqual(position(results[1]));
        // One of them wrote; the other is told it was a duplicate of that write.
        expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      }
      const stored = await sut.readStream(stream);
      expect(stored.map((e) => e.id)).toEqual(written);
      expect(stored.map((e) => e.revision)).toEqual(written.map((_, index) => index));
    }, timeout);

    it('answers a retry after 10,000 later events with the original result, from either process, and adds nothing', async () => {
      const { context, sut } = current();
      const stream = newStream();
      const batch = events(2);
      const original = await sut.append(stream, batch, 'no-stream');
      for (let written = 0; written < 10_000; written += LATER_BATCH) await sut.append(stream, events(LATER_BATCH), 'any');
      const other = new ChainedEventStore(await context.openAnother());

      const retries = [await sut.append(stream, batch, 'no-stream'), await other.append(stream, batch, 'any'), await other.append(stream, batch, 1)];

      for (const retry of retries) expect(retry).toEqual({ ...original, duplicate: true });
      expect(await sut.streamHead(stream)).toMatchObject({ revision: 10_001 });
      expect(await other.findByIds(stream, batch.map((e) => e.id))).toEqual(await sut.readStream(stream, { maxCount: 2 }));
    }, Math.max(timeout, 120_000));
  });
}
