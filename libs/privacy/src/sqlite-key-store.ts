import Database from 'better-sqlite3';
import { GroupCommit, type Outcome } from '@kuhina/event-store';
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_KEY_BYTES, DataKey, KeyStore } from './key-store.port';
import { InvalidSecretError, KeyStoreIntegrityError, UnknownKeyError } from './privacy.errors';

export interface SqliteKeyStoreOptions {
  /** Clock for created_at; injectable for tests. */
  now?: () => Date;
  /** How long to wait for another process holding the database lock. Default 5000 ms. */
  busyTimeoutMs?: number;
}

// Wrapped key blob: version byte, 96-bit IV, 128-bit tag, encrypted key. The version byte leaves room
// for a later master-key rotation without guessing formats.
const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASTER_CHECK = 'master-key-check';
const MASTER_CHECK_PLAINTEXT = Buffer.from('kuhina key store master key check', 'utf8');

interface KeyRow {
  subject_id: string;
  key: Buffer | null;
}

/**
 * KeyStore in `<dataDir>/keys.db` (better-sqlite3).
 * - Data keys are wrapped with AES-256-GCM under the master key, with the key id and subject id as
 *   additional data, so a copy of keys.db alone reveals nothing and rows cannot be swapped unnoticed.
 * - Destroying a key sets its blob to NULL with `secure_delete` on, so SQLite overwrites the old bytes
 *   instead of leaving them in free space, then checkpoints and truncates the WAL, which otherwise
 *   still holds the old page image. The row stays as a tombstone (id and subject, no key) so that a
 *   destroyed key is told apart from a key id this store never issued.
 * - Blocks the file system or an SSD keeps after an overwrite are out of SQLite's reach; that is why
 *   the keys are wrapped: such remnants are useless without the master key.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly masterKey: Buffer;
  private readonly insertKey: Database.Statement<[string, string, Buffer, string]>;
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly destroyKeys: Database.Statement<[string]>;
  /** New keys of requests that arrive together share one transaction and its fsync (see GroupCommit). */
  private readonly keyCommit: GroupCommit<[keyId: string, subjectId: string, wrapped: Buffer, createdAt: string], void>;

  constructor(
    readonly dataDir: string,
    masterKey: Buffer,
    options: SqliteKeyStoreOptions = {},
  ) {
    if (masterKey.length !== DATA_KEY_BYTES) {
      throw new InvalidSecretError(`The key store master key must be ${DATA_KEY_BYTES} bytes, got ${masterKey.length}`);
    }
    this.masterKey = Buffer.from(masterKey);
    this.now = options.now ?? (() => new Date());

    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, 'keys.db');
    this.db = new Database(file);
    try {
      // SQLite creates -wal and -shm with the database file's mode, so 0600 here covers the ones made later; a looser
      // mode left from before (a copy, an old version) is tightened too, and so are companions already there.
      if (process.platform !== 'win32') for (const suffix of ['', '-wal', '-shm']) restrictToOwner(file + suffix);
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('secure_delete = ON');
      if (this.db.pragma('secure_delete', { simple: true }) !== 1) {
        throw new Error('This SQLite build cannot enable secure_delete; refusing to store keys that could not be erased');
      }
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // Shrink the WAL to nothing after each checkpoint so no stale page images linger in it.
      this.db.pragma('journal_size_limit = 0');
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS keys (
          key_id     TEXT PRIMARY KEY,
          subject_id TEXT NOT NULL,
          key        BLOB,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS keys_subject_id ON keys (subject_id);
        CREATE TABLE IF NOT EXISTS meta (
          name  TEXT PRIMARY KEY,
          value BLOB NOT NULL
        ) STRICT;
      `);
      this.checkMasterKey();
    } catch (error) {
      this.db.close();
      throw error;
    }

    this.insertKey = this.db.prepare('INSERT INTO keys (key_id, subject_id, key, created_at) VALUES (?, ?, ?, ?)');
    this.selectKey = this.db.prepare('SELECT subject_id, key FROM keys WHERE key_id = ?');
    this.destroyKeys = this.db.prepare('UPDATE keys SET key = NULL WHERE subject_id = ? AND key IS NOT NULL');
    this.keyCommit = new GroupCommit(
      this.db.transaction((rows: Array<[string, string, Buffer, string]>) =>
        rows.map((row): Outcome<void> => {
          try {
            this.insertKey.run(...row);
            return { ok: true, value: undefined };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      ).immediate,
    );
  }

  async createKey(subjectId: string): Promise<DataKey> {
    const keyId = randomUUID();
    const key = randomBytes(DATA_KEY_BYTES);
    // Durable before the caller encrypts with it and writes the event that names it (synchronous = FULL).
    await this.keyCommit.submit([keyId, subjectId, this.wrap(key, keyAad(keyId, subjectId)), this.now().toISOString()]);
    return { keyId, key };
  }

  /** Transactions that created keys, and the keys they carried (group commit). */
  get commitStats(): Readonly<{ transactions: number; appends: number }> {
    return this.keyCommit.stats;
  }

  async getKey(keyId: string): Promise<Buffer | null> {
    const row = this.selectKey.get(keyId);
    if (!row) throw new UnknownKeyError(keyId);
    if (row.key === null) return null;
    return this.unwrap(row.key, keyAad(keyId, row.subject_id), `Wrapped key ${keyId}`);
  }

  async destroyKeysOf(subjectId: string): Promise<number> {
    const { changes } = this.destroyKeys.run(subjectId);
    if (changes > 0) {
      // Copy the overwritten pages into keys.db and empty the WAL, which still holds the old page images.
      // If another process is reading, the checkpoint stops short; the WAL is then reset by a later one.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.keyCommit.flush();
    if (this.db.open) this.db.close();
    this.masterKey.fill(0);
  }

  /** Fail fast, at start-up, when keys.db was made under another master key (wrong KUHINA_MASTER_KEY or secrets.json). */
  private checkMasterKey(): void {
    const aad = Buffer.from(`kuhina:keys.db:v${WRAP_VERSION}:${MASTER_CHECK}`, 'utf8');
    const read = this.db.prepare<[string], { value: Buffer }>('SELECT value FROM meta WHERE name = ?');
    // Insert-if-absent then read back, in one write transaction, so two processes opening a new file agree.
    const stored = this.db
      .transaction(() => {
        this.db.prepare('INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)').run(MASTER_CHECK, this.wrap(MASTER_CHECK_PLAINTEXT, aad));
        return read.get(MASTER_CHECK);
      })
      .immediate();
    if (!stored) throw new KeyStoreIntegrityError('keys.db has no master-key check row');
    const plain = this.unwrap(stored.value, aad, 'The master-key check', 'keys.db was created with a different master key (check KUHINA_MASTER_KEY or secrets.json)');
    if (!plain.equals(MASTER_CHECK_PLAINTEXT)) throw new KeyStoreIntegrityError('keys.db master-key check holds an unexpected value');
  }

  private wrap(plain: Buffer, aad: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(WRAP_VERSION), iv, cipher.getAuthTag(), encrypted]);
  }

  private unwrap(blob: Buffer, aad: Buffer, what: string, hint = 'keys.db was altered or the master key is wrong'): Buffer {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== WRAP_VERSION) {
      throw new KeyStoreIntegrityError(`${what} has an unknown format: ${hint}`);
    }
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KeyStoreIntegrityError(`${what} failed authentication: ${hint}`);
    }
  }
}

/** Binds a wrapped key to its row: moving a blob to another key id or subject breaks authentication. */
const keyAad = (keyId: string, subjectId: string): Buffer =>
  Buffer.from(`kuhina:keys.db:v${WRAP_VERSION}:${JSON.stringify([keyId, subjectId])}`, 'utf8');

/** Takes the group's and others' access off a file that exists (this library has no dependency to share it from). */
function restrictToOwner(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
}
