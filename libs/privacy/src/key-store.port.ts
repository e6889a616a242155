/**
 * Per-person data keys (crypto-shredding): each person's personal data is encrypted with a key of
 * their own; erasing the person destroys the key, which makes every copy of the ciphertext — in the
 * event log, its backups, its replicas — unreadable for good, while the log itself stays append-only.
 */
export interface DataKey {
  keyId: string;
  /** 32 bytes (AES-256). A fresh copy: the caller may keep or wipe it. */
  key: Buffer;
}

export interface KeyStore {
  /** Make a new random key for `subjectId` (a person id). A subject may own several keys. */
  createKey(subjectId: string): Promise<DataKey>;
  /**
   * The key, or null when it was destroyed. Rejects with UnknownKeyError when this store never issued
   * `keyId`, so that an altered key id or a missing key store is not mistaken for an erasure.
   */
  getKey(keyId: string): Promise<Buffer | null>;
  /** Destroy every key of `subjectId`, for good; resolves to how many were destroyed (0 if none were left). */
  destroyKeysOf(subjectId: string): Promise<number>;
  close(): Promise<void>;
}

/** Nest injection token for the KeyStore. */
export const KEY_STORE = Symbol('KEY_STORE');

/** Data keys and master keys are AES-256 keys. */
export const DATA_KEY_BYTES = 32;
