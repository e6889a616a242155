import { DATA_KEY_BYTES, KeyStore } from './key-store.port';
import { UnknownKeyError } from './privacy.errors';

/**
 * The behaviour every KeyStore adapter must show; run by memory-key-store.spec.ts and
 * sqlite-key-store.int-spec.ts against their adapter. `open` returns a fresh, empty store.
 */
export function keyStoreContract(name: string, open: () => Promise<KeyStore>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let sut: KeyStore;

    beforeEach(async () => {
      sut = await open();
    });

    afterEach(async () => {
      await sut.close();
    });

    it('creates a 32-byte key that can be read back by its id', async () => {
      const created = await sut.createKey('person-a');

      expect(created.key).toHaveLength(DATA_KEY_BYTES);
      expect(await sut.getKey(created.keyId)).toEqual(created.key);
    });

    it('gives every key its own id and its own bytes, also for the same subject', async () => {
      const a1 = await sut.createKey('person-a');
      const a2 = await sut.createKey('person-a');
      const b = await sut.createKey('person-b');

      expect(new Set([a1.keyId, a2.keyId, b.keyId]).size).toBe(3);
      expect(new Set([a1.key.toString('hex'), a2.key.toString('hex'), b.key.toString('hex')]).size).toBe(3);
    });

    it('hands out copies: changing a returned buffer does not change the stored key', async () => {
      const created = await sut.createKey('person-a');
      const original = Buffer.from(created.key);

      created.key.fill(0);
      (await sut.getKey(created.keyId))?.fill(0);

      expect(await sut.getKey(created.keyId)).toEqual(original);
    });

    it('rejects a key id it never issued with UnknownKeyError', async () => {
      await sut.createKey('person-a');

      await expect(sut.getKey('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(UnknownKeyError);
    });

    it('destroys every key of a subject and only those, for good', async () => {
      const a1 = await sut.createKey('person-a');
      const a2 = await sut.createKey('person-a');
      const b = await sut.createKey('person-b');

      const destroyed = await sut.destroyKeysOf('person-a');

      expect(destroyed).toBe(2);
      expect(await sut.getKey(a1.keyId)).toBeNull();
      expect(await sut.getKey(a2.keyId)).toBeNull();
      expect(await sut.getKey(b.keyId)).toEqual(b.key);
    });

    it('counts nothing when destroying again or destroying an unknown subject', async () => {
      await sut.createKey('person-a');
      await sut.destroyKeysOf('person-a');

      expect(await sut.destroyKeysOf('person-a')).toBe(0);
      expect(await sut.destroyKeysOf('nobody')).toBe(0);
    });

    it('lets an erased subject get a new key without reviving the old one', async () => {
      const old = await sut.createKey('person-a');
      await sut.destroyKeysOf('person-a');

      const fresh = await sut.createKey('person-a');

      expect(await sut.getKey(old.keyId)).toBeNull();
      expect(await sut.getKey(fresh.keyId)).toEqual(fresh.key);
      expect(fresh.key.equals(old.key)).toBe(false);
    });
  });
}
