import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Issue 16, point 5: the keys apart from the data they protect, and every file of the data folder the owner's only.
// Runs the built API exactly as `npm start` does.
const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');
const OFFICE = 'office-key-0123456789abcdef';
const posix = process.platform !== 'win32';
const mode = (path: string): number => statSync(path).mode & 0o777;

interface Started {
  child: ChildProcess;
  output: () => string;
}

function launch(dataDir: string, port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      KUHINA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      KURRENTDB_URL: '',
      MONGODB_URL: '',
      KUHINA_DEMO: '0',
      KUHINA_API_KEYS: `office:backoffice:${OFFICE}`,
      KUHINA_SECRETS_FILE: '',
      KUHINA_MASTER_KEY: undefined,
      KUHINA_BLIND_INDEX_KEY: undefined,
      KUHINA_PSEUDONYM_KEY: undefined,
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function start(dataDir: string, port: number, env: Record<string, string> = {}): Promise<Started> {
  const started = launch(dataDir, port, env);
  const deadline = Date.now() + 30_000;
  while (!started.output().includes('Kuhina is listening')) {
    if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`API did not start:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The banner's last lines come right after "listening"; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return started;
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe('secrets apart from the data, files for the owner only (npm start)', () => {
  let root: string;
  const port = 39_000 + (process.pid % 1000);
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'kuhina-secrets-e2e-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('on the embedded default says plainly that it generated the keys beside the data, and what to do in production', async () => {
    const data = join(root, 'data');

    const first = await start(data, port);
    await stop(first.child);
    const second = await start(data, port);
    await stop(second.child);

    expect(first.output()).toContain(
      `WARNING: Generated secrets into ${join(data, 'secrets.json')} beside the data: anyone with a copy of this folder can decrypt personal data. In production set KUHINA_SECRETS_FILE (outside the data folder)`,
    );
    // Not only the first time: the keys are still beside the data on every later start.
    expect(second.output()).toContain(`WARNING: Secrets are read from ${join(data, 'secrets.json')} beside the data`);
  }, 60_000);

  (posix ? it : it.skip)('tightens a pre-existing 0755 folder and 0644 files to 0700/0600 at start, -wal/-shm included, and logs it', async () => {
    const data = join(root, 'data');
    const placeholderUsers = { KUHINA_API_KEYS: '' }; // so api-users.json is written too
    const first = await start(data, port, placeholderUsers);
    await stop(first.child);
    mkdirSync(join(data, 'extra'));
    chmodSync(data, 0o755);
    chmodSync(join(data, 'extra'), 0o755);
    const files = readdirSync(data).filter((name) => name !== 'extra');
    expect(files).toEqual(expect.arrayContaining(['events.db', 'views.db', 'keys.db', 'secrets.json', 'api-users.json']));
    for (const name of files) chmodSync(join(data, name), 0o644);

    const second = await start(data, port, placeholderUsers);
    const whileRunning = readdirSync(data).map((name) => [name, mode(join(data, name))] as const);
    await stop(second.child);

    expect(second.output()).toContain(`Restricted to its owner: ${data}: 0755 → 0700`);
    expect(second.output()).toContain(`Restricted to its owner: ${join(data, 'events.db')}: 0644 → 0600`);
    expect(mode(data)).toBe(0o700);
    expect(whileRunning.map(([name]) => name)).toEqual(expect.arrayContaining(['events.db-wal', 'views.db-wal', 'keys.db-wal']));
    for (const [name, fileMode] of whileRunning) expect([name, fileMode]).toEqual([name, name === 'extra' ? 0o700 : 0o600]);
  }, 60_000);

  it('with KUHINA_SECRETS_FILE writes no secrets.json into the data folder, warns of nothing, and personal data decrypts across a restart', async () => {
    const data = join(root, 'data');
    const keys = join(root, 'keys');
    mkdirSync(keys, { mode: 0o700 });
    const secretsFile = join(keys, 'kuhina-secrets.json');
    const b64 = (): string => randomBytes(32).toString('base64');
    writeFileSync(secretsFile, JSON.stringify({ masterKey: b64(), blindIndexKey: b64(), pseudonymKey: b64() }), { mode: 0o600 });
    const env = { KUHINA_SECRETS_FILE: secretsFile };
    const headers = { authorization: `Bearer ${OFFICE}`, 'content-type': 'application/json' };

    const first = await start(data, port, env);
    const created = await fetch(`http://127.0.0.1:${port}/people`, { method: 'POST', headers, body: JSON.stringify({ name: 'Aino Apart', email: 'aino.apart@example.org' }) });
    const { id } = (await created.json()) as { id: string };
    await stop(first.child);
    const second = await start(data, port, env);
    const read = await fetch(`http://127.0.0.1:${port}/people/${id}`, { headers });
    const person = await read.text();
    await stop(second.child);

    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(person).toContain('Aino Apart');
    expect(existsSync(join(data, 'secrets.json'))).toBe(false);
    expect(first.output()).toContain(`secrets:   ${secretsFile} (KUHINA_SECRETS_FILE), apart from the data`);
    expect(first.output() + second.output()).not.toContain('WARNING');
  }, 60_000);

  it('refuses a KUHINA_SECRETS_FILE inside the data folder at start, with a configuration error and no store opened', async () => {
    const data = join(root, 'data');
    mkdirSync(data, { mode: 0o700 });
    const inside = join(data, 'secrets.json');
    writeFileSync(inside, '{}', { mode: 0o600 });

    const refused = launch(data, port, { KUHINA_SECRETS_FILE: inside });
    const [code] = (await once(refused.child, 'exit')) as [number | null];

    expect(code).toBe(1);
    expect(refused.output()).toContain(`Configuration error: KUHINA_SECRETS_FILE ${inside} lies inside the data folder ${data}`);
    expect(readdirSync(data)).toEqual(['secrets.json']);
  }, 30_000);
});
