import { MemoryReadStore } from './memory-read-store';
import { readStoreContract } from './read-store.contract';

// In-memory data does not survive a restart, hence persistent: false (no reopen test).
readStoreContract(
  'memory',
  async () => {
    const store = new MemoryReadStore();
    return { store, cleanup: () => store.close() };
  },
  { persistent: false },
);

describe('MemoryReadStore (memory only)', () => {
  it('keeps separate stores apart: a throw-away replay never touches another store', async () => {
    const live = new MemoryReadStore();
    const replay = new MemoryReadStore();
    await live.transaction(async (uow) => uow.put('network-workshops', 'w1', { title: 'Rauma' }));

    await replay.transaction(async (uow) => uow.put('network-workshops', 'w1', { title: 'replayed' }));

    expect(await live.get('network-workshops', 'w1')).toEqual({ title: 'Rauma' });
    expect(await replay.get('network-workshops', 'w1')).toEqual({ title: 'replayed' });
  });
});
