import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readStoreContract } from './read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-views-'));
  tempDirs.push(dir);
  return join(dir, 'views.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

readStoreContract('sqlite', async () => {
  const file = tempFile();
  let current = new SqliteReadStore({ file });
  return {
    store: current,
    async reopen() {
      await current.close();
      current = new SqliteReadStore({ file });
      return current;
    },
    cleanup: () => current.close(),
  };
});

describe('SqliteReadStore (real SQLite file)', () => {
  let file: string;
  let sut: SqliteReadStore;

  beforeEach(async () => {
    file = tempFile();
    sut = new SqliteReadStore({ file });
    await sut.transaction(async (uow) => {
      uow.put('registrations', 'old', { state: 'old' }, { indexes: { workshopId: 'w1' } });
      uow.setCheckpoint('main', { position: 100n, versions: { registrations: 1 } });
    });
  });

  afterEach(async () => {
    await sut.close();
  });

  function rawCounts(): { documents: number; indexes: number; checkpoint: unknown } {
    const raw = new Database(file, { readonly: true });
    try {
      return {
        documents: (raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
        indexes: (raw.prepare('SELECT count(*) AS n FROM document_indexes').get() as { n: number }).n,
        checkpoint: raw.prepare('SELECT position, versions FROM checkpoints WHERE projector = ?').get('main'),
      };
    } finally {
      raw.close();
    }
  }

  it('leaves the old state when the process fails between staging and commit', async () => {
    await expect(
      sut.transaction(async (uow) => {
        for (let i = 0; i < 500; i++) uow.put('registrations', `new-${i}`, { state: 'new' }, { indexes: { workshopId: 'w1' } });
        uow.put('registrations', 'old', { state: 'overwritten' });
        uow.setCheckpoint('main', { position: 600n, versions: { registrations: 1 } });
        throw new Error('crash after staging, before commit');
      }),
    ).rejects.toThrow('crash after staging');

    expect(rawCounts()).toEqual({ documents: 1, indexes: 1, checkpoint: { position: '100', versions: '{"registrations":1}' } });
    const reopened = new SqliteReadStore({ file });
    try {
      expect(await reopened.get('registrations', 'old')).toEqual({ state: 'old' });
      expect(await reopened.checkpoint('main')).toEqual({ position: 100n, versions: { registrations: 1 } });
    } finally {
      await reopened.close();
    }
  });

  it('rolls the whole commit back when SQLite itself fails half-way through it', async () => {
    // A real failure inside the SQL transaction, after earlier statements of the same commit have run.
    // The trigger is created while the store is closed, so the store's connection certainly sees it.
    await sut.close();
    const raw = new Database(file, { timeout: 10_000 });
    raw.exec("CREATE TRIGGER fail_on_boom BEFORE INSERT ON documents WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;");
    raw.close();
    sut = new SqliteReadStore({ file });

    await expect(
      sut.transaction(async (uow) => {
        uow.clear(['registrations']);
        uow.put('registrations', 'a', { state: 'new' }, { indexes: { workshopId: 'w2' } });
        uow.put('registrations', 'boom', { state: 'new' });
        uow.setCheckpoint('main', { position: 200n, versions: { registrations: 2 } });
      }),
      // toMatchObject, not toThrow: SqliteError may come from another Jest realm (better-sqlite3's native addon keeps the first realm's class).
    ).rejects.toMatchObject({ message: expect.stringContaining('disk trouble') });

    expect(rawCounts()).toEqual({ documents: 1, indexes: 1, checkpoint: { position: '100', versions: '{"registrations":1}' } });
    expect(await sut.get('registrations', 'old')).toEqual({ state: 'old' });
    expect(await sut.checkpoint('main')).toEqual({ position: 100n, versions: { registrations: 1 } });
  });

  it('lets a second store on the same file (the API next to the projector) see committed data, never staged data', async () => {
    const reader = new SqliteReadStore({ file });
    try {
      await sut.transaction(async (uow) => {
        uow.put('registrations', 'staged', { state: 'staged' }, { indexes: { workshopId: 'w1' } });
        uow.setCheckpoint('main', { position: 101n, versions: { registrations: 1 } });
        expect(await reader.get('registrations', 'staged')).toBeNull();
        expect(await reader.checkpoint('main')).toEqual({ position: 100n, versions: { registrations: 1 } });
      });

      expect(await reader.get('registrations', 'staged')).toEqual({ state: 'staged' });
      expect((await reader.list('registrations', { where: { index: 'workshopId', value: 'w1' }, limit: 10 })).items.map((i) => i.id)).toEqual(['old', 'staged']);
      expect(await reader.checkpoint('main')).toEqual({ position: 101n, versions: { registrations: 1 } });
    } finally {
      await reader.close();
    }
  });

  it('commits a rebuild-sized batch (clear + 20,000 documents with two indexes each) in one transaction', async () => {
    await sut.transaction(async (uow) => {
      uow.clear(['registrations']);
      for (let i = 0; i < 20_000; i++) {
        uow.put('registrations', `r${i}`, { n: i }, { indexes: { workshopId: `w${i % 5}`, chainId: 'c' }, sortKey: String(i).padStart(6, '0') });
      }
      uow.setCheckpoint('main', { position: 20_100n, versions: { registrations: 2 } });
    });

    expect(rawCounts()).toEqual({ documents: 20_000, indexes: 40_000, checkpoint: { position: '20100', versions: '{"registrations":2}' } });
    const page = await sut.list('registrations', { where: { index: 'workshopId', value: 'w3' }, limit: 3 });
    expect(page.items.map((i) => i.id)).toEqual(['r3', 'r8', 'r13']);
  });

  it('creates the schema once (user_version 2, WAL) and refuses a file from a newer schema', async () => {
    await sut.close();
    const raw = new Database(file, { timeout: 10_000 }); // wait for the store's own connection under load
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    raw.pragma('user_version = 99');
    raw.close();

    expect(() => new SqliteReadStore({ file })).toThrow(/newer/);
    sut = new SqliteReadStore({ file: tempFile() });
  });

  it('uses index range scans for listings (keyset paging stays fast on deep pages)', () => {
    const raw = new Database(file, { readonly: true });
    try {
      const plan = (sql: string, ...params: unknown[]) =>
        (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
      const byIndex = plan(
        "SELECT i.id, d.doc FROM document_indexes i JOIN documents d ON d.collection = i.collection AND d.id = i.id WHERE i.collection = 'r' AND i.name = 'n' AND i.value = 'v' AND (i.sort_key, i.id) > ('a', 'b') ORDER BY i.sort_key, i.id LIMIT 11",
      );
      const whole = plan("SELECT d.id, d.doc FROM documents d WHERE d.collection = 'r' AND (d.sort_key, d.id) > ('a', 'b') ORDER BY d.sort_key, d.id LIMIT 11");

      expect(byIndex).toMatch(/SEARCH i USING PRIMARY KEY \(collection=\? AND name=\? AND value=\? AND \(sort_key,id\)>\(\?,\?\)\)/);
      expect(byIndex).not.toMatch(/TEMP B-TREE/);
      expect(whole).toMatch(/SEARCH d USING INDEX documents_by_sort_key \(collection=\? AND \(sort_key,id\)>\(\?,\?\)\)/);
      expect(whole).not.toMatch(/TEMP B-TREE/);
    } finally {
      raw.close();
    }
  });
});
