import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';

// Starts the built API exactly as `npm start` does, on a temporary data folder and a free port.
const main = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

const kuhina = join(__dirname, '..', 'bin', 'kuhina');

/** `npm start`'s program, or with `args` the CLI (`kuhina serve …`). */
async function start(dataDir: string, port: number, args?: string[], extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const env = { ...(args ? { ...process.env, KURRENTDB_URL: '' } : { ...process.env, KUHINA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', KURRENTDB_URL: '' }), ...extraEnv };
  const child = spawn(process.execPath, args ? [kuhina, ...args] : [main], { env });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Kuhina is listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('npm start: the API on the embedded default', () => {
  let dir: string;
  const port = 38_000 + (process.pid % 1000);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-api-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the demo on first start, serves /health, shuts down cleanly on SIGTERM, and keeps its data without reloading the demo on restart', async () => {
    const first = await start(dir, port);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const docs = await fetch(`http://127.0.0.1:${port}/docs`);
    const page = await fetch(`http://127.0.0.1:${port}/ui/network`);
    const body = (await health.json()) as { status: string; details: { eventStore: { status: string; headPosition: string } } };
    const exitCode = await stop(first.child);

    expect(first.output()).toContain('loading the 2023 demo chain');
    // A short banner, not Nest's ~140 lines of modules and routes (those are at debug level).
    const lines = first.output().split('\n').filter((line) => line.trim() !== '');
    const bannerEnd = lines.findIndex((line) => line.includes('demo:'));
    expect(first.output()).not.toContain('Mapped {');
    expect(bannerEnd).toBeGreaterThan(0);
    expect(bannerEnd).toBeLessThan(15);
    expect(first.output()).toContain(`http://127.0.0.1:${port}/docs`);
    expect(first.output()).toContain(`3 placeholder users created in ${join(dir, 'api-users.json')}`);
    expect(docs.status).toBe(200);
    expect(first.output()).toContain(`http://127.0.0.1:${port}/ui/network`);
    expect(page.status).toBe(200);
    expect(health.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Number(body.details.eventStore.headPosition)).toBeGreaterThan(500);
    expect(exitCode).toBe(0);
    const db = new Database(join(dir, 'events.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await start(dir, port);
    const again = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as typeof body;
    await stop(second.child);

    expect(second.output()).not.toContain('loading the 2023 demo chain');
    expect(again.details.eventStore.headPosition).toBe(body.details.eventStore.headPosition);
  }, 90_000);

  it('kuhina serve runs the same API with the CLI\'s flags, and stops cleanly on SIGTERM', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kuhina-serve-'));
    try {
      const served = await start(other, port + 1, ['--data-dir', other, 'serve', '--port', String(port + 1)], { KUHINA_LOG_LEVEL: 'debug' });
      const health = await fetch(`http://127.0.0.1:${port + 1}/health`);
      const exitCode = await stop(served.child);

      expect(served.output()).toContain(`Kuhina is listening on http://127.0.0.1:${port + 1}`);
      expect(served.output()).toContain(`data:      ${other}`);
      // At debug level Nest's route bookkeeping is there for whoever looks for a missing route.
      expect(served.output()).toContain('Mapped {/health, GET} route');
      expect(health.status).toBe(200);
      expect(exitCode).toBe(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);
});
