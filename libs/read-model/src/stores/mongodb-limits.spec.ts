import { BSON } from 'mongodb';
import { MAX_VIEW_DOCUMENT_BYTES, ViewDocumentTooLargeError, type ReadStore } from '../read-store.port';
import { MemoryReadStore } from './memory-read-store';
import { assertReplicaSet } from './mongodb-read-store';
import { bsonSize } from './read-store-arguments';
import { SqliteReadStore } from './sqlite-read-store';

// MongoDB's limits, enforced the same on every adapter so that what the SQLite and memory tests show holds in production.
// No MongoDB server here: the sizes are compared with the driver's own BSON library (the one that serialises the writes).

describe('the view document size limit (MongoDB: 16 MiB a document)', () => {
  it('measures a document as the driver serialises it', () => {
    const samples: Array<Record<string, unknown>> = [
      {},
      { a: 1, b: -(2 ** 31), c: 2 ** 31, d: 1.5, e: 2 ** 53, f: 'Mäkinen ✓ 😀', g: true, h: null },
      { list: [1, 'x', [], {}, [[null]], { nested: { deep: [0.1, false] } }], 'key with ü': 'v' },
      { many: Array.from({ length: 1500 }, (_, i) => ({ id: `r${i}`, n: i, at: '2023-04-19T10:00:00.000Z' })) },
    ];
    for (const doc of samples) expect(bsonSize(doc)).toBe(BSON.calculateObjectSize(doc));
  });

  it.each([
    ['memory', async (): Promise<ReadStore> => new MemoryReadStore()],
    ['sqlite', async (): Promise<ReadStore> => new SqliteReadStore({ file: ':memory:' })],
  ])('%s: refuses a document past the limit at put, naming the view and key, and the batch writes nothing', async (_name, make) => {
    const store = await make();
    try {
      // ~16 MiB as BSON but only 3 MiB of JSON: an array of small numbers (13 BSON bytes for "0,").
      const big = { counts: new Array<number>(1_300_000).fill(0) };
      expect(bsonSize(big)).toBeGreaterThan(MAX_VIEW_DOCUMENT_BYTES);
      const error: unknown = await store
        .transaction(async (uow) => {
          uow.put('chain-list', 'small', { ok: true });
          uow.put('workshop-chains', 'chain-2023', big);
          uow.setCheckpoint('main', { position: 1n, versions: {} });
        })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ViewDocumentTooLargeError);
      expect(error).toMatchObject({ code: 'READ.VIEW_DOCUMENT_TOO_LARGE', collection: 'workshop-chains', id: 'chain-2023' });
      expect((error as Error).message).toMatch(/View workshop-chains document "chain-2023" is \d+ bytes as BSON, over the limit/);
      expect(await store.get('chain-list', 'small')).toBeNull();
      expect(await store.checkpoint('main')).toBeNull();
      // Below the limit (large JSON, measured exactly) is stored.
      const large = { text: 'x'.repeat(3 * 1024 * 1024) };
      await store.transaction(async (uow) => uow.put('workshop-chains', 'chain-2024', large));
      expect(((await store.get<typeof large>('workshop-chains', 'chain-2024'))?.text ?? '').length).toBe(3 * 1024 * 1024);
    } finally {
      await store.close();
    }
  });
});

describe('the replica-set check at start-up (hello)', () => {
  // Replies shaped as the server documents `hello`: a replica-set member names its set, a mongos says isdbgrid.
  it('accepts a replica-set member and a mongos', () => {
    expect(() => assertReplicaSet({ ok: 1, isWritablePrimary: true, setName: 'rs0', hosts: ['mongo:27017'] })).not.toThrow();
    expect(() => assertReplicaSet({ ok: 1, isWritablePrimary: true, msg: 'isdbgrid' })).not.toThrow();
  });

  it('refuses a standalone server, and a replica set not yet initiated, saying what to do', () => {
    expect(() => assertReplicaSet({ ok: 1, isWritablePrimary: true, maxBsonObjectSize: 16_777_216 })).toThrow(/standalone server, not a replica set.*rs\.initiate/);
    expect(() => assertReplicaSet({ ok: 1, isWritablePrimary: false, secondary: false, isreplicaset: true })).toThrow(/not initiated: run rs\.initiate\(\)/);
  });
});
