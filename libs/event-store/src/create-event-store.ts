import { join } from 'node:path';
import { ChainedEventStore, type ChainedEventStoreOptions } from './chain/chained-event-store';
import type { EventStorage } from './event-store.port';
import { KurrentDbEventStorage } from './kurrentdb/kurrentdb-event-storage';
import { SqliteEventStorage } from './sqlite/sqlite-event-storage';

export interface EventStorageConfig {
  /** When set (e.g. from KURRENTDB_URL), the log lives in KurrentDB; otherwise in `<dataDir>/events.db`. */
  kurrentdbUrl?: string;
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** SQLite only: how often other processes' appends are looked for while subscribed (ms). */
  pollIntervalMs?: number;
}

/** Chooses the adapter from configuration: embedded SQLite unless a KurrentDB URL is given. */
export function createEventStorage(config: EventStorageConfig): EventStorage {
  const url = config.kurrentdbUrl?.trim();
  if (url) return new KurrentDbEventStorage({ connectionString: url });
  return new SqliteEventStorage({ file: join(config.dataDir, 'events.db'), synchronous: config.synchronous, pollIntervalMs: config.pollIntervalMs });
}

/** The application's event store over the configured storage. */
export function createEventStore(config: EventStorageConfig, options?: ChainedEventStoreOptions): ChainedEventStore {
  return new ChainedEventStore(createEventStorage(config), options);
}
