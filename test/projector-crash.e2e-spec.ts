import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage, canonicalJson } from '@kuhina/event-store';
import { AliasedReadStore, PROJECTIONS, Projector, SqliteReadStore } from '@kuhina/read-model';
import Database from 'better-sqlite3';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { allViewDocuments, writeSyntheticHistory } from '@kuhina/testing';

// The projector runs as its own process (`kuhina projector`, built), is killed with SIGKILL in the middle of
// its work, restarted, and must end with views equal to a clean rebuild: exactly-once effect after a crash.
const cli = join(__dirname, '..', 'bin', 'kuhina');

async function lowestCheckpoint(file: string): Promise<bigint | null> {
  const store = new SqliteReadStore({ file });
  try {
    let lowest: bigint | null = null;
    for (const p of PROJECTIONS) {
      const c = await store.checkpoint(p.name);
      if (!c || c.position === null) return null;
      if (lowest === null || c.position < lowest) lowest = c.position;
    }
    return lowest;
  } finally {
    await store.close();
  }
}

const startProjector = (dataDir: string): ChildProcess =>
  spawn(process.execPath, [cli, '--data-dir', dataDir, 'projector'], { env: { ...process.env, KURRENTDB_URL: '', MONGODB_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });

/** The views as readers see them (through the aliases a side-by-side rebuild switches), as canonical JSON. */
async function readViews(file: string): Promise<string> {
  const store = new AliasedReadStore(new SqliteReadStore({ file }));
  try {
    return canonicalJson(await allViewDocuments(store));
  } finally {
    await store.close();
  }
}

/** Documents per stored collection name (generations apart), straight from the file. */
function storedCollections(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT collection, count(*) AS n FROM documents GROUP BY collection').all() as Array<{ collection: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.collection, row.n]));
  } finally {
    db.close();
  }
}

describe('projector crash (SIGKILL mid-way) then restart equals a clean rebuild', () => {
  let dir: string;
  let head: bigint;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-crash-'));
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    const { events } = await writeSyntheticHistory(new ChainedEventStore(storage), {
      chains: 25,
      workshopsPerChain: 20,
      people: 30_000,
      organizations: 3_000,
      registrationsPerWorkshop: 75,
      attendance: 0.8,
      feedbackPerWorkshop: 12,
      seed: 7,
    });
    expect(events).toBeGreaterThanOrEqual(100_000);
    head = (await storage.headPosition())!;
    await storage.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every view equal, as canonical JSON, to a clean rebuild', async () => {
    const views = join(dir, 'views.db');
    const first = startProjector(dir);
    // Kill it once it has committed some batches but is far from done.
    for (let reached: bigint | null = null; reached === null || reached < head / 10n; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reached = await lowestCheckpoint(views).catch(() => null);
      if (first.exitCode !== null) throw new Error('the projector exited before it could be killed');
    }
    const killed = once(first, 'exit');
    first.kill('SIGKILL');
    await killed;
    const atKill = await lowestCheckpoint(views);
    expect(atKill).not.toBeNull();
    expect(atKill! < head).toBe(true);

    const second = startProjector(dir);
    for (let reached: bigint | null = null; reached === null || reached < head; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      reached = await lowestCheckpoint(views);
    }
    expect(second.exitCode).toBeNull(); // still running: it follows the log until stopped
    const exited = once(second, 'exit');
    second.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);

    const clean = new SqliteReadStore({ file: join(dir, 'clean-views.db') });
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
    const recovered = new SqliteReadStore({ file: views });
    try {
      await new Projector(new ChainedEventStore(storage), clean, { projections: PROJECTIONS, batchSize: 5000 }).catchUp();
      const expected = await allViewDocuments(clean);
      const actual = await allViewDocuments(recovered);
      expect(Object.values(expected).reduce((n, docs) => n + Object.keys(docs).length, 0)).toBeGreaterThan(1000);
      for (const collection of Object.keys(expected)) {
        expect(canonicalJson(actual[collection])).toBe(canonicalJson(expected[collection]));
      }
    } finally {
      await recovered.close();
      await clean.close();
      await storage.close();
    }
  }, 600_000);

  it('a rebuild killed with SIGKILL half-way leaves the views readers see as they were; the next one completes', async () => {
    const views = join(dir, 'views.db');
    const run = promisify(execFile);
    const env = { ...process.env, KURRENTDB_URL: '', MONGODB_URL: '' };
    await run(process.execPath, [cli, '--data-dir', dir, 'projections', 'rebuild'], { env });
    const before = await readViews(views);
    const live = Object.keys(storedCollections(views)).filter((name) => name !== 'kuhina.aliases');

    const rebuild = spawn(process.execPath, [cli, '--data-dir', dir, 'projections', 'rebuild', '--batch-size', '500'], { env, stdio: 'ignore' });
    // Kill it once its aside documents are well under way (the rebuild's own checkpoint is past a tenth of the log).
    for (let reached = 0n; reached < head / 10n; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (rebuild.exitCode !== null) throw new Error('the rebuild ended before it could be killed');
      const store = new SqliteReadStore({ file: views });
      reached = (await store.checkpoint('workshop-chain.rebuild'))?.position ?? 0n;
      await store.close();
    }
    const killed = once(rebuild, 'exit');
    rebuild.kill('SIGKILL');
    await killed;

    const stored = storedCollections(views);
    const aside = Object.keys(stored).filter((name) => !live.includes(name) && name !== 'kuhina.aliases');
    expect(aside.length).toBeGreaterThan(0);
    expect(await readViews(views)).toBe(before);
    // The operator sees it: the rebuild's own checkpoint stays past null until a rebuild completes.
    type Status = { projections: Array<{ name: string; rebuildPosition: string | null }> };
    const status = async (): Promise<Status> => JSON.parse((await run(process.execPath, [cli, '--data-dir', dir, 'projections', 'status', '--json'], { env })).stdout) as Status;
    const stopped = (await status()).projections.find((p) => p.name === 'workshop-chain')!;
    expect(BigInt(stopped.rebuildPosition!) >= head / 10n).toBe(true);

    const done = await run(process.execPath, [cli, '--data-dir', dir, 'projections', 'rebuild'], { env });
    expect(done.stdout).toContain(`position ${head}`);
    expect(await readViews(views)).toBe(before);
    expect((await status()).projections.map((p) => p.rebuildPosition)).toEqual(PROJECTIONS.map(() => null));
    // What the killed rebuild left was emptied, and so was the generation read before: one per collection holds documents.
    const after = Object.keys(storedCollections(views)).filter((name) => name !== 'kuhina.aliases');
    expect(after.map((name) => name.replace(/\.g[12]$/, '')).sort()).toEqual(live.map((name) => name.replace(/\.g[12]$/, '')).sort());
  }, 600_000);
});
