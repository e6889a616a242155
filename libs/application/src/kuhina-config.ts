import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage, restrictDataFolder } from '@kuhina/event-store';
import { checkSecretsFile } from '@kuhina/privacy';

/** Every setting of Kuhina; the same names as environment variables and as CLI flags (see README). */
export interface KuhinaConfig {
  dataDir: string;
  /**
   * A JSON file with masterKey, blindIndexKey and pseudonymKey, outside the data folder (production: a mounted secret).
   * Unset: secrets.json generated into the data folder, which the start-up banner warns about.
   */
  secretsFile?: string;
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
  /** How long a view read with `consistentWith` waits for the projector before answering 503 (ms). */
  consistencyTimeoutMs: number;
  /**
   * How far back (days) a write without `occurredAt` whose business date cannot be inferred may be dated by the
   * clock; beyond it the request must say when (422 BUSINESS_TIME.REQUIRED).
   */
  backdateMarginDays: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);

/** The schemes the official clients accept (esdb:// is KurrentDB's deprecated older name). */
const KURRENTDB_URL = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/;
const MONGODB_URL = /^mongodb(\+srv)?:\/\/\S+$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KuhinaConfig> = {}): KuhinaConfig {
  // Digits only (unset or blank: 3000, as for every setting): Number('1e3') would be 1000, Number('0x50') 80.
  const portText = nonEmpty(env.PORT) ?? '3000';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port <= 65535)) throw new ConfigError(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  const synchronous = (env.KUHINA_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new ConfigError(`KUHINA_SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${synchronous}"`);
  const demo = (env.KUHINA_DEMO ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(demo)) throw new ConfigError(`KUHINA_DEMO must be 1 or 0, got "${demo}"`);
  const projector = (env.KUHINA_PROJECTOR ?? 'embedded').trim();
  if (projector !== 'embedded' && projector !== 'external') throw new ConfigError(`KUHINA_PROJECTOR must be embedded or external, got "${projector}"`);
  const sealEvery = Number((env.KUHINA_SEAL_EVERY ?? '0').trim());
  if (!Number.isInteger(sealEvery) || sealEvery < 0) throw new ConfigError(`KUHINA_SEAL_EVERY must be a whole number of events (0: off), got "${env.KUHINA_SEAL_EVERY}"`);
  const consistency = (env.KUHINA_CONSISTENCY_TIMEOUT_MS ?? '5000').trim();
  const consistencyTimeoutMs = /^\d{1,6}$/.test(consistency) ? Number(consistency) : Number.NaN;
  // Read per request before: a typo (NaN) made every consistentWith read wait forever.
  if (!(consistencyTimeoutMs <= 600_000)) {
    throw new ConfigError(`KUHINA_CONSISTENCY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000, got "${env.KUHINA_CONSISTENCY_TIMEOUT_MS}"`);
  }
  const margin = (env.KUHINA_BACKDATE_MARGIN_DAYS ?? '30').trim();
  const backdateMarginDays = /^\d{1,5}$/.test(margin) ? Number(margin) : Number.NaN;
  if (Number.isNaN(backdateMarginDays)) throw new ConfigError(`KUHINA_BACKDATE_MARGIN_DAYS must be a whole number of days from 0 to 99999, got "${env.KUHINA_BACKDATE_MARGIN_DAYS}"`);
  const config: KuhinaConfig = {
    dataDir: resolve(nonEmpty(env.KUHINA_DATA_DIR) ?? './data'),
    secretsFile: nonEmpty(env.KUHINA_SECRETS_FILE) === undefined ? undefined : resolve(nonEmpty(env.KUHINA_SECRETS_FILE)!),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    kurrentdbUrl: nonEmpty(env.KURRENTDB_URL),
    mongodbUrl: nonEmpty(env.MONGODB_URL),
    apiKeys: nonEmpty(env.KUHINA_API_KEYS),
    demo: demo === '1' || demo === 'true',
    sqliteSynchronous: synchronous,
    projector,
    sealEvery,
    consistencyTimeoutMs,
    backdateMarginDays,
  };
  const merged = { ...config, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  if (overrides.dataDir) merged.dataDir = resolve(overrides.dataDir);
  // Caught here, with the setting named, rather than as a client's parse error deep in the start-up.
  if (merged.kurrentdbUrl !== undefined && !KURRENTDB_URL.test(merged.kurrentdbUrl)) {
    throw new ConfigError(`KURRENTDB_URL (--kurrentdb-url) must be a KurrentDB connection string such as kurrentdb://localhost:2113?tls=false, got "${merged.kurrentdbUrl}"`);
  }
  if (merged.mongodbUrl !== undefined && !MONGODB_URL.test(merged.mongodbUrl)) {
    throw new ConfigError(`MONGODB_URL (--mongodb-url) must be a MongoDB connection string such as mongodb://localhost:27017/kuhina?replicaSet=rs0, got "${merged.mongodbUrl}"`);
  }
  return merged;
}

/**
 * Creates the data folder if needed and checks that it can be read and written, before anything starts: a wrong
 * folder (a file's path, no permission) is then one line naming the setting, not a stack trace from whichever store
 * or key file happened to open first. Then makes it the owner's only, whatever existed before: the process umask
 * gains 077 (every file and folder Kuhina makes from here on is 0600/0700, SQLite's -wal/-shm and lock files
 * included), and a looser folder, subfolder or file already there is tightened and said (`log`, stderr by default,
 * so a command's output stays clean). A KUHINA_SECRETS_FILE that is missing, inside the folder or readable by others
 * is refused here, before a store opens. Answers the tightening notes.
 */
export function ensureDataDir(config: Pick<KuhinaConfig, 'dataDir'> & Partial<Pick<KuhinaConfig, 'secretsFile'>>, log: (line: string) => void = (line) => console.warn(line)): string[] {
  if (process.platform !== 'win32') {
    const previous = process.umask(0o077);
    process.umask(previous | 0o077);
  }
  let tightened: string[];
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    accessSync(config.dataDir, constants.R_OK | constants.W_OK);
    tightened = restrictDataFolder(config.dataDir);
  } catch (error) {
    throw new ConfigError(`the data folder ${config.dataDir} (KUHINA_DATA_DIR, --data-dir) cannot be used: ${errorMessage(error)}`);
  }
  for (const note of tightened) log(`Restricted to its owner: ${note}`);
  if (config.secretsFile !== undefined) {
    try {
      checkSecretsFile(config.secretsFile, config.dataDir);
    } catch (error) {
      throw new ConfigError(errorMessage(error));
    }
  }
  return tightened;
}
