import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PROJECTIONS } from '@kuhina/read-model';
import { kuhinaCli } from './support/cli-runner';

const cli = kuhinaCli;

describe('kuhina CLI (built binary, embedded SQLite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seed demo loads the 2023 chain once; a second run appends nothing; audit verify reports an intact log', async () => {
    const first = await cli('--data-dir', dir, 'seed', 'demo');
    const second = await cli('--data-dir', dir, 'seed', 'demo');
    const verify = await cli('--data-dir', dir, 'audit', 'verify', '--json');

    expect(first.code).toBe(0);
    const commands = Number(/(\d+) commands/.exec(first.stdout)?.[1]);
    expect(first.stdout).toContain(`${commands} commands, ${commands} of them appended events`);
    expect(second.stdout).toContain(`${commands} commands, 0 of them appended events`);
    // The first command in an empty folder generated the secrets beside the data, and says so as `npm start` does; once.
    expect(first.stderr).toContain(`WARNING: Generated secrets into ${join(dir, 'secrets.json')} beside the data`);
    expect(second.stderr).not.toContain('Generated secrets');
    const result = JSON.parse(verify.stdout) as { intact: boolean; events: number };
    expect(verify.code).toBe(0);
    expect(result.intact).toBe(true);
    expect(result.events).toBe(Number(/log position (\d+)/.exec(first.stdout)?.[1]));
  }, 60_000);

  it('projections rebuild replays the whole log into the views (all, or one projection); an unknown name is refused', async () => {
    const all = await cli('--data-dir', dir, 'projections', 'rebuild');
    const one = await cli('--data-dir', dir, 'projections', 'rebuild', 'workshop-chain');
    const unknown = await cli('--data-dir', dir, 'projections', 'rebuild', 'no-such-view');

    expect(all.code).toBe(0);
    const applied = Number(/: (\d+) events of their types/.exec(all.stdout)?.[1]);
    const position = Number(/position (\d+)/.exec(all.stdout)?.[1]);
    const log = new Database(join(dir, 'events.db'), { readonly: true });
    const count = (types: readonly string[]): number =>
      (log.prepare('SELECT count(*) AS n FROM events WHERE type IN (SELECT value FROM json_each(?))').get(JSON.stringify(types)) as { n: number }).n;
    const head = (log.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;
    const ofAll = count([...new Set(PROJECTIONS.flatMap((p) => p.eventTypes))]);
    const ofChain = count(PROJECTIONS.find((p) => p.name === 'workshop-chain')!.eventTypes);
    log.close();
    expect(position).toBe(head);
    // Every event of the projections' types, once; the store left out the others (the people's records).
    expect(applied).toBeGreaterThan(500);
    expect(applied).toBe(ofAll);
    expect(applied).toBeLessThan(head);
    // One projection, with the index it looks up: only their types are read (the index's are among the chain's).
    expect(one.stdout).toContain(`Rebuilt workshop-chain-index, workshop-chain: ${ofChain} events of their types`);
    expect(ofChain).toBeLessThan(ofAll);
    expect(unknown.code).toBe(1);
    const views = new Database(join(dir, 'views.db'), { readonly: true });
    // Rebuilt beside the live documents, then switched to: only the generation read now holds any (the old is emptied).
    // The chain's document (its id a UUID) beside its fact documents (`r:`, `p:`, `f:` ids: one per registration, attendee, feedback).
    const chains = views.prepare("SELECT collection, count(*) AS n FROM documents WHERE collection LIKE 'workshop-chains%' AND id NOT LIKE '_:%' GROUP BY collection").all();
    const aliases = views.prepare("SELECT doc FROM documents WHERE collection = 'kuhina.aliases'").get() as { doc: string };
    views.close();
    expect(chains).toEqual([{ collection: 'workshop-chains.g2', n: 1 }]);
    expect(JSON.parse(aliases.doc).aliases['workshop-chains']).toBe('workshop-chains.g2');
  }, 120_000);

  it('projections rebuild refuses a batch size that is not a whole number from 1 and leaves the views as they were', async () => {
    const viewsFile = join(dir, 'views.db');
    const snapshot = (): string => {
      const views = new Database(viewsFile, { readonly: true });
      const rows = views.prepare('SELECT collection, id, doc FROM documents ORDER BY collection, id').all();
      const checkpoints = views.prepare('SELECT projector, position FROM checkpoints ORDER BY projector').all();
      views.close();
      return JSON.stringify({ rows, checkpoints });
    };
    const before = snapshot();
    expect(JSON.parse(before).rows.length).toBeGreaterThan(10);

    for (const size of ['0', 'abc', '2.5', '-3', '1000001']) {
      const refused = await cli('--data-dir', dir, 'projections', 'rebuild', '--batch-size', size);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`'${size}' is invalid. must be a whole number from 1 to 1,000,000`);
    }
    expect(snapshot()).toBe(before);
  }, 60_000);

  it('projections status shows each projection against the head; a newer stored version is named, and a rebuild refuses to touch it', async () => {
    type Status = {
      head: string;
      projections: Array<{ name: string; version: number; storedVersion: number | null; position: string | null; behindBy: string; state: string; storedAs: string; rebuildPosition: string | null }>;
    };
    const status = async (): Promise<Status> => JSON.parse((await cli('--data-dir', dir, 'projections', 'status', '--json')).stdout) as Status;

    const rebuilt = await status();
    expect(rebuilt.projections.map((p) => p.name)).toEqual(PROJECTIONS.map((p) => p.name));
    expect(rebuilt.projections.every((p) => p.state === 'caught-up' && p.position === rebuilt.head && p.behindBy === '0' && p.rebuildPosition === null)).toBe(true);
    // All rebuilt once (to the first generation), then the chain and its index once more (to the second).
    const storedAs = Object.fromEntries(rebuilt.projections.map((p) => [p.name, p.storedAs]));
    expect(storedAs).toMatchObject({ 'chain-list': 'chain-list.g1', 'workshop-chain': 'workshop-chains.g2', 'workshop-chain-index': 'workshop-chain-index.g2' });

    // A seal appends an event; no projector runs in the CLI, so every checkpoint is now one position behind.
    expect((await cli('--data-dir', dir, 'audit', 'seal')).code).toBe(0);
    const sealed = await status();
    expect(BigInt(sealed.head)).toBe(BigInt(rebuilt.head) + 1n);
    expect(sealed.projections.every((p) => p.state === 'behind' && p.behindBy === '1')).toBe(true);

    // As if a newer Kuhina had rebuilt chain-list: this one names it, and its rebuild refuses rather than resetting it.
    const views = new Database(join(dir, 'views.db'));
    const setVersion = (version: number) => views.prepare("UPDATE checkpoints SET versions = ? WHERE projector = 'chain-list'").run(JSON.stringify({ 'chain-list': version }));
    setVersion(99);
    try {
      const newer = (await status()).projections.find((p) => p.name === 'chain-list')!;
      expect(newer).toMatchObject({ state: 'newer-version', version: 1, storedVersion: 99 });
      expect((await cli('--data-dir', dir, 'projections', 'status')).stdout).toMatch(/chain-list .*stored v99.*NEWER version/);
      const refused = await cli('--data-dir', dir, 'projections', 'rebuild', 'chain-list');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('chain-list v99 (this process has v1)');
      expect(views.prepare("SELECT versions FROM checkpoints WHERE projector = 'chain-list'").get()).toEqual({ versions: '{"chain-list":99}' });
    } finally {
      setVersion(1);
      views.close();
    }
  }, 120_000);

  it('a wrong data folder or connection string stops every command with one line naming the setting, no stack trace', async () => {
    const file = join(dir, 'events.db');
    const cases: Array<[string[], string]> = [
      [['--data-dir', join(file, 'data'), 'audit', 'verify'], `Configuration error: the data folder ${join(file, 'data')} (KUHINA_DATA_DIR, --data-dir) cannot be used: ENOTDIR`],
      [['--data-dir', join(file, 'data'), 'projector'], 'Configuration error: the data folder'],
      [['--data-dir', join(file, 'data'), 'serve', '--port', '0'], 'Configuration error: the data folder'],
      [['--data-dir', dir, '--kurrentdb-url', 'localhost:2113', 'seed', 'demo'], 'Configuration error: KURRENTDB_URL (--kurrentdb-url) must be a KurrentDB connection string'],
      [['--data-dir', dir, '--mongodb-url', 'localhost', 'projections', 'rebuild'], 'Configuration error: MONGODB_URL (--mongodb-url) must be a MongoDB connection string'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  }, 60_000);

  it('audit verify exits 1 and names exactly the event whose stored row was edited', async () => {
    const db = new Database(join(dir, 'events.db'));
    // An attacker with file access drops the append-only triggers first.
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
    const target = db.prepare("SELECT stream, revision, data FROM events WHERE type = 'ExpenseRecorded' ORDER BY position LIMIT 1").get() as { stream: string; revision: number; data: string };
    const data = JSON.parse(target.data) as { amountCents: number };
    db.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = ?').run(JSON.stringify({ ...data, amountCents: data.amountCents + 100 }), target.stream, target.revision);
    db.close();

    const verify = await cli('--data-dir', dir, 'audit', 'verify', '--json');

    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({ intact: false, stream: target.stream, revision: target.revision, problem: 'hash-mismatch' });
  }, 60_000);
});

