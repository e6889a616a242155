import { createHmac } from 'node:crypto';
import { InvalidSecretError } from './privacy.errors';

/** Shortest accepted HMAC secret: 256 bits, the strength of the hash. */
export const MIN_SECRET_BYTES = 32;

/**
 * The canonical form of an e-mail address for lookups: trimmed, lower-cased, Unicode NFC.
 * - Lower-casing the local part is not what RFC 5321 promises, but every mainstream mailbox treats it
 *   case-insensitively and people type it in any case.
 * - NFC last, so that an internationalised address typed with combining marks matches its composed form.
 * - Plus-addressing (`anna+esr@…`) and dots are kept: what they mean belongs to the receiving domain,
 *   and someone who registers with a sub-address may do it on purpose to keep registrations apart.
 *   Merging them would risk joining two people's records.
 * Error messages never contain the address.
 */
export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase().normalize('NFC');
  if (normalised === '') throw new TypeError('An e-mail address to index must not be empty');
  return normalised;
}

/**
 * Keyed, deterministic tokens for equality lookups over encrypted data ("is this e-mail already
 * registered?") without storing the value: HMAC-SHA256(secret, 'email:' + normalised) in hex.
 * The prefix separates domains, so a token made for one kind of value never equals another kind's.
 * Without the secret the tokens cannot be brute-forced from a list of addresses.
 */
export class BlindIndex {
  private readonly secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new InvalidSecretError(`The blind index secret must be at least ${MIN_SECRET_BYTES} bytes, got ${secret.length}`);
    }
    this.secret = Buffer.from(secret);
  }

  email(email: string): string {
    return createHmac('sha256', this.secret).update(`email:${normaliseEmail(email)}`, 'utf8').digest('hex');
  }
}
