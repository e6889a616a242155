import { MemoryReadStore } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { ListChainsHandler } from './list-chains.handler';
import { ListChainsQuery } from './list-chains.query';

describe('ListChainsHandler', () => {
  it('pages through the chain-list view with a cursor, in sort order, and refuses a foreign cursor', async () => {
    const store = new MemoryReadStore();
    await store.transaction(async (uow) => {
      for (const [id, sortKey] of [['c1', '2023-01-01 B'], ['c2', '2022-01-01 A'], ['c3', '2024-01-01 C']]) uow.put('chain-list', id!, { chainId: id }, { sortKey });
    });
    const sut = new ListChainsHandler(new ViewReader(store));

    const first = await sut.execute(new ListChainsQuery(2, undefined));
    const second = await sut.execute(new ListChainsQuery(2, first.next!));

    expect(first.items.map((c) => c.chainId)).toEqual(['c2', 'c1']);
    expect(second).toEqual({ items: [{ chainId: 'c3' }], next: null });
    await expect(sut.execute(new ListChainsQuery(2, 'not-a-cursor'))).rejects.toMatchObject({ name: 'RequestValidationError' });
  });
});
