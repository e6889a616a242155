import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashEvent, type RecordedEvent } from '@kuhina/event-store';
import { kuhinaCli as cli } from './support/cli-runner';

/** The hand-out block's fields, as a person would copy them. */
function handOut(stdout: string): Record<string, string> {
  const block = /-----BEGIN KUHINA LOG SEAL-----\n([\s\S]*?)\n-----END KUHINA LOG SEAL-----/.exec(stdout);
  if (!block) throw new Error(`no seal block in:\n${stdout}`);
  return Object.fromEntries(block[1]!.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}

describe('kuhina audit seal hands out the root; kuhina audit verify --position --root checks it (built binary, embedded SQLite)', () => {
  let dir: string;
  let block: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seal-handout-'));
    const seeded = await cli('--data-dir', dir, 'seed', 'demo');
    expect(seeded.code).toBe(0);
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a block to keep outside Kuhina: position, streams, algorithm, date, seal id, root and the command that checks it', async () => {
    const json = await cli('--data-dir', dir, 'audit', 'seal', '--json');
    const sealed = JSON.parse(json.stdout) as { id: string; position: string; streams: number; root: string; at: string };
    const text = await cli('--data-dir', dir, 'audit', 'seal');

    block = handOut(text.stdout);
    expect(text.code).toBe(0);
    // No business event in between: the second seal covers the same heads, so its root is the first one's.
    expect(block).toMatchObject({ streams: String(sealed.streams), algorithm: 'sha256-merkle-v1', root: sealed.root });
    expect(block.position).toBe(String(BigInt(sealed.position) + 1n));
    expect(block['sealed at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(block['seal id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(block.check).toBe(`kuhina audit verify --position ${block.position} --root ${block.root}`);
    expect(text.stdout).toMatch(/outside Kuhina/);
  }, 60_000);

  it('passes the check the block names on the untouched log', async () => {
    const check = await cli('--data-dir', dir, ...block.check!.split(' ').slice(1));

    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`Root kept outside matches: the log gives ${block.root} at position ${block.position}`);
  }, 60_000);

  it('fails it once an event was rewritten with every hash recomputed and the log re-sealed, though the log and its own seals look intact', async () => {
    type Row = { id: string; stream: string; revision: number; type: string; data: string; metadata: string; prev_hash: string | null };
    /** Rewrites a stream from a revision on, with `change` applied to each event's data, and recomputes every hash after it. */
    const rewrite = (db: Database.Database, stream: string, from: number, change: (data: Record<string, unknown>, i: number) => Record<string, unknown>) => {
      const rows = db.prepare('SELECT id, stream, revision, type, data, metadata, prev_hash FROM events WHERE stream = ? AND revision >= ? ORDER BY revision').all(stream, from) as Row[];
      let prevHash = rows[0]!.prev_hash;
      for (const [i, row] of rows.entries()) {
        const event = { id: row.id, stream: row.stream, revision: row.revision, type: row.type, data: change(JSON.parse(row.data) as Record<string, unknown>, i), metadata: JSON.parse(row.metadata), prevHash } as RecordedEvent;
        const hash = hashEvent(event);
        db.prepare('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE id = ?').run(JSON.stringify(event.data), prevHash, hash, row.id);
        prevHash = hash;
      }
    };
    const open = () => {
      const db = new Database(join(dir, 'events.db'));
      db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
      return db;
    };
    // The forger raises the last expense by 1,000 € and recomputes the hash of it and of every later event of its stream...
    let db = open();
    const victim = db.prepare("SELECT stream, revision FROM events WHERE type = 'ExpenseRecorded' ORDER BY position DESC LIMIT 1").get() as { stream: string; revision: number };
    rewrite(db, victim.stream, victim.revision, (data, i) => (i === 0 ? { ...data, amountCents: (data.amountCents as number) + 100_000 } : data));
    db.close();
    // ...then gives the seals the roots the log now gives, so that they match again.
    const betrayed = JSON.parse((await cli('--data-dir', dir, 'audit', 'verify', '--json')).stdout) as { seals: Array<{ recomputedRoot: string }> };
    db = open();
    rewrite(db, 'audit-seals', 0, (data, i) => ({ ...data, root: betrayed.seals[i]!.recomputedRoot }));
    db.close();

    const plain = await cli('--data-dir', dir, 'audit', 'verify', '--json');
    const check = await cli('--data-dir', dir, ...block.check!.split(' ').slice(1));
    const json = await cli('--data-dir', dir, ...block.check!.split(' ').slice(1), '--json');

    expect(betrayed.seals).toHaveLength(2);
    expect(JSON.parse(plain.stdout)).toMatchObject({ intact: true, seals: [{ intact: true }, { intact: true }] });
    expect(plain.code).toBe(0);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`Root kept outside does NOT match: at position ${block.position}`);
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: true, root: { intact: false, position: block.position, root: block.root } });
  }, 60_000);

  it('refuses --root without --position, and a root that is not one', async () => {
    const half = await cli('--data-dir', dir, 'audit', 'verify', '--root', block.root!);
    const bad = await cli('--data-dir', dir, 'audit', 'verify', '--position', block.position!, '--root', 'not-a-root');

    expect(half.code).toBe(2);
    expect(half.stderr).toContain('Give both --position and --root');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('64 hexadecimal digits');
  }, 60_000);
});
