import { join } from 'node:path';
import type { ReadStore } from '../read-store.port';
import { MongoReadStore } from './mongodb-read-store';
import { SqliteReadStore } from './sqlite-read-store';

export interface ReadStoreConfig {
  /** When set (e.g. from MONGODB_URL), views live in MongoDB; otherwise in `<dataDir>/views.db`. */
  mongodbUrl?: string;
  dataDir: string;
  /** SQLite only; see SqliteReadStoreOptions. */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Chooses the adapter from configuration: embedded SQLite unless a MongoDB URL is given. */
export function createReadStore(config: ReadStoreConfig): ReadStore {
  const url = config.mongodbUrl?.trim();
  if (url) return new MongoReadStore({ url });
  return new SqliteReadStore({ file: join(config.dataDir, 'views.db'), synchronous: config.synchronous });
}
