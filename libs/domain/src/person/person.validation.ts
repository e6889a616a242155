import { isNonBlank } from '../shared/rules';
import type { EncryptedPersonalData } from './person.events';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const isBase64 = (value: unknown): boolean => typeof value === 'string' && value !== '' && BASE64.test(value);

/** Structural check of the sealed envelope; whether it decrypts is for libs/privacy to say. */
export function isEncryptedPersonalData(value: unknown): value is EncryptedPersonalData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['alg'] === 'A256GCM' &&
    isNonBlank(candidate['keyId']) &&
    isBase64(candidate['iv']) &&
    isBase64(candidate['tag']) &&
    isBase64(candidate['ciphertext'])
  );
}

/** Hex or base64(url) token; it becomes part of a stream name, so no spaces or exotic characters. */
const BLIND_INDEX = /^[A-Za-z0-9_+/=-]{1,256}$/;

export const isEmailBlindIndex = (value: unknown): value is string => typeof value === 'string' && BLIND_INDEX.test(value);

export const samePersonalData = (a: EncryptedPersonalData, b: EncryptedPersonalData): boolean =>
  a.alg === b.alg && a.keyId === b.keyId && a.iv === b.iv && a.tag === b.tag && a.ciphertext === b.ciphertext;
