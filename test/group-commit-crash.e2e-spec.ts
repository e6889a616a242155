import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// Issue 17, point 2: a process killed (SIGKILL) while a group commit holds many appends loses none it acknowledged,
// and writes none by halves. The writer is the built event store (dist), in its own process, as the API runs it.
const eventStore = join(__dirname, '..', 'dist', 'libs', 'event-store', 'src', 'index.js');

/**
 * 64 writers, each appending two events at a time to streams of its own, forever; a line `ack <id> <id>` once an
 * append is acknowledged, and `stats <transactions> <appends>` every 50 ms.
 */
const WRITER = `
const { randomUUID } = require('node:crypto');
const { ChainedEventStore, SqliteEventStorage } = require(${JSON.stringify(eventStore)});
const storage = new SqliteEventStorage({ file: process.argv[1] });
const store = new ChainedEventStore(storage);
const metadata = { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-19T10:00:01.000Z', actor: 'crash-test', correlationId: 'c', causationId: null, schemaVersion: 1 };
setInterval(() => process.stdout.write('stats ' + storage.commitStats.transactions + ' ' + storage.commitStats.appends + '\\n'), 50);
for (let w = 0; w < 64; w++) {
  (async () => {
    for (let n = 0; ; n++) {
      const ids = [randomUUID(), randomUUID()];
      await store.append('organization-w' + w + '-' + (n % 10), ids.map((id) => ({ id, type: 'OrganizationRegistered', data: { w, n }, metadata })), 'any');
      process.stdout.write('ack ' + ids.join(' ') + '\\n');
    }
  })();
}
`;

describe('group commit survives SIGKILL: every acknowledged append is on disk, none by halves', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-group-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2, 3])('run %i: killed mid-flight after ~2,000 acknowledged appends', async () => {
    const file = join(dir, 'events.db');
    const child = spawn(process.execPath, ['-e', WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const acknowledged = () => output.split('\n').filter((line) => line.startsWith('ack ')).length;
    const deadline = Date.now() + 60_000;
    // A random moment past the first 2,000: the kill lands inside a batch or between two, as it may.
    const target = 2_000 + Math.floor(Math.random() * 500);
    while (acknowledged() < target) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`writer stopped early:\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');

    // Only whole lines count: a line cut by the kill was never seen as acknowledged.
    const lines = output.slice(0, output.lastIndexOf('\n')).split('\n');
    const acked = lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4).split(' '));
    const stats = lines.filter((line) => line.startsWith('stats ')).map((line) => line.split(' ').map(Number));
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT id, stream, revision FROM events').all() as Array<{ id: string; stream: string; revision: number }>;
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    const stored = new Set(rows.map((row) => row.id));

    expect(integrity).toBe('ok');
    expect(acked.flat().filter((id) => !stored.has(id))).toEqual([]);
    // Every append wrote its two events together: revisions come in pairs (0-1, 2-3, ...) in every stream.
    const perStream = new Map<string, number[]>();
    for (const row of rows) perStream.set(row.stream, [...(perStream.get(row.stream) ?? []), row.revision]);
    for (const revisions of perStream.values()) {
      expect(revisions.length % 2).toBe(0);
      expect(revisions.sort((a, b) => a - b)).toEqual(revisions.map((_, i) => i));
    }
    // The appends did share transactions: many per commit, so the kill caught a group commit.
    const [, transactions, appends] = stats[stats.length - 1]!;
    expect(appends! / transactions!).toBeGreaterThan(4);
  }, 90_000);
});
