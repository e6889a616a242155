import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStorage } from '@kuhina/event-store';
import { SqliteKeyStore } from '@kuhina/privacy';
import { SqliteReadStore } from '@kuhina/read-model';
import { IdempotencyStore } from './idempotency.store';

const mode = (path: string): number => statSync(path).mode & 0o777;

// Issue 16, point 5: events.db, views.db and idempotency.db were 0644. Each embedded store now makes its file and
// SQLite's -wal/-shm 0600 by itself, under a permissive umask too, and tightens a 0644 file left from before.
(process.platform === 'win32' ? describe.skip : describe)('embedded stores are their owner\'s only', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-store-modes-'));
    umask = process.umask(0o022); // what a shell usually starts with: new files would be 0644
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  const opened: Array<[string, () => { close(): unknown }]> = [
    ['events.db', () => new SqliteEventStorage({ file: join(dir, 'events.db') })],
    ['views.db', () => new SqliteReadStore({ file: join(dir, 'views.db') })],
    ['idempotency.db', () => new IdempotencyStore(dir)],
    ['keys.db', () => new SqliteKeyStore(dir, Buffer.alloc(32, 7))],
  ];

  it.each(opened)('%s and its -wal/-shm are 0600 when new', async (name, open) => {
    const store = open();
    const modes = ['', '-wal', '-shm'].filter((suffix) => existsSync(join(dir, name + suffix))).map((suffix) => [name + suffix, mode(join(dir, name + suffix))]);
    await store.close();

    expect(modes.map(([file]) => file)).toEqual([name, `${name}-wal`, `${name}-shm`]);
    for (const [file, fileMode] of modes) expect([file, fileMode]).toEqual([file, 0o600]);
  });

  it.each(opened)('%s left 0644 from before is tightened to 0600 on open', async (name, open) => {
    await open().close();
    chmodSync(join(dir, name), 0o644);
    writeFileSync(join(dir, `${name}-shm`), '');
    chmodSync(join(dir, `${name}-shm`), 0o644);

    const store = open();
    const modes = [mode(join(dir, name)), mode(join(dir, `${name}-shm`))];
    await store.close();

    expect(modes).toEqual([0o600, 0o600]);
  });
});
