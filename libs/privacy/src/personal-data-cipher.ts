import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_STORE, KeyStore } from './key-store.port';
import { EncryptedPersonalData, PersonalData } from './personal-data';
import { KeyDestroyedError, PersonalDataTamperedError } from './privacy.errors';

const ALG = 'A256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Seals a person's personal data with that person's own key (AES-256-GCM, random 96-bit IV per
 * encryption, key id as additional authenticated data), so erasing the person = destroying the key.
 * Authentication failures always throw: tampered data never comes back as garbage.
 */
@Injectable()
export class PersonalDataCipher {
  constructor(@Inject(KEY_STORE) private readonly keyStore: KeyStore) {}

  /**
   * Encrypt `data` for `subjectId`: under `existingKeyId` when given (e.g. a person's later change of
   * details, so one erasure covers all of them), otherwise under a new key of that subject.
   * The caller must pass a key id of the same subject: the store cannot tell it from here.
   */
  async encrypt(subjectId: string, data: PersonalData, existingKeyId?: string): Promise<EncryptedPersonalData> {
    return this.encryptValue(subjectId, data, existingKeyId);
  }

  /**
   * Any other personal data of the subject (a form's answers), sealed the same way; under the person's own key
   * (`existingKeyId`), so that erasing the person makes it unreadable with the rest.
   */
  async encryptValue(subjectId: string, data: unknown, existingKeyId?: string): Promise<EncryptedPersonalData> {
    let keyId: string;
    let key: Buffer;
    if (existingKeyId === undefined) {
      ({ keyId, key } = await this.keyStore.createKey(subjectId));
    } else {
      const existing = await this.keyStore.getKey(existingKeyId);
      if (!existing) throw new KeyDestroyedError(existingKeyId);
      keyId = existingKeyId;
      key = existing;
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return {
      alg: ALG,
      keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  /**
   * The personal data, or null when the key was destroyed (the person was erased).
   * Throws PersonalDataTamperedError when anything was altered, UnknownKeyError for a key id never issued.
   */
  async decrypt(enc: EncryptedPersonalData): Promise<PersonalData | null> {
    return this.decryptValue<PersonalData>(enc);
  }

  /** What `encryptValue` sealed, or null when the key was destroyed; the same checks as `decrypt`. */
  async decryptValue<T>(enc: EncryptedPersonalData): Promise<T | null> {
    const keyId = typeof enc?.keyId === 'string' ? enc.keyId : '(none)';
    if (enc?.alg !== ALG) throw new PersonalDataTamperedError(keyId, `unsupported algorithm ${JSON.stringify(enc?.alg)}`);
    if (typeof enc.keyId !== 'string' || enc.keyId === '') throw new PersonalDataTamperedError(keyId, 'missing key id');
    const iv = decodeBase64(enc.iv, 'iv', keyId);
    const tag = decodeBase64(enc.tag, 'tag', keyId);
    const ciphertext = decodeBase64(enc.ciphertext, 'ciphertext', keyId);
    // Fixed sizes: GCM would otherwise accept a truncated tag, which weakens authentication.
    if (iv.length !== IV_BYTES) throw new PersonalDataTamperedError(keyId, `iv must be ${IV_BYTES} bytes, got ${iv.length}`);
    if (tag.length !== TAG_BYTES) throw new PersonalDataTamperedError(keyId, `tag must be ${TAG_BYTES} bytes, got ${tag.length}`);

    const key = await this.keyStore.getKey(enc.keyId);
    if (!key) return null;

    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(enc.keyId, 'utf8'));
    decipher.setAuthTag(tag);
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new PersonalDataTamperedError(keyId, 'authentication failed (altered ciphertext, tag, iv or key id)');
    }
    try {
      return JSON.parse(plain.toString('utf8')) as T;
    } catch {
      // Authentic but unparsable can only come from a faulty writer; still never hand back garbage.
      throw new PersonalDataTamperedError(keyId, 'authentic plaintext is not valid JSON');
    }
  }
}

function decodeBase64(value: unknown, field: string, keyId: string): Buffer {
  // Buffer.from(.., 'base64') silently skips invalid characters; a strict check makes tampering visible.
  if (typeof value !== 'string' || !BASE64.test(value)) {
    throw new PersonalDataTamperedError(keyId, `${field} is not valid base64`);
  }
  return Buffer.from(value, 'base64');
}
