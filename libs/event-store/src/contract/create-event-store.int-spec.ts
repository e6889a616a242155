import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore } from '../chain/chained-event-store';
import { createEventStorage, createEventStore } from '../create-event-store';
import type { EventStorage } from '../event-store.port';
import { KurrentDbEventStorage } from '../kurrentdb/kurrentdb-event-storage';
import { SqliteEventStorage } from '../sqlite/sqlite-event-storage';

describe('createEventStorage / createEventStore', () => {
  let dataDir: string;
  let opened: EventStorage | undefined;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'kuhina-config-')), 'nested', 'data');
  });

  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    rmSync(join(dataDir, '..', '..'), { recursive: true, force: true });
  });

  it('opens SQLite at <dataDir>/events.db when no KurrentDB URL is given, creating the folder', () => {
    const sut = createEventStorage({ dataDir });
    opened = sut;

    expect(sut).toBeInstanceOf(SqliteEventStorage);
    expect((sut as SqliteEventStorage).file).toBe(join(dataDir, 'events.db'));
    expect(existsSync(join(dataDir, 'events.db'))).toBe(true);
  });

  it('treats a blank URL as not set', () => {
    opened = createEventStorage({ dataDir, kurrentdbUrl: '  ' });
    expect(opened.name).toBe('sqlite');
  });

  it('chooses KurrentDB when a URL is given (connecting lazily) and touches no file', () => {
    const sut = createEventStorage({ dataDir, kurrentdbUrl: 'kurrentdb://localhost:2113?tls=false' });
    opened = sut;

    expect(sut).toBeInstanceOf(KurrentDbEventStorage);
    expect(existsSync(join(dataDir, 'events.db'))).toBe(false);
  });

  it('gives a working chained store over the configured storage', async () => {
    const sut = createEventStore({ dataDir, synchronous: 'NORMAL' });
    opened = sut.storage;
    const id = randomUUID();

    await sut.append('chain-1', [{ id, type: 'ChainStarted', data: { name: 'ESF+ 2023' }, metadata: { occurredAt: '2023-04-01T00:00:00Z', recordedAt: '2023-04-01T00:00:00Z', actor: 'seed', correlationId: 'c', causationId: null, schemaVersion: 1 } }], 'no-stream');

    expect(sut).toBeInstanceOf(ChainedEventStore);
    expect((await sut.readStream('chain-1')).map((e) => e.id)).toEqual([id]);
  });
});
