import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadStore } from './mongodb-read-store';
import { readStoreContract } from './read-store.contract';

const url = process.env.MONGODB_URL;

if (!url) {
  console.warn(
    'MongoDB read-store contract suite SKIPPED: MONGODB_URL is not set (no MongoDB server on this machine). ' +
      'Set MONGODB_URL="mongodb://localhost:27017/kuhina_test?replicaSet=rs0&directConnection=true" to run it (directConnection: from the host, the member is known as mongodb:27017 inside compose only).',
  );
}

// One database per test (unique per run), dropped at cleanup, so a shared server serves any number of runs.
const newDatabase = () => `kuhina_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

readStoreContract(
  'mongodb',
  async () => {
    const database = newDatabase();
    let current = new MongoReadStore({ url: url!, database });
    return {
      store: current,
      async reopen() {
        await current.close();
        current = new MongoReadStore({ url: url!, database });
        return current;
      },
      async cleanup() {
        await current.close();
        await dropDatabase(database);
      },
    };
  },
  { skip: !url },
);

(url ? describe : describe.skip)('MongoReadStore (real MongoDB)', () => {
  let database: string;
  let sut: MongoReadStore;
  let raw: MongoClient;

  beforeEach(() => {
    database = newDatabase();
    sut = new MongoReadStore({ url: url!, database });
    raw = new MongoClient(url!);
  });

  afterEach(async () => {
    await sut.close();
    await raw.db(database).dropDatabase();
    await raw.close();
  });

  it('stores views in view_<collection> and the checkpoint position as decimal text in projector_checkpoints', async () => {
    await sut.transaction(async (uow) => {
      uow.put('workshop-detail', 'w1', { title: 'Rauma' }, { indexes: { chainId: 'c1' }, sortKey: '2023-04-12' });
      uow.setCheckpoint('main', { position: 2n ** 64n, versions: { 'workshop-detail': 2 } });
    });

    const db = raw.db(database);
    expect(await db.collection<{ _id: string }>('view_workshop-detail').findOne({ _id: 'w1' })).toEqual({
      _id: 'w1',
      doc: { title: 'Rauma' },
      sortKey: '2023-04-12',
      idx: { chainId: 'c1' },
    });
    expect(await db.collection<{ _id: string }>('projector_checkpoints').findOne({ _id: 'main' })).toEqual({
      _id: 'main',
      position: '18446744073709551616',
      versions: { 'workshop-detail': 2 },
    });
    const indexKeys = (await db.collection('view_workshop-detail').indexes()).map((index) => index.key);
    expect(indexKeys).toEqual(expect.arrayContaining([{ sortKey: 1, _id: 1 }, { 'idx.chainId': 1, sortKey: 1, _id: 1 }]));
  }, 30_000);

  it('keeps a lease in projector_leases with the expiry by the server clock, and a fenced commit counts in it', async () => {
    expect(await sut.acquireLease('projector', 'host:1:abc', 30_000)).toBe(true);
    await sut.transaction(async (uow) => {
      uow.requireLease!('projector', 'host:1:abc');
      uow.put('workshop-detail', 'w1', { title: 'Rauma' });
    });
    const row = await raw.db(database).collection<{ _id: string; expiresAt: Date }>('projector_leases').findOne({ _id: 'projector' });
    expect(row).toMatchObject({ _id: 'projector', owner: 'host:1:abc', commits: 1 });
    expect(row!.expiresAt).toBeInstanceOf(Date);
    // Within the term of the server's clock, give or take the skew between this host and the server.
    expect(Math.abs(row!.expiresAt.getTime() - Date.now() - 30_000)).toBeLessThan(10_000);
  }, 30_000);
});

async function dropDatabase(database: string): Promise<void> {
  const client = new MongoClient(url!);
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}
