import { randomUUID } from 'node:crypto';
import { ChainedEventStore } from '../chain/chained-event-store';
import { hashEvent } from '../chain/event-hash';
import { verifyAll, verifyStream } from '../chain/verify';
import { EventIdConflictError, WrongExpectedRevisionError, type EventStorage, type ExpectedRevision, type RecordedEvent } from '../event-store.port';
import { event, events, eventually, newStream, rejection, type ContractStorage, type EventStoreContractOptions } from './contract-helpers';
import { crossProcessIdempotencyContract } from './cross-process-idempotency.contract';

export type { ContractStorage, EventStoreContractOptions } from './contract-helpers';

/**
 * The event store contract, proven on ChainedEventStore over the given storage. Every adapter
 * runs this same suite against a real store.
 */
export function eventStoreContract(name: string, makeStorage: () => Promise<ContractStorage>, options: EventStoreContractOptions = {}): void {
  const register = options.skip ? describe.skip : describe;
  const timeout = options.timeoutMs ?? 30_000;

  register(`EventStore contract: ${name}`, () => {
    let context: ContractStorage;
    let storage: EventStorage;
    let sut: ChainedEventStore;

    beforeEach(async () => {
      context = await makeStorage();
      storage = context.storage;
      sut = new ChainedEventStore(storage);
    }, timeout);

    afterEach(async () => {
      await context.cleanup();
    }, timeout);

    describe('revisions and positions', () => {
      it('numbers events 0, 1, 2, ... per stream', async () => {
        const a = newStream();
        const b = newStream();

        const first = await sut.append(a, events(3), 'no-stream');
        const second = await sut.append(b, events(2), 'no-stream');
        const third = await sut.append(a, events(1), 2);

        expect([first.revision, second.revision, third.revision]).toEqual([2, 1, 3]);
        expect((await sut.readStream(a)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect((await sut.readStream(b)).map((e) => e.revision)).toEqual([0, 1]);
        expect(await sut.streamHead(a)).toEqual({ revision: 3, hash: (await sut.readStream(a))[3]!.hash });
      }, timeout);

      it('gives global positions that grow across streams, as bigint, and reports the last one', async () => {
        const a = newStream();
        const b = newStream();
        const results = [];
        results.push(await sut.append(a, events(2), 'no-stream'));
        results.push(await sut.append(b, events(1), 'no-stream'));
        results.push(await sut.append(a, events(2), 'exists'));
        results.push(await sut.append(b, events(1), 'exists'));

        const positions = results.map((r) => r.position);
        for (const p of positions) expect(typeof p).toBe('bigint');
        for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!).toBe(true);

        const all = [...(await sut.readStream(a)), ...(await sut.readStream(b))].sort((x, y) => (x.position < y.position ? -1 : 1));
        expect(all.map((e) => `${e.stream === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a0', 'a1', 'b0', 'a2', 'a3', 'b1']);
        expect(new Set(all.map((e) => e.position)).size).toBe(6);
        // The result's position is the position of the append's last event.
        expect(results[2]!.position).toBe(all.find((e) => e.stream === a && e.revision === 3)!.position);
        expect((await sut.headPosition())! >= positions[3]!).toBe(true);
      }, timeout);

      it('answers streamHead null and readStream [] for a stream that does not exist', async () => {
        const absent = newStream();
        await expect(sut.streamHead(absent)).resolves.toBeNull();
        await expect(sut.readStream(absent)).resolves.toEqual([]);
        await expect(sut.findByIds(absent, [randomUUID()])).resolves.toEqual([]);
      }, timeout);
    });

    describe('expected revision', () => {
      const allowed: [string, ExpectedRevision | 'head', boolean][] = [
        ['no-stream on an absent stream', 'no-stream', false],
        ['exists on an existing stream', 'exists', true],
        ['any on an absent stream', 'any', false],
        ['any on an existing stream', 'any', true],
        ['the exact head revision', 'head', true],
      ];
      it.each(allowed)('allows %s', async (_label, expected, existing) => {
        const stream = newStream();
        if (existing) await sut.append(stream, events(2), 'no-stream');

        const result = await sut.append(stream, [event()], expected === 'head' ? 1 : expected);

        expect(result).toMatchObject({ stream, revision: existing ? 2 : 0, duplicate: false });
        expect(await sut.readStream(stream)).toHaveLength(existing ? 3 : 1);
      }, timeout);

      const refused: [string, ExpectedRevision, boolean, number | 'no-stream'][] = [
        ['no-stream on an existing stream', 'no-stream', true, 1],
        ['exists on an absent stream', 'exists', false, 'no-stream'],
        ['a stale revision', 0, true, 1],
        ['a revision ahead of the head', 5, true, 1],
        ['a revision on an absent stream', 0, false, 'no-stream'],
      ];
      it.each(refused)('refuses %s with WrongExpectedRevisionError carrying the actual revision', async (_label, expected, existing, actual) => {
        const stream = newStream();
        if (existing) await sut.append(stream, events(2), 'no-stream');

        const error = await rejection(sut.append(stream, [event()], expected));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected, actual, code: 'STREAM.WRONG_EXPECTED_REVISION' });
        expect(await sut.readStream(stream)).toHaveLength(existing ? 2 : 0);
      }, timeout);
    });

    describe('idempotency by event id', () => {
      it('answers the same append again with the original result, duplicate, and adds nothing', async () => {
        const stream = newStream();
        await sut.append(stream, events(1), 'no-stream');
        const batch = events(2);
        const first = await sut.append(stream, batch, 0);

        const again = await sut.append(stream, batch, 0);
        const againWithOtherExpectation = await sut.append(stream, batch, 'any');

        expect(again).toEqual({ ...first, duplicate: true });
        expect(againWithOtherExpectation).toEqual({ ...first, duplicate: true });
        expect(await sut.readStream(stream)).toHaveLength(3);
      }, timeout);

      it('still recognises the append after the store is re-opened, and kept everything', async () => {
        const stream = newStream();
        const batch = events(3);
        const first = await sut.append(stream, batch, 'no-stream');
        const before = await sut.readStream(stream);

        const reopened = new ChainedEventStore(await context.reopen());
        const again = await reopened.append(stream, batch, 'no-stream');

        expect(again).toEqual({ ...first, duplicate: true });
        expect(await reopened.readStream(stream)).toEqual(before);
      }, timeout);

      it('refuses a batch that reuses some stored ids with EventIdConflictError and adds nothing', async () => {
        const stream = newStream();
        const stored = events(2);
        await sut.append(stream, stored, 'no-stream');

        const error = await rejection(sut.append(stream, [stored[1]!, event()], 'any'));

        expect(error).toBeInstanceOf(EventIdConflictError);
        expect((error as EventIdConflictError).eventIds).toEqual([stored[1]!.id]);
        expect(await sut.readStream(stream)).toHaveLength(2);
      }, timeout);

      it('finds events by id within their stream only', async () => {
        const a = newStream();
        const b = newStream();
        const inA = events(3);
        await sut.append(a, inA, 'no-stream');
        await sut.append(b, events(1), 'no-stream');

        const found = await sut.findByIds(a, [inA[2]!.id, inA[0]!.id, randomUUID()]);

        expect(found.map((e) => e.revision).sort()).toEqual([0, 2]);
        await expect(sut.findByIds(b, [inA[0]!.id])).resolves.toEqual([]);
      }, timeout);

      it('finds one event by its id alone, in whatever stream (upper-case id too); null for an id it does not hold', async () => {
        const a = newStream();
        const b = newStream();
        await sut.append(a, events(2), 'no-stream');
        const inB = events(2);
        await sut.append(b, inB, 'no-stream');
        const stored = (await sut.readStream(b))[1]!;

        await expect(sut.findEvent(inB[1]!.id)).resolves.toEqual(stored);
        await expect(sut.findEvent(inB[1]!.id.toUpperCase())).resolves.toEqual(stored);
        await expect(sut.findEvent(randomUUID())).resolves.toBeNull();
      }, timeout);

      it('answers an empty append with the head and writes nothing', async () => {
        const stream = newStream();
        const last = await sut.append(stream, events(2), 'no-stream');

        await expect(sut.append(stream, [], 1)).resolves.toEqual({ ...last, duplicate: false });
        expect(await sut.readStream(stream)).toHaveLength(2);
      }, timeout);
    });

    crossProcessIdempotencyContract(() => ({ context, sut }), timeout);

    describe('reading', () => {
      it('reads a stream from a revision, at most maxCount events', async () => {
        const stream = newStream();
        await sut.append(stream, events(6), 'no-stream');
        await sut.append(stream, events(4), 5);

        expect((await sut.readStream(stream, { fromRevision: 3, maxCount: 4 })).map((e) => e.revision)).toEqual([3, 4, 5, 6]);
        expect((await sut.readStream(stream, { fromRevision: 8, maxCount: 10 })).map((e) => e.revision)).toEqual([8, 9]);
        expect((await sut.readStream(stream, { maxCount: 2 })).map((e) => e.revision)).toEqual([0, 1]);
        expect(await sut.readStream(stream, { fromRevision: 10 })).toEqual([]);
      }, timeout);

      it('pages through the whole log by position, in bounded batches, across streams', async () => {
        const start = await sut.headPosition();
        const streams = [newStream(), newStream('chain'), newStream('person')];
        const written: string[] = [];
        for (let round = 0; round < 5; round++) {
          for (const [index, stream] of streams.entries()) {
            const batch = events(index + 1);
            await sut.append(stream, batch, 'any');
            written.push(...batch.map((e) => e.id));
          }
        }
        const ours = new Set(streams);

        const seen: RecordedEvent[] = [];
        let after = start;
        let pages = 0;
        for (;;) {
          const page = await sut.readAll(after, 7);
          expect(page.length).toBeLessThanOrEqual(7);
          if (page.length === 0) break;
          pages += 1;
          for (const e of page) {
            if (after !== null) expect(e.position > after).toBe(true);
            after = e.position;
          }
          // A shared server may hold other writers' events: keep ours.
          seen.push(...page.filter((e) => ours.has(e.stream)));
        }

        expect(pages).toBeGreaterThanOrEqual(5);
        expect(seen.map((e) => e.id)).toEqual(written);
        const rest = await sut.readAll(seen.at(-1)!.position, 10);
        expect(rest.filter((e) => ours.has(e.stream))).toEqual([]);
      }, timeout);

      it('reads only the types asked for, maxCount counting only those, in log order across streams', async () => {
        const start = await sut.headPosition();
        // Types unique to this run, so other writers on a shared server cannot add to the answer.
        const suffix = randomUUID().replace(/-/g, '');
        // `other` is what "Also.<suffix>" would match if a store took the type for a pattern.
        const [wanted, other, also] = [`Wanted${suffix}`, `AlsoX${suffix}`, `Also.${suffix}`];
        const streams = [newStream(), newStream('person')];
        const written: string[] = [];
        for (let round = 0; round < 4; round++) {
          for (const stream of streams) {
            // Runs of unwanted events between the wanted ones: a page must reach past them.
            await sut.append(stream, events(5, other), 'any');
            const batch = [...events(2, wanted), ...events(1, also)];
            await sut.append(stream, batch, 'any');
            written.push(...batch.map((e) => e.id));
          }
        }

        const seen: RecordedEvent[] = [];
        for (let after = start; ; ) {
          const page = await sut.readAll(after, 4, { types: [wanted, also] });
          expect(page.length).toBeLessThanOrEqual(4);
          if (page.length === 0) break;
          for (const e of page) expect([wanted, also]).toContain(e.type);
          seen.push(...page);
          after = page.at(-1)!.position;
        }
        expect(seen.map((e) => e.id)).toEqual(written);
        // Full pages of 4 wanted events although 10 unwanted ones lie between every 3 wanted.
        const first = await sut.readAll(start, 4, { types: [wanted, also] });
        expect(first.map((e) => e.id)).toEqual(written.slice(0, 4));
        expect(await sut.readAll(start, 100, { types: [`Also${suffix}`] })).toEqual([]);
        expect(await sut.readAll(start, 100, { types: [] })).toEqual([]);
        // Without types: every event, the unwanted ones too.
        const all = (await sut.readAll(start, 1000)).filter((e) => streams.includes(e.stream));
        expect(all).toHaveLength(4 * 2 * 8);
      }, timeout);

      it('gives back data and all six metadata fields exactly, from every read', async () => {
        const stream = newStream();
        const start = await sut.headPosition();
        const data = { title: 'Penkkikahvila — bench café', amountCents: 260000, ratio: 0.25, tags: ['ESF+', 'Pori'], nested: { empty: {}, list: [], flag: false, none: null } };
        const withCause = event('ResourcePledged', data, { causationId: randomUUID(), schemaVersion: 2, actor: 'api-key:backoffice-1' });
        const withoutCause = event('ResourcePledged', [1, 'two', { three: 3 }], { causationId: null });
        await sut.append(stream, [withCause, withoutCause], 'no-stream');

        const fromStream = await sut.readStream(stream);
        const fromIds = await sut.findByIds(stream, [withCause.id, withoutCause.id]);
        // A shared server may hold other writers' events after `start`: keep this stream's.
        const fromAll = (await sut.readAll(start, 1000)).filter((e) => e.stream === stream);

        for (const read of [fromStream, fromIds.sort((x, y) => x.revision - y.revision), fromAll]) {
          expect(read.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata }))).toEqual([
            { id: withCause.id, type: withCause.type, data: withCause.data, metadata: withCause.metadata },
            { id: withoutCause.id, type: withoutCause.type, data: withoutCause.data, metadata: withoutCause.metadata },
          ]);
        }
      }, timeout);
    });

    describe('hash chain', () => {
      it('links every event to the previous one of its stream, and verification finds the log intact', async () => {
        const stream = newStream();
        await sut.append(stream, events(3), 'no-stream');
        await sut.append(stream, events(2), 'exists');
        await sut.append(newStream(), events(2), 'no-stream');

        const stored = await sut.readStream(stream);
        expect(stored[0]!.prevHash).toBeNull();
        for (let i = 1; i < stored.length; i++) expect(stored[i]!.prevHash).toBe(stored[i - 1]!.hash);
        for (const e of stored) expect(e.hash).toBe(hashEvent(e));

        await expect(verifyStream(storage, stream)).resolves.toEqual({ intact: true, streams: 1, events: 5 });
        // Stream listings may lag on some servers (KurrentDB's $streams projection): wait for ours to appear.
        const listed = await eventually(
          async () => {
            const names = new Set<string>();
            for await (const s of storage.listStreams()) names.add(s);
            return names;
          },
          (names) => names.has(stream),
        );
        expect(listed.has(stream)).toBe(true);
        const all = await verifyAll(storage);
        expect(all.intact).toBe(true);
        expect(all.intact && all.events).toBeGreaterThanOrEqual(5);
      }, timeout);
    });

    describe('notifications', () => {
      it('calls subscribers with the new head position after an append, and stops after unsubscribe', async () => {
        const positions: bigint[] = [];
        const unsubscribe = sut.subscribe((p) => positions.push(p));
        const stream = newStream();

        const result = await sut.append(stream, events(2), 'no-stream');
        await eventually(async () => positions, (ps) => ps.some((p) => p >= result.position));
        expect(positions.some((p) => p >= result.position)).toBe(true);

        unsubscribe();
        const heard = positions.length;
        const later = await sut.append(stream, events(1), 'exists');
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(positions.slice(heard).some((p) => p >= later.position)).toBe(false);
      }, timeout);
    });

    describe('concurrency', () => {
      it("ends with 10 events, revisions 0..9, when 10 'any' appends run at once", async () => {
        const stream = newStream();

        const results = await Promise.all(Array.from({ length: 10 }, () => sut.append(stream, [event()], 'any')));

        expect(results.map((r) => r.revision).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect((await sut.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        await expect(verifyStream(storage, stream)).resolves.toMatchObject({ intact: true, events: 10 });
      }, timeout);

      it("does the same with 10 independent writers, where only the storage's own check keeps order", async () => {
        const stream = newStream();
        // Separate stores share no in-process queue: every collision reaches the storage.
        const writers = Array.from({ length: 10 }, () => new ChainedEventStore(storage, { maxAttempts: 12 }));

        await Promise.all(writers.map((w) => w.append(stream, [event()], 'any')));

        expect((await sut.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        await expect(verifyStream(storage, stream)).resolves.toMatchObject({ intact: true, events: 10 });
      }, timeout);

      it("lets exactly one of 10 racing 'no-stream' appends win", async () => {
        const stream = newStream();
        const writers = Array.from({ length: 10 }, () => new ChainedEventStore(storage));
        const attempts = writers.map(() => event());

        const outcomes = await Promise.allSettled(writers.map((w, i) => w.append(stream, [attempts[i]!], 'no-stream')));

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(9);
        for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        const stored = await sut.readStream(stream);
        expect(stored).toHaveLength(1);
        expect(stored[0]!.id).toBe(attempts[outcomes.findIndex((o) => o.status === 'fulfilled')]!.id);
      }, timeout);
    });
  });
}
