import { resolve } from 'node:path';

/** Every setting of Kuhina; the same names as environment variables and as CLI flags (see README). */
export interface KuhinaConfig {
  dataDir: string;
  host: string;
  port: number;
  /** Unset: embedded SQLite event store in `dataDir`. */
  kurrentdbUrl?: string;
  /** Unset: embedded SQLite read store in `dataDir`. */
  mongodbUrl?: string;
  /** `name:role:key,...`; unset: keys generated into the data folder on first start. */
  apiKeys?: string;
  /** Load the 2023 demo chain on first start with an empty store. */
  demo: boolean;
  /** SQLite durability: FULL (default) fsyncs every commit. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** `embedded`: the API runs the projector itself; `external`: `kuhina projector` runs it in its own process. */
  projector: 'embedded' | 'external';
  /** Append an AuditSealed event every this many events, where the projector runs; 0: only on demand (`kuhina audit seal`). */
  sealEvery: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KuhinaConfig> = {}): KuhinaConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  const synchronous = (env.KUHINA_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new ConfigError(`KUHINA_SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${synchronous}"`);
  const demo = (env.KUHINA_DEMO ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(demo)) throw new ConfigError(`KUHINA_DEMO must be 1 or 0, got "${demo}"`);
  const projector = (env.KUHINA_PROJECTOR ?? 'embedded').trim();
  if (projector !== 'embedded' && projector !== 'external') throw new ConfigError(`KUHINA_PROJECTOR must be embedded or external, got "${projector}"`);
  const sealEvery = Number((env.KUHINA_SEAL_EVERY ?? '0').trim());
  if (!Number.isInteger(sealEvery) || sealEvery < 0) throw new ConfigError(`KUHINA_SEAL_EVERY must be a whole number of events (0: off), got "${env.KUHINA_SEAL_EVERY}"`);
  const config: KuhinaConfig = {
    dataDir: resolve(nonEmpty(env.KUHINA_DATA_DIR) ?? './data'),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    kurrentdbUrl: nonEmpty(env.KURRENTDB_URL),
    mongodbUrl: nonEmpty(env.MONGODB_URL),
    apiKeys: nonEmpty(env.KUHINA_API_KEYS),
    demo: demo === '1' || demo === 'true',
    sqliteSynchronous: synchronous,
    projector,
    sealEvery,
  };
  const merged = { ...config, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  if (overrides.dataDir) merged.dataDir = resolve(overrides.dataDir);
  return merged;
}
