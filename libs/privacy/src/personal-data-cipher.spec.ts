import { createDecipheriv } from 'node:crypto';
import { MemoryKeyStore } from './memory-key-store';
import { EncryptedPersonalData, PersonalData } from './personal-data';
import { PersonalDataCipher } from './personal-data-cipher';
import { KeyDestroyedError, PersonalDataTamperedError, UnknownKeyError } from './privacy.errors';

const anna: PersonalData = {
  name: 'Anna Virtanen',
  email: 'anna.virtanen@example.fi',
  phone: '+358 40 123 4567',
  esf: {
    gender: 'female',
    birthYear: 1987,
    labourMarketStatus: 'long-term-unemployed',
    educationLevel: 'isced-3-4',
    disability: 'undisclosed',
    migrantBackground: false,
  },
};
const bertil: PersonalData = { name: 'Bertil Lindqvist', email: 'bertil@example.fi', phone: null };

/** Flip one bit of a base64 field, keeping it valid base64 of the same length. */
const flipBit = (base64: string, byte = 0): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] ^= 0x01;
  return bytes.toString('base64');
};

describe('PersonalDataCipher', () => {
  let keyStore: MemoryKeyStore;
  let sut: PersonalDataCipher;

  beforeEach(() => {
    keyStore = new MemoryKeyStore();
    sut = new PersonalDataCipher(keyStore);
  });

  it('decrypts what it encrypted', async () => {
    const enc = await sut.encrypt('person-anna', anna);

    expect(await sut.decrypt(enc)).toEqual(anna);
  });

  it('produces an A256GCM envelope with a 96-bit iv and a 128-bit tag', async () => {
    const enc = await sut.encrypt('person-anna', anna);

    expect(enc.alg).toBe('A256GCM');
    expect(Buffer.from(enc.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(enc.tag, 'base64')).toHaveLength(16);
  });

  it('never shows the name, e-mail or phone in the envelope or in the ciphertext bytes', async () => {
    const enc = await sut.encrypt('person-anna', anna);
    const json = JSON.stringify(enc);
    const bytes = Buffer.from(enc.ciphertext, 'base64');

    for (const clear of [anna.name, anna.email!, anna.phone!, 'Virtanen', 'long-term-unemployed']) {
      expect(json).not.toContain(clear);
      expect(bytes.includes(Buffer.from(clear, 'utf8'))).toBe(false);
    }
  });

  it('gives different persons different keys and different ciphertexts', async () => {
    const forAnna = await sut.encrypt('person-anna', anna);
    const forOther = await sut.encrypt('person-other', anna);

    expect(forOther.keyId).not.toBe(forAnna.keyId);
    expect((await keyStore.getKey(forOther.keyId))!.equals((await keyStore.getKey(forAnna.keyId))!)).toBe(false);
    expect(forOther.ciphertext).not.toBe(forAnna.ciphertext);
  });

  it('gives the same plaintext under the same key a new iv and a new ciphertext each time', async () => {
    const first = await sut.encrypt('person-anna', anna);
    const second = await sut.encrypt('person-anna', anna, first.keyId);

    expect(second.keyId).toBe(first.keyId);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(await sut.decrypt(second)).toEqual(anna);
  });

  it('binds the key id as additional authenticated data', async () => {
    const enc = await sut.encrypt('person-anna', anna);
    const key = (await keyStore.getKey(enc.keyId))!;
    const open = (aad: Buffer | null): string => {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.iv, 'base64'), { authTagLength: 16 });
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(Buffer.from(enc.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(enc.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    };

    expect(JSON.parse(open(Buffer.from(enc.keyId, 'utf8')))).toEqual(anna);
    expect(() => open(null)).toThrow();
  });

  it('returns null once the person was erased (keys destroyed)', async () => {
    const first = await sut.encrypt('person-anna', anna);
    const update = await sut.encrypt('person-anna', { ...anna, phone: null }, first.keyId);
    const other = await sut.encrypt('person-bertil', bertil);

    await keyStore.destroyKeysOf('person-anna');

    expect(await sut.decrypt(first)).toBeNull();
    expect(await sut.decrypt(update)).toBeNull();
    expect(await sut.decrypt(other)).toEqual(bertil);
  });

  it('refuses to encrypt under a destroyed key', async () => {
    const enc = await sut.encrypt('person-anna', anna);
    await keyStore.destroyKeysOf('person-anna');

    await expect(sut.encrypt('person-anna', anna, enc.keyId)).rejects.toBeInstanceOf(KeyDestroyedError);
  });

  describe('rejects tampering with a clear error, never garbage', () => {
    let enc: EncryptedPersonalData;
    beforeEach(async () => {
      enc = await sut.encrypt('person-anna', anna);
    });

    it.each([
      ['ciphertext', (e: EncryptedPersonalData) => ({ ...e, ciphertext: flipBit(e.ciphertext, 5) })],
      ['tag', (e: EncryptedPersonalData) => ({ ...e, tag: flipBit(e.tag) })],
      ['iv', (e: EncryptedPersonalData) => ({ ...e, iv: flipBit(e.iv) })],
    ])('a flipped bit in the %s', async (_field, tamper) => {
      await expect(sut.decrypt(tamper(enc))).rejects.toThrow(PersonalDataTamperedError);
      await expect(sut.decrypt(tamper(enc))).rejects.toThrow(/authentication failed/);
    });

    it('a key id swapped for another existing key', async () => {
      const other = await sut.encrypt('person-bertil', bertil);

      await expect(sut.decrypt({ ...enc, keyId: other.keyId })).rejects.toThrow(PersonalDataTamperedError);
    });

    it('a key id the store never issued (not mistaken for an erasure)', async () => {
      const altered = `${enc.keyId.slice(0, -1)}${enc.keyId.endsWith('0') ? '1' : '0'}`;

      await expect(sut.decrypt({ ...enc, keyId: altered })).rejects.toThrow(UnknownKeyError);
    });

    it('a ciphertext cut short', async () => {
      const short = Buffer.from(enc.ciphertext, 'base64').subarray(0, 10).toString('base64');

      await expect(sut.decrypt({ ...enc, ciphertext: short })).rejects.toThrow(PersonalDataTamperedError);
    });

    it('a truncated tag (which GCM would otherwise accept)', async () => {
      const truncated = Buffer.from(enc.tag, 'base64').subarray(0, 12).toString('base64');

      await expect(sut.decrypt({ ...enc, tag: truncated })).rejects.toThrow(/tag must be 16 bytes/);
    });

    it('fields that are not base64', async () => {
      await expect(sut.decrypt({ ...enc, ciphertext: `${enc.ciphertext.slice(0, -4)}!!!!` })).rejects.toThrow(/not valid base64/);
    });

    it('another algorithm', async () => {
      const other = { ...enc, alg: 'A128GCM' } as unknown as EncryptedPersonalData;

      await expect(sut.decrypt(other)).rejects.toThrow(/unsupported algorithm/);
    });
  });
});
