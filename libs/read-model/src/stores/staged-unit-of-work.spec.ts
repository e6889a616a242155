import type { ViewDocument } from '../read-store.port';
import { runStagedTransaction, StagedUnitOfWork, type StagedWrites } from './staged-unit-of-work';

const committed: Record<string, ViewDocument> = { 'views/a': { n: 1 }, 'views/b': { n: 2 } };
const readCommitted = jest.fn(async (collection: string, id: string) => structuredClone(committed[`${collection}/${id}`]) ?? null);

beforeEach(() => readCommitted.mockClear());

describe('StagedUnitOfWork', () => {
  it('reads committed documents only when it has staged nothing for them', async () => {
    const sut = new StagedUnitOfWork(readCommitted);
    sut.put('views', 'a', { n: 10 });

    expect(await sut.get('views', 'a')).toEqual({ n: 10 });
    expect(await sut.get('views', 'b')).toEqual({ n: 2 });
    expect(readCommitted.mock.calls).toEqual([['views', 'b']]);
  });

  it('drops writes staged before a clear, keeps writes after it, and reads nothing committed from a cleared collection', async () => {
    const sut = new StagedUnitOfWork(readCommitted);
    sut.put('views', 'x', { n: 0 });
    sut.clear(['views']);
    sut.put('views', 'y', { n: 9 }, { indexes: { chainId: 'c' }, sortKey: 's' });

    expect(await sut.get('views', 'a')).toBeNull();
    expect(await sut.get('views', 'x')).toBeNull();
    expect(readCommitted).not.toHaveBeenCalled();
    const staged = sut.finish();
    expect([...staged.cleared]).toEqual(['views']);
    expect([...staged.documents.get('views')!]).toEqual([['y', { json: '{"n":9}', sortKey: 's', indexes: { chainId: 'c' } }]]);
  });

  it('keeps the last write per document, a delete as null, and the sort key defaulting to the id', () => {
    const sut = new StagedUnitOfWork(readCommitted);
    sut.put('views', 'a', { n: 1 });
    sut.put('views', 'a', { n: 2 });
    sut.put('views', 'b', { n: 3 });
    sut.delete('views', 'b');

    const staged = sut.finish();

    expect([...staged.documents.get('views')!]).toEqual([
      ['a', { json: '{"n":2}', sortKey: 'a', indexes: {} }],
      ['b', null],
    ]);
  });

  it.each([
    ['an empty id', (sut: StagedUnitOfWork) => sut.put('views', '', { n: 1 })],
    ['a collection name with $', (sut: StagedUnitOfWork) => sut.put('vi$ews', 'a', { n: 1 })],
    ['an index name with a dot', (sut: StagedUnitOfWork) => sut.put('views', 'a', { n: 1 }, { indexes: { 'chain.id': 'c' } })],
    ['a non-string index value', (sut: StagedUnitOfWork) => sut.put('views', 'a', { n: 1 }, { indexes: { chainId: 7 as unknown as string } })],
    ['an array as document', (sut: StagedUnitOfWork) => sut.put('views', 'a', [1] as unknown as ViewDocument)],
    ['a negative position', (sut: StagedUnitOfWork) => sut.setCheckpoint('main', { position: -1n, versions: {} })],
    ['a number position', (sut: StagedUnitOfWork) => sut.setCheckpoint('main', { position: 5 as unknown as bigint, versions: {} })],
  ])('refuses %s', (_label, act) => {
    const sut = new StagedUnitOfWork(readCommitted);

    expect(() => act(sut)).toThrow(TypeError);
    expect(sut.finish()).toEqual({ cleared: new Set(), documents: new Map(), checkpoints: new Map(), leases: new Map() });
  });
});

describe('runStagedTransaction', () => {
  it('commits what the work staged, after the work, and returns its result', async () => {
    const commits: StagedWrites[] = [];

    const sut = await runStagedTransaction(
      readCommitted,
      async (uow) => {
        uow.put('views', 'a', { n: 5 });
        uow.setCheckpoint('main', { position: 7n, versions: { v: 1 } });
        expect(commits).toHaveLength(0);
        return 'done';
      },
      (staged) => {
        commits.push(staged);
      },
    );

    expect(sut).toBe('done');
    expect(commits).toHaveLength(1);
    expect([...commits[0]!.checkpoints]).toEqual([['main', { position: 7n, versions: { v: 1 } }]]);
  });

  it('never commits when the work throws, and ends the unit of work either way', async () => {
    const commit = jest.fn();
    let leaked: { put(c: string, i: string, d: ViewDocument): void } | undefined;

    await expect(
      runStagedTransaction(
        readCommitted,
        async (uow) => {
          leaked = uow;
          uow.put('views', 'a', { n: 5 });
          throw new Error('boom');
        },
        commit,
      ),
    ).rejects.toThrow('boom');

    expect(commit).not.toHaveBeenCalled();
    expect(() => leaked!.put('views', 'late', { n: 1 })).toThrow(/ended/);
  });
});
