import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, ensureDataDir, loadConfig } from './kuhina-config';

describe('loadConfig', () => {
  it('defaults to the embedded stores in ./data on 127.0.0.1:3000 with the demo', () => {
    const sut = loadConfig({});
    expect(sut).toEqual({
      dataDir: resolve('./data'),
      host: '127.0.0.1',
      port: 3000,
      kurrentdbUrl: undefined,
      mongodbUrl: undefined,
      apiKeys: undefined,
      demo: true,
      sqliteSynchronous: 'FULL',
      projector: 'embedded',
      sealEvery: 0,
      consistencyTimeoutMs: 5000,
      backdateMarginDays: 30,
    });
  });

  it('reads the environment and lets explicit overrides (CLI flags) win', () => {
    const sut = loadConfig(
      { KUHINA_DATA_DIR: '/tmp/k', PORT: '8080', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', KUHINA_DEMO: '0', KUHINA_SEAL_EVERY: '10000' },
      { port: 9090 },
    );
    expect(sut).toMatchObject({ dataDir: '/tmp/k', port: 9090, kurrentdbUrl: 'kurrentdb://localhost:2113?tls=false', demo: false, sealEvery: 10_000 });
    expect(loadConfig({ KUHINA_CONSISTENCY_TIMEOUT_MS: '250' }).consistencyTimeoutMs).toBe(250);
    expect(loadConfig({ KUHINA_BACKDATE_MARGIN_DAYS: '90' }).backdateMarginDays).toBe(90);
    expect(loadConfig({ KUHINA_BACKDATE_MARGIN_DAYS: '0' }).backdateMarginDays).toBe(0);
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
    expect(loadConfig({ PORT: ' ' }).port).toBe(3000);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'mongodb://mongo:27017/kuhina?replicaSet=rs0'],
    ['kurrentdb+discover://a:2113,b:2113', 'mongodb+srv://cluster0.example.net/kuhina'],
    ['esdb://localhost:2113?tls=false', 'mongodb://localhost'],
  ])('takes the connection strings the official clients take: %s, %s', (kurrentdb, mongodb) => {
    expect(loadConfig({ KURRENTDB_URL: kurrentdb, MONGODB_URL: mongodb })).toMatchObject({ kurrentdbUrl: kurrentdb, mongodbUrl: mongodb });
  });

  it('checks a connection string given as a flag too', () => {
    expect(() => loadConfig({}, { kurrentdbUrl: 'localhost:2113' })).toThrow(/--kurrentdb-url/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '1e3' }, /PORT/],
    [{ PORT: '0x50' }, /PORT/],
    [{ PORT: '65536' }, /PORT/],
    [{ KUHINA_SQLITE_SYNCHRONOUS: 'OFF' }, /KUHINA_SQLITE_SYNCHRONOUS/],
    [{ KUHINA_DEMO: 'maybe' }, /KUHINA_DEMO/],
    [{ KUHINA_PROJECTOR: 'sometimes' }, /KUHINA_PROJECTOR/],
    [{ KUHINA_SEAL_EVERY: '-5' }, /KUHINA_SEAL_EVERY/],
    [{ KUHINA_SEAL_EVERY: 'hourly' }, /KUHINA_SEAL_EVERY/],
    [{ KUHINA_CONSISTENCY_TIMEOUT_MS: 'soon' }, /KUHINA_CONSISTENCY_TIMEOUT_MS/],
    [{ KUHINA_BACKDATE_MARGIN_DAYS: 'a month' }, /KUHINA_BACKDATE_MARGIN_DAYS/],
    [{ KUHINA_BACKDATE_MARGIN_DAYS: '-1' }, /KUHINA_BACKDATE_MARGIN_DAYS/],
    [{ KUHINA_CONSISTENCY_TIMEOUT_MS: '-1' }, /KUHINA_CONSISTENCY_TIMEOUT_MS/],
    [{ KUHINA_CONSISTENCY_TIMEOUT_MS: '600001' }, /KUHINA_CONSISTENCY_TIMEOUT_MS/],
    [{ KURRENTDB_URL: 'localhost:2113' }, /KURRENTDB_URL/],
    [{ KURRENTDB_URL: 'mongodb://localhost:27017' }, /KURRENTDB_URL/],
    [{ MONGODB_URL: 'notaurl' }, /MONGODB_URL/],
    [{ MONGODB_URL: 'kurrentdb://localhost:2113' }, /MONGODB_URL/],
  ])('refuses a bad value %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('ensureDataDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kuhina-datadir-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a missing folder, nested, readable and writable by its owner only', () => {
    const dataDir = join(dir, 'a', 'b');
    ensureDataDir({ dataDir });
    expect(statSync(dataDir).isDirectory()).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('refuses a path through a file with a ConfigError naming the folder and the setting', () => {
    writeFileSync(join(dir, 'file'), 'x');
    const dataDir = join(dir, 'file', 'data');
    expect(() => ensureDataDir({ dataDir })).toThrow(ConfigError);
    expect(() => ensureDataDir({ dataDir })).toThrow(`the data folder ${dataDir} (KUHINA_DATA_DIR, --data-dir) cannot be used: ENOTDIR`);
  });

  (process.platform === 'win32' ? it.skip : it)('tightens a pre-existing 0755 folder, its subfolders and 0644 files to 0700/0600, and logs each change', () => {
    const dataDir = join(dir, 'data');
    mkdirSync(join(dataDir, 'rebuild'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'rebuild'), 0o755);
    for (const name of ['events.db', 'events.db-wal', 'events.db-shm', 'views.db', 'idempotency.db', 'keys.db', 'secrets.json', 'api-users.json', 'projector.lock']) {
      writeFileSync(join(dataDir, name), '');
      chmodSync(join(dataDir, name), 0o644);
    }
    const log: string[] = [];

    ensureDataDir({ dataDir }, (line) => log.push(line));

    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'rebuild')).mode & 0o777).toBe(0o700);
    for (const name of ['events.db', 'events.db-wal', 'events.db-shm', 'views.db', 'idempotency.db', 'keys.db', 'secrets.json', 'api-users.json', 'projector.lock']) {
      expect(statSync(join(dataDir, name)).mode & 0o777).toBe(0o600);
    }
    expect(log).toContain(`Restricted to its owner: ${join(dataDir, 'events.db')}: 0644 → 0600`);
    // From here on the process makes new files for its owner only, whatever umask it was started with.
    writeFileSync(join(dataDir, 'new.db'), '');
    expect(statSync(join(dataDir, 'new.db')).mode & 0o777).toBe(0o600);
  });

  it('refuses a KUHINA_SECRETS_FILE inside the data folder with a ConfigError, before any store opens', () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const secretsFile = join(dataDir, 'my-secrets.json');
    writeFileSync(secretsFile, '{}', { mode: 0o600 });

    expect(() => ensureDataDir({ dataDir, secretsFile })).toThrow(ConfigError);
    expect(() => ensureDataDir({ dataDir, secretsFile })).toThrow(`KUHINA_SECRETS_FILE ${secretsFile} lies inside the data folder ${dataDir}`);
  });

  it('reads KUHINA_SECRETS_FILE as an absolute path', () => {
    expect(loadConfig({ KUHINA_SECRETS_FILE: 'keys/kuhina.json' }).secretsFile).toBe(resolve('keys/kuhina.json'));
    expect(loadConfig({ KUHINA_SECRETS_FILE: ' ' }).secretsFile).toBeUndefined();
  });
});
