import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStore } from './create-read-store';
import { MongoReadStore } from './mongodb-read-store';
import { SqliteReadStore } from './sqlite-read-store';

describe('createReadStore', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kuhina-create-views-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the embedded SQLite store at <dataDir>/views.db when no MongoDB URL is given', async () => {
    for (const mongodbUrl of [undefined, '', '   ']) {
      const sut = createReadStore({ dataDir, mongodbUrl });
      try {
        expect(sut.inner).toBeInstanceOf(SqliteReadStore);
        expect((sut.inner as SqliteReadStore).file).toBe(join(dataDir, 'views.db'));
        expect(existsSync(join(dataDir, 'views.db'))).toBe(true);
      } finally {
        await sut.close();
      }
    }
  });

  it('chooses MongoDB when a URL is given, with the database named in the URL', async () => {
    // The driver connects lazily: constructing the store touches no network, so no server is needed here.
    const sut = createReadStore({ dataDir, mongodbUrl: ' mongodb://localhost:27017/kuhina_views?replicaSet=rs0 ' });
    try {
      expect(sut.inner).toBeInstanceOf(MongoReadStore);
      expect(sut.name).toBe('mongodb');
      expect((sut.inner as MongoReadStore).database).toBe('kuhina_views');
      expect(existsSync(join(dataDir, 'views.db'))).toBe(false);
    } finally {
      await sut.close();
    }
  });
});