describe('kuhina read-only commands on a folder with no event log (an empty or mistyped --data-dir)', () => {
  let parent: string;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'kuhina-cli-nolog-'));
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const chainId = '00000000-0000-4000-8000-000000000001';
  const readOnly: Array<[string, string[]]> = [
    ['audit verify', ['audit', 'verify']],
    ['audit verify --json', ['audit', 'verify', '--json']],
    ['projections status', ['projections', 'status']],
    ['export ledger', ['export', 'ledger', '--chain', chainId]],
    ['replay', ['replay', '--chain', chainId, '--format', 'json']],
  ];

  it.each(readOnly)('%s exits non-zero with "no event log at <dir>" and creates nothing, in an empty folder and in a missing one', async (_name, args) => {
    const empty = mkdtempSync(join(parent, 'empty-'));
    const missing = join(parent, `missing-${args.join('-')}`);

    const inEmpty = await cli('--data-dir', empty, ...args);
    const inMissing = await cli('--data-dir', missing, ...args);

    expect(inEmpty.code).not.toBe(0);
    expect(inEmpty.stderr).toContain(`no event log at ${empty}`);
    expect(inEmpty.stdout).not.toMatch(/intact/i);
    expect(readdirSync(empty)).toEqual([]);
    expect(inMissing.code).not.toBe(0);
    expect(inMissing.stderr).toContain(`no event log at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  }, 60_000);
});
