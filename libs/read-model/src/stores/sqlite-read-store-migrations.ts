import type Database from 'better-sqlite3';

/**
 * Schema migrations of the views file, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a released migration: add the next one.
 */
export const READ_STORE_MIGRATIONS: readonly string[] = [
  // 1: documents, their index entries (sort_key repeated so that a listing by index is one index range
  // scan, already in page order) and the projector checkpoints (positions as text: bigint-safe).
  `
  CREATE TABLE documents (
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    doc        TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) STRICT;
  CREATE INDEX documents_by_sort_key ON documents (collection, sort_key, id);
  CREATE TABLE document_indexes (
    collection TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    id         TEXT NOT NULL,
    PRIMARY KEY (collection, name, value, sort_key, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX document_indexes_by_document ON document_indexes (collection, id);
  CREATE TABLE checkpoints (
    projector TEXT PRIMARY KEY,
    position  TEXT,
    versions  TEXT NOT NULL
  ) STRICT;
  `,
  // 2: leases kept in the store (owner id + expiry in ms since the epoch): the projector's, so that two processes on one
  // views file (or a rebuild beside a running API) never write views at the same time; a commit checks its owner's.
  `
  CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    owner      TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
];

/** Brings the schema up to date in one IMMEDIATE transaction, so two processes opening a new file cannot both migrate. */
export function migrateReadStore(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > READ_STORE_MIGRATIONS.length) {
      throw new Error(`Read store schema version ${version} is newer than this program knows (${READ_STORE_MIGRATIONS.length}); upgrade Kuhina.`);
    }
    for (let next = version; next < READ_STORE_MIGRATIONS.length; next++) db.exec(READ_STORE_MIGRATIONS[next]!);
    if (version !== READ_STORE_MIGRATIONS.length) db.pragma(`user_version = ${READ_STORE_MIGRATIONS.length}`);
  }).immediate();
}
