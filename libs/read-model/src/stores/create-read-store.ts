import { join } from 'node:path';
import { AliasedReadStore } from './aliased-read-store';
import { MongoReadStore } from './mongodb-read-store';
import { SqliteReadStore } from './sqlite-read-store';

export interface ReadStoreConfig {
  /** When set (e.g. from MONGODB_URL), views live in MongoDB; otherwise in `<dataDir>/views.db`. */
  mongodbUrl?: string;
  dataDir: string;
  /** SQLite only; see SqliteReadStoreOptions. */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Chooses the adapter from configuration: embedded SQLite unless a MongoDB URL is given. Its collections can be switched
 * to rebuilt documents (`kuhina projections rebuild` builds them beside the live ones).
 */
export function createReadStore(config: ReadStoreConfig): AliasedReadStore {
  const url = config.mongodbUrl?.trim();
  if (url) return new AliasedReadStore(new MongoReadStore({ url }));
  return new AliasedReadStore(new SqliteReadStore({ file: join(config.dataDir, 'views.db'), synchronous: config.synchronous }));
}
