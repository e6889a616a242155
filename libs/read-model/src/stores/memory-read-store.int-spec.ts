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
