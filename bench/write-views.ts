/**
 * The views part of `npm run bench:write`: what a live batch of the projector costs to commit in the views file, as the
 * API writes it (SqliteReadStore, WAL, synchronous NORMAL), in a new file (4 KiB pages) against a file made with the
 * 64 KiB pages used before issue 17 (an existing file keeps its page size). A live batch is one write's worth: three
 * documents (an organisation's list entry, profile and network node) with two index entries each, and the fourteen
 * projections' checkpoints. The two files take turns, BENCH_ROUNDS rounds; the WAL checkpoints SQLite runs on its own
 * (every 1,000 pages) fall inside the time, as they do in the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadStore } from '@kuhina/read-model';

export interface ViewsFigures {
  /** µs per live commit */
  newFile: number;
  largePages: number;
}

const CHECKPOINTS = 14;

function document(n: number): Record<string, unknown> {
  return { name: `Penkki ${n} Oy`, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta', members: Array.from({ length: 5 }, (_, k) => ({ id: `person-${n}-${k}`, role: 'member' })) };
}

/** A views file as an earlier Kuhina made it: 64 KiB pages, WAL. */
function largePageFile(file: string): string {
  const db = new Database(file);
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = WAL');
  db.close();
  return file;
}

export async function measureViewsCommits(commits: number, rounds: number, log: (line: string) => void): Promise<ViewsFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-write-views-'));
  const stores = { newFile: new SqliteReadStore({ file: join(dir, 'new.db') }), largePages: new SqliteReadStore({ file: largePageFile(join(dir, 'large.db')) }) };
  const seconds = { newFile: 0, largePages: 0 };
  let n = 0;
  const commit = (store: SqliteReadStore): Promise<void> =>
    store.transaction(async (uow) => {
      n += 1;
      for (const collection of ['organization-list', 'organization-profile', 'network']) {
        uow.put(collection, `organization-${n}`, document(n), { sortKey: `penkki ${n}`, indexes: { region: 'Satakunta', sector: 'public-administration' } });
      }
      for (let p = 0; p < CHECKPOINTS; p++) uow.setCheckpoint(`projection-${p}`, { position: BigInt(n), versions: { [`projection-${p}`]: 1 } });
    });
  try {
    log(`… views: ${commits} live commits into a new views file and into one with 64 KiB pages, in ${rounds} rounds`);
    const perRound = Math.ceil(commits / rounds);
    for (const store of Object.values(stores)) for (let i = 0; i < Math.min(200, perRound); i++) await commit(store); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const name of ['newFile', 'largePages'] as const) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < perRound; i++) await commit(stores[name]);
        seconds[name] += Number(process.hrtime.bigint() - started) / 1e9;
      }
    }
    const micros = (name: keyof typeof seconds): number => (seconds[name] * 1e6) / (perRound * rounds);
    return { newFile: micros('newFile'), largePages: micros('largePages') };
  } finally {
    for (const store of Object.values(stores)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
