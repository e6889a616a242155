import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a released migration: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: the log. AUTOINCREMENT so a position is never reused, even after the last row is removed.
  // The triggers make accidental edits fail loudly; deliberate ones (dropping them first) are what
  // the hash chain is there to reveal.
  `
  CREATE TABLE events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT    NOT NULL UNIQUE,
    stream    TEXT    NOT NULL,
    revision  INTEGER NOT NULL CHECK (revision >= 0),
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL CHECK (json_valid(data)),
    metadata  TEXT    NOT NULL CHECK (json_valid(metadata)),
    prev_hash TEXT,
    hash      TEXT    NOT NULL,
    UNIQUE (stream, revision)
  ) STRICT;
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
  // 2: Idempotency-Keys, claimed in the transaction of the events their request appends (no file, no fsync of their own).
  `
  CREATE TABLE idempotency_claims (
    scope         TEXT NOT NULL,
    key           TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    first_used_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  ) STRICT;
  `,
];

/** Brings the schema up to date in one IMMEDIATE transaction, so two processes opening a new file cannot both migrate. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SQLITE_MIGRATIONS.length) {
      throw new Error(`Event store schema version ${version} is newer than this program knows (${SQLITE_MIGRATIONS.length}); upgrade Kuhina.`);
    }
    for (let next = version; next < SQLITE_MIGRATIONS.length; next++) db.exec(SQLITE_MIGRATIONS[next]!);
    if (version !== SQLITE_MIGRATIONS.length) db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  }).immediate();
}
