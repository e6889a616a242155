import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, SqliteEventStorage, canonicalJson } from '@kuhina/event-store';
import { AliasedReadStore, PROJECTIONS, Projector, SqliteReadStore } from '@kuhina/read-model';
import Database from 'better-sqlite3';
import { allViewDocuments, writeSyntheticHistory } from '@kuhina/testing';

// Two `kuhina projector` processes (built) on one data folder, as two containers on one volume would run: they take the
// lease kept in the views file in turns. The one holding it is frozen (SIGSTOP) in the middle of its catch-up past its
// lease's term, the other takes over and goes on, then the frozen one wakes up with a batch half done: its commit must
// be refused (the lease is no longer its), and the views end equal to one projector's clean rebuild: exactly once.
const cli = join(__dirname, '..', 'bin', 'kuhina');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  stderr: string;
}

function startProjector(dataDir: string): Running {
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'projector'], { env: { ...process.env, KURRENTDB_URL: '', MONGODB_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = { child, stderr: '' };
  child.stdout!.resume();
  child.stderr!.on('data', (chunk: Buffer) => (running.stderr += chunk.toString()));
  return running;
}

/** Straight from the file: the lowest checkpoint of the projections, and the pid in the projector lease's owner id. */
function peek(file: string): { lowest: bigint | null; holderPid: number | null } {
  if (!existsSync(file)) return { lowest: null, holderPid: null };
  const db = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    const rows = db.prepare('SELECT projector, position FROM checkpoints').all() as Array<{ projector: string; position: string | null }>;
    const positions = PROJECTIONS.map((p) => rows.find((row) => row.projector === p.name)?.position ?? null);
    const lowest = positions.some((p) => p === null) ? null : positions.map((p) => BigInt(p!)).reduce((a, b) => (b < a ? b : a));
    const lease = db.prepare("SELECT owner, expires_at AS expiresAt FROM leases WHERE name = 'projector'").get() as { owner: string; expiresAt: number } | undefined;
    // Owner ids are host:pid:uuid.
    const holderPid = lease && lease.expiresAt > Date.now() ? Number(lease.owner.split(':').at(-2)) : null;
    return { lowest, holderPid };
  } catch (error) {
    // Before the first projector made the schema.
    if (/no such table/.test(String(error))) return { lowest: null, holderPid: null };
    throw error;
  } finally {
    db.close();
  }
}

/** True if no connection holds the views file's write lock now (a process frozen inside a commit would block the other). */
function writeLockFree(file: string): boolean {
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('two projector processes on one data folder', () => {
  let dir: string;
  let head: bigint;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-two-projectors-'));
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    await writeSyntheticHistory(new ChainedEventStore(storage), {
      chains: 25,
      workshopsPerChain: 20,
      people: 30_000,
      organizations: 3_000,
      registrationsPerWorkshop: 75,
      attendance: 0.8,
      feedbackPerWorkshop: 12,
      seed: 11,
    });
    head = (await storage.headPosition())!;
    await storage.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('take the lease in turns; a holder frozen past its term cannot commit when it wakes; the views are exactly-once', async () => {
    const views = join(dir, 'views.db');
    const projectors = [startProjector(dir), startProjector(dir)];
    try {
      // One of them holds the lease and has committed some batches, far from the head.
      await until('a first commit', () => peek(views).lowest !== null && peek(views).holderPid !== null, 120_000);
      const holderPid = peek(views).holderPid!;
      const frozen = projectors.find((p) => p.child.pid === holderPid)!;
      const other = projectors.find((p) => p !== frozen)!;
      expect(frozen).toBeDefined();
      // Frozen outside a commit (frozen inside one it would hold the file's write lock, and nobody could take over).
      for (let tries = 0; ; tries++) {
        frozen.child.kill('SIGSTOP');
        await sleep(20);
        if (writeLockFree(views)) break;
        frozen.child.kill('SIGCONT');
        if (tries > 100) throw new Error('the holder is always inside a commit');
        await sleep(Math.random() * 30);
      }
      const atFreeze = peek(views).lowest!;
      expect(atFreeze < head).toBe(true);

      // The other takes over once the frozen one's term has run out (15 s), and goes on from the stored checkpoints.
      await until('the other to take over', () => peek(views).holderPid === other.child.pid && peek(views).lowest! > atFreeze, 90_000);
      frozen.child.kill('SIGCONT');
      await until('the head', () => peek(views).lowest === head, 300_000);
      // The woken one's batch was refused by the fence in the commit, not written over the other's.
      await until('the refused commit to be reported', () => /Lease projector is no longer held/.test(frozen.stderr), 30_000);

      for (const { child } of projectors) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        expect((await exited)[0]).toBe(0);
      }
    } finally {
      for (const { child } of projectors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    const clean = new SqliteReadStore({ file: join(dir, 'clean-views.db') });
    const storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
    const shared = new AliasedReadStore(new SqliteReadStore({ file: views }));
    try {
      await new Projector(new ChainedEventStore(storage), clean, { projections: PROJECTIONS, batchSize: 5000 }).catchUp();
      const expected = await allViewDocuments(clean);
      const actual = await allViewDocuments(shared);
      expect(Object.values(expected).reduce((n, docs) => n + Object.keys(docs).length, 0)).toBeGreaterThan(1000);
      for (const collection of Object.keys(expected)) expect(canonicalJson(actual[collection])).toBe(canonicalJson(expected[collection]));
    } finally {
      await shared.close();
      await clean.close();
      await storage.close();
    }
  }, 600_000);
});
