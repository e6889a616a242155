/**
 * Errors of the privacy layer. Each carries a stable code; messages never contain personal data
 * or secret material, so they are safe to log.
 */
export abstract class PrivacyError extends Error {
  abstract readonly code: string;
}

/** Encrypted personal data failed authentication or is malformed: tampered with, or sealed under another key. */
export class PersonalDataTamperedError extends PrivacyError {
  readonly code = 'PRIVACY.TAMPERED';
  constructor(readonly keyId: string, reason: string) {
    super(`Encrypted personal data under key ${keyId} was rejected: ${reason}`);
    this.name = 'PersonalDataTamperedError';
  }
}

/**
 * The key store never issued this key id. Unlike a destroyed key (which is a normal, erased state),
 * this means the key id was altered or the key store is not the one that belongs to this event log.
 */
export class UnknownKeyError extends PrivacyError {
  readonly code = 'PRIVACY.UNKNOWN_KEY';
  constructor(readonly keyId: string) {
    super(`Key ${keyId} is unknown to the key store (altered key id, or a key store that does not belong to this event log)`);
    this.name = 'UnknownKeyError';
  }
}

/** Encrypting under a key that was destroyed: the person was erased, their old key cannot be revived. */
export class KeyDestroyedError extends PrivacyError {
  readonly code = 'PRIVACY.KEY_DESTROYED';
  constructor(readonly keyId: string) {
    super(`Key ${keyId} was destroyed (the person was erased); it cannot encrypt new data`);
    this.name = 'KeyDestroyedError';
  }
}

/** A wrapped key or the key store's master-key check failed: keys.db was altered or the master key is wrong. */
export class KeyStoreIntegrityError extends PrivacyError {
  readonly code = 'PRIVACY.KEY_STORE_INTEGRITY';
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreIntegrityError';
  }
}

/** A secret (environment variable or secrets file) is missing, malformed or of the wrong length. */
export class InvalidSecretError extends PrivacyError {
  readonly code = 'PRIVACY.INVALID_SECRET';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSecretError';
  }
}
