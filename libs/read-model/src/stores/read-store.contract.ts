import { AliasedReadStore } from './aliased-read-store';
import { leaseContract } from './read-store-lease.contract';
import { InvalidCursorError, type Checkpoint, type ListOptions, type Page, type PutOptions, type ReadStore, type UnitOfWork, type ViewDocument } from '../read-store.port';

/** What a contract run needs from an adapter's test set-up. */
export interface ContractReadStore {
  store: ReadStore;
  /** Closes the store given so far and opens the same data again, as a restarted process would. */
  reopen?(): Promise<ReadStore>;
  /** Closes whatever is open and removes what the run created. */
  cleanup(): Promise<void>;
}

export interface ReadStoreContractOptions {
  /** When set, every test is registered as skipped (Jest reports them as skipped, not passed). */
  skip?: boolean;
  /** Default true: the store keeps its data across reopen, and `make` must give `reopen`. False for the memory adapter. */
  persistent?: boolean;
  /** Per-test timeout (ms). Default 30 000: a remote server may be slow. */
  timeoutMs?: number;
}

const VIEWS = 'workshop-registrations';
const OTHER = 'chain-list';

async function put(store: ReadStore, collection: string, id: string, doc: ViewDocument, options?: PutOptions): Promise<void> {
  await store.transaction(async (uow) => uow.put(collection, id, doc, options));
}

/** Every page of a listing, following `next` until it is null. */
async function pages(store: ReadStore, collection: string, options: Omit<ListOptions, 'after'>): Promise<Array<Array<{ id: string; doc: ViewDocument }>>> {
  const result: Array<Array<{ id: string; doc: ViewDocument }>> = [];
  let after: string | null = null;
  do {
    const page: Page<ViewDocument> = await store.list(collection, { ...options, after });
    result.push(page.items);
    after = page.next;
    if (result.length > 100) throw new Error('listing does not end');
  } while (after !== null);
  return result;
}

