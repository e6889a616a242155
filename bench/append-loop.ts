/**
 * A loop of single-event appends to 100 streams, one kind at a time, for a profiler to look into (not a bench row):
 *   node dist/bench/append-loop.js ours|raw [FULL|NORMAL] [appends]
 *   perf record -g node --perf-basic-prof dist/bench/append-loop.js ours NORMAL 30000
 *   node --cpu-prof dist/bench/append-loop.js ours NORMAL 30000
 * `ours` is `createEventStore` as the API builds it, `raw` the raw better-sqlite3 insert of write-store.ts; both take the
 * events of bench:write. Prints µs per append (after 500 not counted). NORMAL leaves the fsync out of the picture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventToAppend } from '@kuhina/event-store';
import Database from 'better-sqlite3';
import { benchEvent, createRawEventTable, STREAMS, streamName } from './write-store';

type Append = (stream: number, revision: number, event: EventToAppend) => Promise<void>;

function ours(dir: string, synchronous: 'FULL' | 'NORMAL'): { append: Append; close: () => Promise<void> } {
  const store = createEventStore({ dataDir: dir, synchronous });
  return {
    append: async (s, revision, event) => void (await store.append(streamName(s), [event], revision < 0 ? 'no-stream' : revision)),
    close: () => store.close(),
  };
}

function raw(dir: string, synchronous: 'FULL' | 'NORMAL'): { append: Append; close: () => Promise<void> } {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  createRawEventTable(db);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const write = db.transaction((stream: string, revision: number, e: EventToAppend) => insert.run(e.id, stream, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), null, e.id)).immediate;
  return { append: async (s, revision, event) => void write(streamName(s), revision + 1, event), close: async () => void db.close() };
}

async function main(): Promise<void> {
  const [kind = 'ours', synchronous = 'NORMAL', count = '30000'] = process.argv.slice(2);
  if ((kind !== 'ours' && kind !== 'raw') || (synchronous !== 'FULL' && synchronous !== 'NORMAL')) throw new Error('usage: append-loop.js ours|raw [FULL|NORMAL] [appends]');
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-append-loop-'));
  const way = kind === 'ours' ? ours(dir, synchronous) : raw(dir, synchronous);
  const revisions = new Array<number>(STREAMS).fill(-1);
  const run = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const s = i % STREAMS;
      await way.append(s, revisions[s]!, benchEvent(i));
      revisions[s]! += 1;
    }
  };
  try {
    await run(500);
    const started = process.hrtime.bigint();
    await run(Number(count));
    console.log(`${kind} ${synchronous}: ${(Number(process.hrtime.bigint() - started) / 1000 / Number(count)).toFixed(1)} µs per append`);
  } finally {
    await way.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
