import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { DEMO_CHAIN_ID } from '@kuhina/application';
import { PROJECTIONS } from '@kuhina/read-model';
import { kuhinaCli } from './support/cli-runner';

// The operators' side of hostile input: every command of the built `kuhina`, given junk for its arguments and
// options, either does its job or stops with exit code 1 and a message, never a stack trace, and leaves the log
// (and, but for a rebuild, the views) as they were. Each run starts a process, so the runs are few but seeded.
const SEED = Number(process.env.KUHINA_FUZZ_SEED ?? 20261127);

const junk = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1.5', '1e309', 'NaN', 'abc', '99999999999999999999999', '2023-02-30', '2023-W22', '../../etc/passwd', '/dev/null/x', '%ZZ', '\u202e', 'x'.repeat(5_000)),
  fc.constantFrom(DEMO_CHAIN_ID, DEMO_CHAIN_ID.toUpperCase(), '00000000-0000-4000-8000-000000000000', 'not-a-uuid'),
  fc.string({ maxLength: 12 }).filter((value) => !value.startsWith('-')),
);

/** Commands and how junk goes into them: [command words..., option, value]. `out` options write into the folder. */
const shapes: ReadonlyArray<(value: string, dir: string) => string[]> = [
  (v) => ['projections', 'rebuild', v],
  (v) => ['projections', 'status', v],
  (v) => ['projections', 'rebuild', '--batch-size', v],
  (v) => ['replay', '--chain', v],
  (v) => ['replay', '--chain', DEMO_CHAIN_ID, '--until', v],
  (v) => ['replay', '--chain', DEMO_CHAIN_ID, '--until-position', v],
  (v) => ['replay', '--chain', DEMO_CHAIN_ID, '--format', v],
  (v, dir) => ['replay', '--chain', DEMO_CHAIN_ID, '--format', 'csv', '--out', join(dir, 'out', v)],
  (v) => ['export', v, '--chain', DEMO_CHAIN_ID],
  (v) => ['export', 'network', '--chain', v],
  (v) => ['export', 'ledger', '--chain', DEMO_CHAIN_ID, '--format', v],
  (v, dir) => ['export', 'indicators', '--chain', DEMO_CHAIN_ID, '--out', join(dir, 'out', v)],
  (v) => ['retention', 'run', '--dry-run', '--today', v],
  (v) => ['audit', 'verify', v],
  (v) => ['serve', '--port', v === '0' ? '-1' : v],
  (v) => [v],
];

describe('kuhina CLI under hostile arguments: exit 0 or 1 with a message, never a stack trace, the log unchanged', () => {
  let dir: string;
  const logDigest = (): string => {
    const db = new Database(join(dir, 'events.db'), { readonly: true });
    const rows = db.prepare('SELECT position, hash FROM events ORDER BY position').all();
    db.close();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  };
  const viewsDigest = (): string => {
    const db = new Database(join(dir, 'views.db'), { readonly: true });
    // The views as readers see them: a rebuild stores them under another generation's name (`workshop-chains.g1`)
    // and switches the alias; only the documents and the collection they are read as count.
    const rows = (db.prepare("SELECT collection, id, doc FROM documents WHERE collection <> 'kuhina.aliases'").all() as Array<{ collection: string; id: string; doc: string }>)
      .map((row) => ({ ...row, collection: row.collection.replace(/\.g[12]$/, '') }))
      .sort((a, b) => (a.collection === b.collection ? (a.id < b.id ? -1 : 1) : a.collection < b.collection ? -1 : 1));
    db.close();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-cli-hostile-'));
    expect((await kuhinaCli('--data-dir', dir, 'seed', 'demo')).code).toBe(0);
    expect((await kuhinaCli('--data-dir', dir, 'projections', 'rebuild')).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers junk in every argument and option with a result or one clear refusal', async () => {
    const log = logDigest();
    const views = viewsDigest();
    const outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: shapes.length - 1 }), junk, async (shape, value) => {
        const args = shapes[shape]!(value, dir);
        // `serve` with a valid port would run until stopped: only its refusals are exercised here.
        if (args[0] === 'serve' && /^\d{1,5}$/.test(args[2]!) && Number(args[2]) <= 65535) return;
        const result = await kuhinaCli('--data-dir', dir, ...args);
        const what = `kuhina ${args.join(' ').slice(0, 200)} → ${result.code}: ${result.stderr.slice(0, 300)}`;
        expect({ what, code: [0, 1].includes(result.code) }).toEqual({ what, code: true });
        // A stack trace has "    at " lines; a refusal is the message (and commander's usage after its own errors).
        expect({ what, trace: /^\s+at /m.test(result.stderr) }).toEqual({ what, trace: false });
        if (result.code === 0) outcomes.ok++;
        else {
          outcomes.refused++;
          expect({ what, message: result.stderr.trim().length > 0 }).toEqual({ what, message: true });
        }
        expect(logDigest()).toBe(log);
        // A rebuild (of all, or of one named projection) writes the same views again; nothing else writes them.
        expect(viewsDigest()).toBe(views);
      }),
      { numRuns: 40, seed: SEED },
    );
    // The runs happened (only `serve` with a usable port is skipped), and the junk got refused, not all taken.
    expect(outcomes.ok + outcomes.refused).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(5);
  }, 600_000);

  it('names every projection a rebuild accepts and refuses any other name; refuses a port that is not digits', async () => {
    const unknown = await kuhinaCli('--data-dir', dir, 'projections', 'rebuild', 'workshop-chains');
    expect(unknown.code).toBe(1);
    for (const projection of PROJECTIONS) expect(unknown.stderr).toContain(projection.name);
    expect(readFileSync(join(dir, 'events.db')).length).toBeGreaterThan(0);
    // An empty or scientific port was taken as a number (0: a random port, 1e3: 1000) and the API started anyway.
    for (const port of ['', '1e3', '0x50', '65536']) {
      const refused = await kuhinaCli('--data-dir', dir, 'serve', '--port', port);
      expect({ port, code: refused.code }).toEqual({ port, code: 1 });
      expect(refused.stderr).toContain('must be a port number 0–65535');
    }
  }, 60_000);
});
