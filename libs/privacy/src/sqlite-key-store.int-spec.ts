import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyStoreContract } from './key-store.contract';
import { PersonalDataCipher } from './personal-data-cipher';
import { KeyStoreIntegrityError } from './privacy.errors';
import { SqliteKeyStore } from './sqlite-key-store';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every byte SQLite keeps on disk for keys.db: the database file and, if present, its WAL. */
const diskBytes = (dataDir: string): Buffer => {
  const files = ['keys.db', 'keys.db-wal'].map((name) => join(dataDir, name)).filter((file) => existsSync(file));
  return Buffer.concat(files.map((file) => readFileSync(file)));
};

/** Read a stored row the way an attacker with a copy of the file would: a second, independent connection. */
const readWrappedKey = (dataDir: string, keyId: string): Buffer => {
  const db = new Database(join(dataDir, 'keys.db'), { readonly: true });
  try {
    const row = db.prepare<[string], { key: Buffer }>('SELECT key FROM keys WHERE key_id = ?').get(keyId);
    if (!row) throw new Error(`no row for ${keyId}`);
    return row.key;
  } finally {
    db.close();
  }
};

const checkpoint = (dataDir: string): void => {
  const db = new Database(join(dataDir, 'keys.db'));
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};

/**
 * Every 8-byte window of a blob. SQLite without secure_delete reuses part of a freed cell and leaves
 * the rest, so searching for the whole blob would miss the remnant; any surviving run of 8 bytes
 * is found (a chance match among random bytes is about 2^-64 per position).
 */
const windows = (blob: Buffer): Buffer[] => Array.from({ length: blob.length - 7 }, (_, i) => blob.subarray(i, i + 8));
const anyFound = (bytes: Buffer, blob: Buffer): boolean => windows(blob).some((window) => bytes.includes(window));

keyStoreContract('SqliteKeyStore', async () => new SqliteKeyStore(tempDir(), randomBytes(32)));

