import { keyStoreContract } from './key-store.contract';
import { MemoryKeyStore } from './memory-key-store';

keyStoreContract('MemoryKeyStore', async () => new MemoryKeyStore());

describe('MemoryKeyStore', () => {
  it('refuses to work after close', async () => {
    const sut = new MemoryKeyStore();
    await sut.close();

    await expect(sut.createKey('person-a')).rejects.toThrow('closed');
  });
});