async function ids(store: ReadStore, collection: string, where?: ListOptions['where']): Promise<string[]> {
  return (await pages(store, collection, { where, limit: 1000 })).flat().map((item) => item.id);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// Ids deliberately not in sort order of insertion: listings must sort, not return insertion order.
const scrambled = (count: number) => Array.from({ length: count }, (_, i) => `reg-${String((i * 7) % count).padStart(2, '0')}`);

/**
 * The behaviour every read-store adapter must show. Run it from an adapter's `*.int-spec.ts` against the
 * real store; `make` is called for every test and must give a store with no data.
 */
export function readStoreContract(name: string, make: () => Promise<ContractReadStore>, options: ReadStoreContractOptions = {}): void {
  const suite = options.skip ? describe.skip : describe;
  const timeout = options.timeoutMs ?? 30_000;
  const persistent = options.persistent ?? true;

  suite(`ReadStore contract: ${name}`, () => {
    let harness: ContractReadStore | undefined;
    let sut: ReadStore;

    beforeEach(async () => {
      harness = await make();
      sut = harness.store;
    }, timeout);

    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    }, timeout);

    describe('documents', () => {
      it('stores, reads and deletes a document through units of work', async () => {
        await put(sut, VIEWS, 'a', { name: 'Aino', n: 1 });
        expect(await sut.get(VIEWS, 'a')).toEqual({ name: 'Aino', n: 1 });

        await put(sut, VIEWS, 'a', { name: 'Aino K.', n: 2 });
        expect(await sut.get(VIEWS, 'a')).toEqual({ name: 'Aino K.', n: 2 });

        await sut.transaction(async (uow) => uow.delete(VIEWS, 'a'));
        expect(await sut.get(VIEWS, 'a')).toBeNull();
        expect(await sut.get(VIEWS, 'never-stored')).toBeNull();
      }, timeout);

      it('keeps collections apart: the same id in two collections is two documents', async () => {
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'same', { in: VIEWS });
          uow.put(OTHER, 'same', { in: OTHER });
        });

        expect(await sut.get(VIEWS, 'same')).toEqual({ in: VIEWS });
        expect(await sut.get(OTHER, 'same')).toEqual({ in: OTHER });
        expect(await ids(sut, OTHER)).toEqual(['same']);
      }, timeout);

      it('returns what the work returns', async () => {
        const result = await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'a', { n: 1 });
          return { applied: 17 };
        });

        expect(result).toEqual({ applied: 17 });
      }, timeout);

      it('gives back documents JSON-equal to what was put: nested objects, arrays, unicode, numbers, null', async () => {
        const doc = {
          name: 'Mäkinen',
          city: 'Äänekoski',
          greeting: 'Hyvää päivää 👋 — «ESF+» 日本語',
          organisers: [{ name: 'Rauman kaupunki', role: 'venue', values: [1, 2.5, -3] }, { name: 'Lapin AMK', role: null }],
          nested: { deep: { deeper: { list: [[1, 2], [], ['x']], empty: {} } } },
          totals: { cents: 260000, ratio: 0.1 + 0.2, maxSafe: Number.MAX_SAFE_INTEGER, negative: -42 },
          flags: { held: true, cancelled: false },
          lastPosition: '18446744073709551617',
          nothing: null,
        };

        await put(sut, VIEWS, 'doc', doc, { indexes: { chainId: 'c' } });

        expect(await sut.get(VIEWS, 'doc')).toStrictEqual(doc);
        expect((await sut.list(VIEWS, { limit: 10 })).items).toStrictEqual([{ id: 'doc', doc }]);
        expect((await sut.list(VIEWS, { where: { index: 'chainId', value: 'c' }, limit: 10 })).items).toStrictEqual([{ id: 'doc', doc }]);
        await sut.transaction(async (uow) => {
          expect(await uow.get(VIEWS, 'doc')).toStrictEqual(doc);
        });
      }, timeout);

      it('copies documents in and out: mutating a caller-side object never changes what is stored', async () => {
        const original = { name: 'Aino', tags: ['a'] };
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'a', original);
          original.tags.push('mutated after put');
          const staged = await uow.get<{ name: string; tags: string[] }>(VIEWS, 'a');
          staged!.tags.push('mutated after uow.get');
          expect(await uow.get(VIEWS, 'a')).toEqual({ name: 'Aino', tags: ['a'] });
        });

        const read = await sut.get<{ name: string; tags: string[] }>(VIEWS, 'a');
        read!.tags.push('mutated after get');
        const listed = (await sut.list<{ name: string; tags: string[] }>(VIEWS, { limit: 1 })).items[0]!.doc;
        listed.tags.push('mutated after list');

        expect(await sut.get(VIEWS, 'a')).toEqual({ name: 'Aino', tags: ['a'] });
      }, timeout);

      it('refuses a document that is not JSON (a bigint) at put, and the unit of work then writes nothing', async () => {
        const error = await rejection(
          sut.transaction(async (uow) => {
            uow.put(VIEWS, 'ok', { n: 1 });
            uow.put(VIEWS, 'bad', { position: 5n });
          }),
        );

        expect(error).toBeInstanceOf(TypeError);
        expect(await sut.get(VIEWS, 'ok')).toBeNull();
      }, timeout);
    });

    describe('unit of work', () => {
      beforeEach(async () => {
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'kept', { name: 'kept', n: 1 }, { indexes: { workshopId: 'w1' } });
          uow.put(VIEWS, 'deleted', { name: 'deleted', n: 2 }, { indexes: { workshopId: 'w1' } });
          uow.put(OTHER, 'chain', { name: 'chain', n: 3 });
          uow.setCheckpoint('main', { position: 10n, versions: { registrations: 1 } });
        });
      }, timeout);

      it('reads its own staged writes first, and committed documents otherwise', async () => {
        await sut.transaction(async (uow) => {
          expect(await uow.get(VIEWS, 'kept')).toEqual({ name: 'kept', n: 1 });

          uow.put(VIEWS, 'kept', { name: 'kept', n: 100 });
          uow.delete(VIEWS, 'deleted');
          uow.put(VIEWS, 'new', { name: 'new', n: 4 });

          expect(await uow.get(VIEWS, 'kept')).toEqual({ name: 'kept', n: 100 });
          expect(await uow.get(VIEWS, 'deleted')).toBeNull();
          expect(await uow.get(VIEWS, 'new')).toEqual({ name: 'new', n: 4 });

          uow.clear([OTHER]);
          expect(await uow.get(OTHER, 'chain')).toBeNull();
          uow.put(OTHER, 'rebuilt', { name: 'rebuilt', n: 5 });
          expect(await uow.get(OTHER, 'rebuilt')).toEqual({ name: 'rebuilt', n: 5 });
        });

        expect(await sut.get(VIEWS, 'kept')).toEqual({ name: 'kept', n: 100 });
        expect(await sut.get(VIEWS, 'deleted')).toBeNull();
        expect(await ids(sut, VIEWS)).toEqual(['kept', 'new']);
        expect(await ids(sut, OTHER)).toEqual(['rebuilt']);
      }, timeout);

      it('shows nothing to readers before commit, everything after', async () => {
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'new', { name: 'new', n: 4 }, { indexes: { workshopId: 'w1' } });
          uow.put(VIEWS, 'kept', { name: 'kept', n: 100 }, { indexes: { workshopId: 'w1' } });
          uow.delete(VIEWS, 'deleted');
          uow.clear([OTHER]);
          uow.setCheckpoint('main', { position: 20n, versions: { registrations: 1 } });

          expect(await sut.get(VIEWS, 'new')).toBeNull();
          expect(await sut.get(VIEWS, 'kept')).toEqual({ name: 'kept', n: 1 });
          expect(await sut.get(VIEWS, 'deleted')).toEqual({ name: 'deleted', n: 2 });
          expect(await sut.get(OTHER, 'chain')).toEqual({ name: 'chain', n: 3 });
          expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual(['deleted', 'kept']);
          expect(await sut.checkpoint('main')).toEqual({ position: 10n, versions: { registrations: 1 } });
        });

        expect(await sut.get(VIEWS, 'new')).toEqual({ name: 'new', n: 4 });
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual(['kept', 'new']);
        expect(await sut.get(OTHER, 'chain')).toBeNull();
        expect(await sut.checkpoint('main')).toEqual({ position: 20n, versions: { registrations: 1 } });
      }, timeout);

      it('writes nothing when the work throws: documents, index entries and checkpoint stay as they were', async () => {
        const boom = new Error('projection failed half-way');

        const error = await rejection(
          sut.transaction(async (uow) => {
            uow.put(VIEWS, 'new', { name: 'new', n: 4 }, { indexes: { workshopId: 'w1' } });
            uow.put(VIEWS, 'kept', { name: 'kept', n: 100 }, { indexes: { workshopId: 'w2' } });
            uow.delete(VIEWS, 'deleted');
            uow.clear([OTHER]);
            uow.setCheckpoint('main', { position: 20n, versions: { registrations: 2 } });
            uow.setCheckpoint('other', { position: 20n, versions: {} });
            await Promise.resolve();
            throw boom;
          }),
        );

        expect(error).toBe(boom);
        expect(await sut.get(VIEWS, 'new')).toBeNull();
        expect(await sut.get(VIEWS, 'kept')).toEqual({ name: 'kept', n: 1 });
        expect(await sut.get(VIEWS, 'deleted')).toEqual({ name: 'deleted', n: 2 });
        expect(await ids(sut, VIEWS)).toEqual(['deleted', 'kept']);
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual(['deleted', 'kept']);
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w2' })).toEqual([]);
        expect(await ids(sut, OTHER)).toEqual(['chain']);
        expect(await sut.checkpoint('main')).toEqual({ position: 10n, versions: { registrations: 1 } });
        expect(await sut.checkpoint('other')).toBeNull();
      }, timeout);

      it('clear drops whole collections inside the atomic commit, with their index entries; other collections stay', async () => {
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'before-clear', { name: 'dropped with the rest', n: 0 }, { indexes: { workshopId: 'w1' } });
          uow.clear([VIEWS]);
          uow.put(VIEWS, 'after-clear', { name: 'after', n: 9 }, { indexes: { workshopId: 'w1' } });
          uow.setCheckpoint('main', { position: null, versions: { registrations: 2 } });
        });

        expect(await ids(sut, VIEWS)).toEqual(['after-clear']);
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual(['after-clear']);
        expect(await sut.get(VIEWS, 'kept')).toBeNull();
        expect(await sut.get(OTHER, 'chain')).toEqual({ name: 'chain', n: 3 });
        expect(await sut.checkpoint('main')).toEqual({ position: null, versions: { registrations: 2 } });
      }, timeout);

      it('refuses to be used after its transaction ended, so that no write is silently lost', async () => {
        let leaked: UnitOfWork | undefined;
        await sut.transaction(async (uow) => {
          leaked = uow;
        });

        expect(() => leaked!.put(VIEWS, 'late', { n: 1 })).toThrow(/ended/);
        expect(() => leaked!.setCheckpoint('main', { position: 99n, versions: {} })).toThrow(/ended/);
        expect(await sut.get(VIEWS, 'late')).toBeNull();
        expect(await sut.checkpoint('main')).toEqual({ position: 10n, versions: { registrations: 1 } });
      }, timeout);
    });

    describe('checkpoints', () => {
      it('is null for a projector that never saved one', async () => {
        expect(await sut.checkpoint('never')).toBeNull();
      }, timeout);

      it('round-trips bigint positions beyond 2^53 and the versions, per projector', async () => {
        const big: Checkpoint = { position: 2n ** 64n + 1n, versions: { 'workshop-chain': 3, network: 12 } };
        const justAbove: Checkpoint = { position: 2n ** 53n + 1n, versions: {} };
        await sut.transaction(async (uow) => {
          uow.setCheckpoint('main', big);
          uow.setCheckpoint('replay', justAbove);
          uow.setCheckpoint('fresh', { position: null, versions: { network: 1 } });
        });

        const main = await sut.checkpoint('main');
        expect(main).toEqual(big);
        expect(typeof main!.position).toBe('bigint');
        expect(await sut.checkpoint('replay')).toEqual({ position: 9007199254740993n, versions: {} });
        expect(await sut.checkpoint('fresh')).toEqual({ position: null, versions: { network: 1 } });
      }, timeout);

      it('keeps the last checkpoint set in a unit of work, and replaces the stored one', async () => {
        await sut.transaction(async (uow) => uow.setCheckpoint('main', { position: 5n, versions: { a: 1 } }));

        await sut.transaction(async (uow) => {
          uow.setCheckpoint('main', { position: 6n, versions: { a: 1 } });
          uow.setCheckpoint('main', { position: 7n, versions: { b: 2 } });
        });

        expect(await sut.checkpoint('main')).toEqual({ position: 7n, versions: { b: 2 } });
      }, timeout);
    });

    describe('listing', () => {
      it('pages a listing by index with cursors: 25 documents, limit 10 → 10/10/5, sorted by (sortKey, id), no duplicates, no gaps', async () => {
        const wanted = scrambled(25);
        await sut.transaction(async (uow) => {
          wanted.forEach((id, i) => uow.put(VIEWS, id, { name: id, n: i }, { indexes: { chainId: 'rauma' }, sortKey: `2023-0${i % 3}` }));
          // Same index name, other value; and another collection with the same index value: neither may leak in.
          for (let i = 0; i < 6; i++) uow.put(VIEWS, `pori-${i}`, { name: 'pori', n: i }, { indexes: { chainId: 'pori' }, sortKey: '2023-00' });
          uow.put(OTHER, 'reg-00', { name: 'other collection', n: 0 }, { indexes: { chainId: 'rauma' } });
        });
        const sortKeyOf = new Map(wanted.map((id, i) => [id, `2023-0${i % 3}`]));
        const expected = [...wanted].sort((a, b) => (sortKeyOf.get(a)! < sortKeyOf.get(b)! ? -1 : sortKeyOf.get(a)! > sortKeyOf.get(b)! ? 1 : a < b ? -1 : 1));

        const result = await pages(sut, VIEWS, { where: { index: 'chainId', value: 'rauma' }, limit: 10 });

        expect(result.map((page) => page.length)).toEqual([10, 10, 5]);
        const listed = result.flat();
        expect(listed.map((item) => item.id)).toEqual(expected);
        expect(new Set(listed.map((item) => item.id)).size).toBe(25);
        expect(listed[0]!.doc).toEqual({ name: expected[0], n: wanted.indexOf(expected[0]!) });
      }, timeout);

      it('ends exactly at a page boundary without an empty last page', async () => {
        await sut.transaction(async (uow) => {
          for (let i = 0; i < 20; i++) uow.put(VIEWS, `r${String(i).padStart(2, '0')}`, { n: i });
        });

        const first = await sut.list(VIEWS, { limit: 10 });
        const second = await sut.list(VIEWS, { limit: 10, after: first.next });

        expect(first.next).not.toBeNull();
        expect(second.items.map((item) => item.id)).toEqual(['r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'r16', 'r17', 'r18', 'r19']);
        expect(second.next).toBeNull();
      }, timeout);

      it('lists the whole collection by (sortKey, id), the sort key defaulting to the id', async () => {
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'c', { n: 1 });
          uow.put(VIEWS, 'a', { n: 2 }, { indexes: { chainId: 'x' } });
          uow.put(VIEWS, 'z', { n: 3 }, { sortKey: 'b' });
          uow.put(VIEWS, 'y', { n: 4 }, { sortKey: 'b' });
          uow.put(OTHER, 'b', { n: 5 });
        });

        const page = await sut.list(VIEWS, { limit: 1000 });

        expect(page.items.map((item) => item.id)).toEqual(['a', 'y', 'z', 'c']);
        expect(page.next).toBeNull();
        expect(await ids(sut, 'never-written')).toEqual([]);
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'nobody' })).toEqual([]);
      }, timeout);

      it('orders sort keys by Unicode code point, the same in every adapter', async () => {
        const keys = ['😀', 'b', 'Ä', 'Mäkinen', '\uFFFD', 'B', 'a', 'Makinen'];
        await sut.transaction(async (uow) => {
          keys.forEach((sortKey, i) => uow.put(VIEWS, `id-${i}`, { sortKey }, { sortKey }));
        });

        const listed = (await pages(sut, VIEWS, { limit: 3 })).flat().map((item) => item.doc['sortKey']);

        expect(listed).toEqual(['B', 'Makinen', 'Mäkinen', 'a', 'b', 'Ä', '\uFFFD', '😀']);
      }, timeout);

      it('replaces index values on re-put: a document moves out of its old index', async () => {
        await put(sut, VIEWS, 'p1', { n: 1 }, { indexes: { chainId: 'rauma', workshopId: 'w1' }, sortKey: 'b' });
        await put(sut, VIEWS, 'p2', { n: 2 }, { indexes: { chainId: 'rauma' }, sortKey: 'a' });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual(['p2', 'p1']);
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual(['p1']);

        await put(sut, VIEWS, 'p1', { n: 3 }, { indexes: { chainId: 'pori' }, sortKey: 'b' });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual(['p2']);
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'pori' })).toEqual(['p1']);
        expect(await ids(sut, VIEWS, { index: 'workshopId', value: 'w1' })).toEqual([]);

        await put(sut, VIEWS, 'p2', { n: 4 }, { indexes: { chainId: 'pori' }, sortKey: 'c' });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'pori' })).toEqual(['p1', 'p2']);

        // No indexes and no sort key: out of every index, listed by its id ('p1' sorts after p2's 'c').
        await put(sut, VIEWS, 'p1', { n: 5 });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'pori' })).toEqual(['p2']);
        expect(await ids(sut, VIEWS)).toEqual(['p2', 'p1']);

        await sut.transaction(async (uow) => uow.delete(VIEWS, 'p2'));
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'pori' })).toEqual([]);
        expect(await ids(sut, VIEWS)).toEqual(['p1']);
      }, timeout);

      it('continues after the cursor when documents change between pages (keyset, not offset)', async () => {
        await sut.transaction(async (uow) => {
          for (const id of ['b', 'd', 'f', 'h']) uow.put(VIEWS, id, { id }, { indexes: { chainId: 'c' } });
        });
        const first = await sut.list(VIEWS, { where: { index: 'chainId', value: 'c' }, limit: 2 });
        expect(first.items.map((item) => item.id)).toEqual(['b', 'd']);

        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'a', { id: 'a' }, { indexes: { chainId: 'c' } });
          uow.put(VIEWS, 'e', { id: 'e' }, { indexes: { chainId: 'c' } });
          uow.delete(VIEWS, 'd');
          uow.delete(VIEWS, 'f');
        });
        const second = await sut.list(VIEWS, { where: { index: 'chainId', value: 'c' }, limit: 2, after: first.next });

        expect(second.items.map((item) => item.id)).toEqual(['e', 'h']);
        expect(second.next).toBeNull();
      }, timeout);

      it('refuses a cursor that is garbage or belongs to another listing', async () => {
        await sut.transaction(async (uow) => {
          for (const id of ['a', 'b', 'c']) {
            uow.put(VIEWS, id, { id }, { indexes: { chainId: 'rauma' } });
            uow.put(OTHER, id, { id }, { indexes: { chainId: 'rauma' } });
          }
        });
        const byIndex = (await sut.list(VIEWS, { where: { index: 'chainId', value: 'rauma' }, limit: 1 })).next!;
        const whole = (await sut.list(VIEWS, { limit: 1 })).next!;
        expect(typeof byIndex).toBe('string');
        expect(typeof whole).toBe('string');

        const attempts: Array<[string, ListOptions]> = [
          [VIEWS, { limit: 1, after: 'not a cursor!' }],
          [VIEWS, { limit: 1, after: Buffer.from('{"s":1}').toString('base64url') }],
          [VIEWS, { limit: 1, after: Buffer.from('garbage').toString('base64url') }],
          [VIEWS, { where: { index: 'chainId', value: 'pori' }, limit: 1, after: byIndex }],
          [VIEWS, { where: { index: 'workshopId', value: 'rauma' }, limit: 1, after: byIndex }],
          [OTHER, { where: { index: 'chainId', value: 'rauma' }, limit: 1, after: byIndex }],
          [VIEWS, { limit: 1, after: byIndex }],
          [VIEWS, { where: { index: 'chainId', value: 'rauma' }, limit: 1, after: whole }],
        ];
        for (const [collection, listOptions] of attempts) {
          const error = await rejection(sut.list(collection, listOptions));
          expect(error).toBeInstanceOf(InvalidCursorError);
          expect(error).toMatchObject({ code: 'READ.INVALID_CURSOR' });
        }
        // The genuine cursors still work where they belong.
        expect((await sut.list(VIEWS, { where: { index: 'chainId', value: 'rauma' }, limit: 5, after: byIndex })).items.map((i) => i.id)).toEqual(['b', 'c']);
        expect((await sut.list(VIEWS, { limit: 5, after: whole })).items.map((i) => i.id)).toEqual(['b', 'c']);
      }, timeout);

      it('refuses a limit outside 1..1000', async () => {
        for (const limit of [0, -1, 1001, 2.5, Number.NaN]) {
          expect(await rejection(sut.list(VIEWS, { limit }))).toBeInstanceOf(RangeError);
        }
        await put(sut, VIEWS, 'a', { n: 1 });
        expect((await sut.list(VIEWS, { limit: 1000 })).items).toHaveLength(1);
      }, timeout);
    });

    describe('drop', () => {
      it('empties whole collections at once, with their index entries, and nothing else', async () => {
        await sut.transaction(async (uow) => {
          for (const id of ['a', 'b']) uow.put(VIEWS, id, { id }, { indexes: { chainId: 'rauma' } });
          uow.put(OTHER, 'x', { id: 'x' }, { indexes: { chainId: 'rauma' } });
          uow.setCheckpoint('registrations', { position: 3n, versions: { registrations: 1 } });
        });
        await sut.drop([VIEWS, 'never-written']);
        expect(await ids(sut, VIEWS)).toEqual([]);
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual([]);
        expect(await ids(sut, OTHER, { index: 'chainId', value: 'rauma' })).toEqual(['x']);
        expect(await sut.checkpoint('registrations')).toEqual({ position: 3n, versions: { registrations: 1 } });
        // Written again after the drop, listed by its index again.
        await put(sut, VIEWS, 'c', { id: 'c' }, { indexes: { chainId: 'rauma' } });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual(['c']);
        expect(await rejection(sut.drop(['../bad']))).toBeInstanceOf(TypeError);
      }, timeout);
    });

    describe('aliases (AliasedReadStore over this adapter: the switch of a side-by-side rebuild)', () => {
      const ASIDE = `${VIEWS}.g1`;
      let aliased: AliasedReadStore;

      beforeEach(async () => {
        aliased = new AliasedReadStore(sut);
        await sut.transaction(async (uow) => {
          for (const id of ['a', 'b', 'c']) uow.put(VIEWS, id, { gen: 'old', id }, { indexes: { chainId: 'rauma' } });
          for (const id of ['a', 'b', 'c', 'd']) uow.put(ASIDE, id, { gen: 'new', id }, { indexes: { chainId: 'rauma' } });
          uow.setCheckpoint('registrations', { position: 5n, versions: { registrations: 1 } });
        });
      });

      it('reads a collection as stored under its own name until it is switched, then the other documents, with the checkpoint moved in the same commit', async () => {
        expect(await aliased.physicalOf(VIEWS)).toBe(VIEWS);
        expect(await aliased.get(VIEWS, 'a')).toEqual({ gen: 'old', id: 'a' });

        await aliased.transaction(async (uow) => {
          uow.alias(VIEWS, ASIDE);
          // Inside the unit of work the switch is seen at once.
          expect(await uow.get(VIEWS, 'd')).toEqual({ gen: 'new', id: 'd' });
          uow.setCheckpoint('registrations', { position: 9n, versions: { registrations: 2 } });
        });

        expect(await aliased.physicalOf(VIEWS)).toBe(ASIDE);
        expect(await aliased.physicalNames([VIEWS, OTHER])).toEqual([ASIDE, OTHER]);
        expect(await aliased.get(VIEWS, 'a')).toEqual({ gen: 'new', id: 'a' });
        expect(await ids(aliased, VIEWS)).toEqual(['a', 'b', 'c', 'd']);
        expect(await ids(aliased, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual(['a', 'b', 'c', 'd']);
        expect(await aliased.checkpoint('registrations')).toEqual({ position: 9n, versions: { registrations: 2 } });
        // The old documents are still stored (for reads that resolved the collection just before) until emptied.
        expect(await sut.get(VIEWS, 'a')).toEqual({ gen: 'old', id: 'a' });
        await aliased.dropPhysical([VIEWS]);
        expect(await ids(sut, VIEWS)).toEqual([]);
        expect(await ids(aliased, VIEWS)).toEqual(['a', 'b', 'c', 'd']);
        // drop() of the collection by the name readers use empties what they read.
        await aliased.drop([VIEWS]);
        expect(await ids(sut, ASIDE)).toEqual([]);
        expect(await ids(aliased, VIEWS)).toEqual([]);
      }, timeout);

      it('switches nothing when the unit of work fails', async () => {
        const error = await rejection(
          aliased.transaction(async (uow) => {
            uow.alias(VIEWS, ASIDE);
            uow.setCheckpoint('registrations', { position: 9n, versions: { registrations: 2 } });
            throw new Error('crash before commit');
          }),
        );
        expect(error).toMatchObject({ message: 'crash before commit' });
        expect(await aliased.physicalOf(VIEWS)).toBe(VIEWS);
        expect(await aliased.get(VIEWS, 'd')).toBeNull();
        expect(await aliased.checkpoint('registrations')).toEqual({ position: 5n, versions: { registrations: 1 } });
      }, timeout);

      it('writes, deletes and clears the documents the collection is switched to, and can be switched back', async () => {
        await aliased.transaction(async (uow) => uow.alias(VIEWS, ASIDE));
        await aliased.transaction(async (uow) => {
          uow.put(VIEWS, 'e', { gen: 'new', id: 'e' });
          uow.delete(VIEWS, 'a');
        });
        expect(await ids(sut, ASIDE)).toEqual(['b', 'c', 'd', 'e']);
        expect(await ids(sut, VIEWS)).toEqual(['a', 'b', 'c']);
        await aliased.transaction(async (uow) => uow.clear([VIEWS]));
        expect(await ids(sut, ASIDE)).toEqual([]);
        expect(await ids(sut, VIEWS)).toEqual(['a', 'b', 'c']);

        await aliased.transaction(async (uow) => uow.alias(VIEWS, VIEWS));
        expect(await aliased.physicalOf(VIEWS)).toBe(VIEWS);
        expect(await ids(aliased, VIEWS)).toEqual(['a', 'b', 'c']);
        // Other collections were never switched.
        await put(aliased, OTHER, 'x', { n: 1 });
        expect(await sut.get(OTHER, 'x')).toEqual({ n: 1 });
      }, timeout);

      it('goes on with a listing across a switch, from the same place in the new documents', async () => {
        for (const where of [undefined, { index: 'chainId', value: 'rauma' }]) {
          await aliased.transaction(async (uow) => uow.alias(VIEWS, VIEWS));
          const first = await aliased.list(VIEWS, { where, limit: 2 });
          expect(first.items.map((item) => item.doc)).toEqual([
            { gen: 'old', id: 'a' },
            { gen: 'old', id: 'b' },
          ]);
          await aliased.transaction(async (uow) => uow.alias(VIEWS, ASIDE));
          const second = await aliased.list(VIEWS, { where, limit: 2, after: first.next });
          expect(second.items.map((item) => item.doc)).toEqual([
            { gen: 'new', id: 'c' },
            { gen: 'new', id: 'd' },
          ]);
          expect(second.next).toBeNull();
          // A cursor is still refused for another listing.
          expect(await rejection(aliased.list(OTHER, { limit: 2, after: first.next }))).toBeInstanceOf(InvalidCursorError);
        }
      }, timeout);

      it('keeps its aliases to itself: the aliases document is neither read nor written as a view', async () => {
        for (const attempt of [
          () => aliased.get('kuhina.aliases', 'aliases'),
          () => aliased.list('kuhina.aliases', { limit: 1 }),
          () => aliased.transaction(async (uow) => uow.put('kuhina.aliases', 'aliases', { aliases: { [VIEWS]: OTHER } })),
          () => aliased.transaction(async (uow) => uow.alias('kuhina.aliases', OTHER)),
          () => aliased.transaction(async (uow) => uow.alias(VIEWS, '../escape')),
        ]) {
          expect(await rejection(attempt())).toBeInstanceOf(TypeError);
        }
        expect(await aliased.physicalOf(VIEWS)).toBe(VIEWS);
      }, timeout);
    });

    leaseContract(() => sut, timeout);

    (persistent ? describe : describe.skip)('persistence', () => {
      it('keeps documents, index entries and checkpoints across close and reopen', async () => {
        if (!harness?.reopen) throw new Error(`${name}: make() must give reopen(), or pass { persistent: false } to readStoreContract`);
        await sut.transaction(async (uow) => {
          uow.put(VIEWS, 'a', { name: 'Mäkinen', list: [1, { x: 'y' }] }, { indexes: { chainId: 'rauma' }, sortKey: '2' });
          uow.put(VIEWS, 'b', { name: 'Virtanen' }, { indexes: { chainId: 'rauma' }, sortKey: '1' });
          uow.setCheckpoint('main', { position: 2n ** 63n, versions: { registrations: 4 } });
        });

        sut = await harness.reopen();

        expect(await sut.get(VIEWS, 'a')).toEqual({ name: 'Mäkinen', list: [1, { x: 'y' }] });
        expect(await ids(sut, VIEWS, { index: 'chainId', value: 'rauma' })).toEqual(['b', 'a']);
        expect(await sut.checkpoint('main')).toEqual({ position: 2n ** 63n, versions: { registrations: 4 } });
      }, timeout);
    });
  });
}