describe('SqliteKeyStore', () => {
  const masterKey = randomBytes(32);

  it('keeps its keys in <dataDir>/keys.db, creating the folder, with WAL and an index on subject_id', async () => {
    const dataDir = join(tempDir(), 'a', 'b');
    const sut = new SqliteKeyStore(dataDir, masterKey, { now: () => new Date('2023-04-12T09:00:00.000Z') });
    const { keyId } = await sut.createKey('person-anna');

    const db = new Database(join(dataDir, 'keys.db'), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT subject_id, created_at FROM keys WHERE key_id = ?').get(keyId)).toEqual({
        subject_id: 'person-anna',
        created_at: '2023-04-12T09:00:00.000Z',
      });
      const indexes = db.pragma('index_list(keys)') as { name: string }[];
      const indexed = indexes.flatMap((index) => (db.pragma(`index_info(${index.name})`) as { name: string }[]).map((column) => column.name));
      expect(indexed).toContain('subject_id');
    } finally {
      db.close();
      await sut.close();
    }
  });

  (posix ? it : it.skip)('creates keys.db readable by its owner only', async () => {
    const dataDir = tempDir();
    const sut = new SqliteKeyStore(dataDir, masterKey);
    await sut.close();

    expect(statSync(join(dataDir, 'keys.db')).mode & 0o777).toBe(0o600);
  });

  it('keeps keys across a restart with the same master key', async () => {
    const dataDir = tempDir();
    const first = new SqliteKeyStore(dataDir, masterKey);
    const cipher = new PersonalDataCipher(first);
    const enc = await cipher.encrypt('person-anna', { name: 'Anna Virtanen', email: 'anna@example.fi', phone: null });
    await first.close();

    const sut = new SqliteKeyStore(dataDir, masterKey);
    try {
      expect(await new PersonalDataCipher(sut).decrypt(enc)).toEqual({ name: 'Anna Virtanen', email: 'anna@example.fi', phone: null });
    } finally {
      await sut.close();
    }
  });

  it('commits keys created together in one transaction (one fsync), each readable after a restart', async () => {
    const dataDir = tempDir();
    const first = new SqliteKeyStore(dataDir, masterKey);
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => first.createKey(`person-${i}`)));
    const stats = { ...first.commitStats };
    await first.close();

    const sut = new SqliteKeyStore(dataDir, masterKey);
    try {
      expect(stats).toEqual({ transactions: 1, appends: 50 });
      for (const { keyId, key } of created) expect(await sut.getKey(keyId)).toEqual(key);
    } finally {
      await sut.close();
    }
  });

  it('refuses to open keys.db with another master key', async () => {
    const dataDir = tempDir();
    await new SqliteKeyStore(dataDir, masterKey).close();

    expect(() => new SqliteKeyStore(dataDir, randomBytes(32))).toThrow(KeyStoreIntegrityError);
    expect(() => new SqliteKeyStore(dataDir, randomBytes(32))).toThrow(/different master key/);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new SqliteKeyStore(tempDir(), randomBytes(16))).toThrow(/must be 32 bytes, got 16/);
  });

  it('stores keys only wrapped: a copy of keys.db does not contain a raw key', async () => {
    const dataDir = tempDir();
    const sut = new SqliteKeyStore(dataDir, masterKey);
    const { keyId, key } = await sut.createKey('person-anna');
    await sut.close(); // the last connection checkpoints the WAL into keys.db

    const wrapped = readWrappedKey(dataDir, keyId);
    const bytes = diskBytes(dataDir);
    expect(bytes.includes(wrapped)).toBe(true); // the search does find what is there
    expect(bytes.includes(key)).toBe(false);
    expect(wrapped.includes(key)).toBe(false);
  });

  it('detects a wrapped key moved to another row', async () => {
    const dataDir = tempDir();
    const sut = new SqliteKeyStore(dataDir, masterKey);
    const anna = await sut.createKey('person-anna');
    const bertil = await sut.createKey('person-bertil');
    try {
      const db = new Database(join(dataDir, 'keys.db'));
      db.prepare('UPDATE keys SET key = ? WHERE key_id = ?').run(readWrappedKey(dataDir, bertil.keyId), anna.keyId);
      db.close();

      await expect(sut.getKey(anna.keyId)).rejects.toThrow(KeyStoreIntegrityError);
      expect(await sut.getKey(bertil.keyId)).toEqual(bertil.key);
    } finally {
      await sut.close();
    }
  });

  describe('erasure (crypto-shredding with secure_delete)', () => {
    // How much of a freed cell SQLite happens to reuse depends on the row layout (e.g. the subject id's
    // length), so the on-disk check runs over several; without secure_delete the short ids leave remnants.
    it.each([['a'], ['p-42'], ['person-anna'], ['6f0c2a57-3d1e-4b8a-9c4f-2e7d5a1b8c90']])(
      'makes the data undecryptable and overwrites the wrapped key on disk (subject id %s)',
      async (annaId) => {
        const dataDir = tempDir();
        const sut = new SqliteKeyStore(dataDir, masterKey);
        const cipher = new PersonalDataCipher(sut);
        try {
          const annaData = await cipher.encrypt(annaId, { name: 'Anna Virtanen', email: 'anna@example.fi', phone: null });
          const bertilData = await cipher.encrypt('person-bertil', { name: 'Bertil Lindqvist', email: null, phone: null });
          const annaWrapped = readWrappedKey(dataDir, annaData.keyId);
          const bertilWrapped = readWrappedKey(dataDir, bertilData.keyId);
          checkpoint(dataDir);
          const before = readFileSync(join(dataDir, 'keys.db'));
          expect(before.includes(annaWrapped)).toBe(true); // the search does find what is there

          expect(await sut.destroyKeysOf(annaId)).toBe(1);

          expect(await cipher.decrypt(annaData)).toBeNull();
          const after = diskBytes(dataDir);
          expect(anyFound(after, annaWrapped)).toBe(false);
          expect(after.includes(bertilWrapped)).toBe(true);
          expect(await cipher.decrypt(bertilData)).toEqual({ name: 'Bertil Lindqvist', email: null, phone: null });
        } finally {
          await sut.close();
        }
      },
    );

    it('stays erased after a restart', async () => {
      const dataDir = tempDir();
      const first = new SqliteKeyStore(dataDir, masterKey);
      const enc = await new PersonalDataCipher(first).encrypt('person-anna', { name: 'Anna Virtanen', email: null, phone: null });
      await first.destroyKeysOf('person-anna');
      await first.close();

      const sut = new SqliteKeyStore(dataDir, masterKey);
      try {
        expect(await new PersonalDataCipher(sut).decrypt(enc)).toBeNull();
      } finally {
        await sut.close();
      }
    });

    it('(control) without secure_delete the same byte search does find the deleted key', () => {
      // Shows the check above can fail: plain SQLite leaves (parts of) the old cell in the page's free space.
      const file = join(tempDir(), 'plain.db');
      const db = new Database(file);
      db.pragma('secure_delete = OFF');
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE keys (key_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, key BLOB, created_at TEXT NOT NULL)');
      const secret = randomBytes(61);
      db.prepare('INSERT INTO keys VALUES (?, ?, ?, ?)').run('k1', 'person-anna', secret, '2023-04-12T09:00:00.000Z');
      db.prepare('INSERT INTO keys VALUES (?, ?, ?, ?)').run('k2', 'person-bertil', randomBytes(61), '2023-04-12T09:00:00.000Z');
      db.prepare('UPDATE keys SET key = NULL WHERE subject_id = ?').run('person-anna');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();

      const bytes = readFileSync(file);
      expect(anyFound(bytes, secret)).toBe(true);
    });
  });
});
