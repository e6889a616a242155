import { randomBytes, randomUUID } from 'node:crypto';
import { DATA_KEY_BYTES, DataKey, KeyStore } from './key-store.port';
import { UnknownKeyError } from './privacy.errors';

interface Entry {
  subjectId: string;
  /** null once destroyed: the id is kept so that a destroyed key is told apart from an unknown one. */
  key: Buffer | null;
}

/** In-memory KeyStore for unit tests and throw-away replays; same contract as SqliteKeyStore. */
export class MemoryKeyStore implements KeyStore {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  async createKey(subjectId: string): Promise<DataKey> {
    this.assertOpen();
    const keyId = randomUUID();
    const key = randomBytes(DATA_KEY_BYTES);
    this.entries.set(keyId, { subjectId, key });
    return { keyId, key: Buffer.from(key) };
  }

  async getKey(keyId: string): Promise<Buffer | null> {
    this.assertOpen();
    const entry = this.entries.get(keyId);
    if (!entry) throw new UnknownKeyError(keyId);
    return entry.key ? Buffer.from(entry.key) : null;
  }

  async destroyKeysOf(subjectId: string): Promise<number> {
    this.assertOpen();
    let destroyed = 0;
    for (const entry of this.entries.values()) {
      if (entry.subjectId === subjectId && entry.key) {
        entry.key.fill(0);
        entry.key = null;
        destroyed++;
      }
    }
    return destroyed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryKeyStore is closed');
  }
}
