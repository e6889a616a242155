import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { restrictSqliteFiles } from '@kuhina/event-store';

export type KeyUse = 'new' | 'same' | 'different';

/**
 * Remembers which request an Idempotency-Key was first used for (a fingerprint, never the body),
 * so the same key with another body is refused. The event store's own idempotency (event ids derived
 * from the key) is what guarantees nothing is appended twice; this store only tells the two cases apart.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string, string]>;
  private readonly select: Database.Statement<[string, string], { fingerprint: string }>;
  private readonly remove: Database.Statement<[string, string, string]>;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, 'idempotency.db');
    this.db = new Database(file);
    // 0600 before WAL mode makes the -wal/-shm (SQLite gives them this file's mode); fixes the looser ones already there.
    restrictSqliteFiles(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS idempotency_keys (scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, first_used_at TEXT NOT NULL, PRIMARY KEY (scope, key)) STRICT');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, first_used_at) VALUES (?, ?, ?, ?)');
    this.select = this.db.prepare('SELECT fingerprint FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.remove = this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND fingerprint = ?');
  }

  /** Records the key's first use; answers whether this request is new, a retry of it, or a different request. */
  use(scope: string, key: string, fingerprint: string, now = new Date()): KeyUse {
    if (this.insert.run(scope, key, fingerprint, now.toISOString()).changes === 1) return 'new';
    return this.select.get(scope, key)?.fingerprint === fingerprint ? 'same' : 'different';
  }

  /** A refused first use frees the key, so the corrected request may use it. */
  release(scope: string, key: string, fingerprint: string): void {
    this.remove.run(scope, key, fingerprint);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
