import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_CHAIN_ID } from '@kuhina/application';

// `kuhina projections rebuild` while the API (with its own embedded projector) is serving: the API keeps answering from
// the complete views (the rebuild builds beside them and switches at the end), and its projector carries on from the
// rebuilt checkpoints afterwards.
const root = join(__dirname, '..');
const run = promisify(execFile);

describe('projections rebuild while the API serves', () => {
  let dir: string;
  let api: ChildProcess;
  const port = 39_000 + (process.pid % 1000);
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const key = 'rebuild-office-key-0123456789';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-rebuild-'));
    api = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { env: { ...process.env, KUHINA_DATA_DIR: dir, PORT: String(port), KURRENTDB_URL: '', MONGODB_URL: '', KUHINA_LOG_LEVEL: 'silent', KUHINA_API_KEYS: `office:backoffice:${key}` } });
    let output = '';
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (const deadline = Date.now() + 30_000; !output.includes('Kuhina is listening'); ) {
      if (Date.now() > deadline || api.exitCode !== null) throw new Error(output);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 60_000);

  afterAll(async () => {
    const exited = once(api, 'exit');
    api.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the complete views during the rebuild (built beside them, then switched to), then follows new writes again', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const health = (await (await fetch(url('/health'))).json()) as { details: { eventStore: { headPosition: string } } };
    const head = health.details.eventStore.headPosition;
    const chainUrl = url(`/chains/${DEMO_CHAIN_ID}`);
    const before = await (await fetch(chainUrl, { headers })).text();
    const answers: Array<{ status: number; body: string }> = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const response = await fetch(chainUrl, { headers });
        answers.push({ status: response.status, body: await response.text() });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    // One event per unit of work: the rebuild takes hundreds of commits, during which the API is asked again and again.
    const rebuilding = run(process.execPath, [join(root, 'bin', 'kuhina'), '--data-dir', dir, 'projections', 'rebuild', '--batch-size', '1'], { env: { ...process.env, KURRENTDB_URL: '' } });
    // A write while it runs: the API's projector shows it (it is not held up by the rebuild, nor stuck after its switch).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = (await (
      await fetch(url('/organizations'), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Satakunnan ammattikorkeakoulu', sector: 'higher-education' }) })
    ).json()) as { id: string; position: string };
    const rebuild = await rebuilding;
    polling = false;
    await poller;
    const seen = await fetch(url(`/organizations?limit=200&consistentWith=${during.position}`), { headers });
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { items: Array<{ organizationId: string }> }).items.map((o) => o.organizationId)).toContain(during.id);

    expect(Number(/position (\d+)/.exec(rebuild.stdout)?.[1])).toBeGreaterThanOrEqual(Number(head));
    expect(answers.length).toBeGreaterThan(10);
    // Never a half-built chain: every answer is the whole demo chain, as before the rebuild.
    expect(answers.filter((answer) => answer.status !== 200 || answer.body !== before)).toEqual([]);
    const chain = (await (await fetch(url(`/chains/${DEMO_CHAIN_ID}?consistentWith=${head}`), { headers })).json()) as { workshops: unknown[] };
    expect(chain.workshops).toHaveLength(5);

    const written = (await (
      await fetch(url('/organizations'), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Porin Ohjaamo, Rauma office', sector: 'public-administration' }) })
    ).json()) as { id: string; position: string };
    const listed = await fetch(url(`/organizations?limit=200&consistentWith=${written.position}`), { headers });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: Array<{ organizationId: string }> }).items.map((o) => o.organizationId)).toContain(written.id);
  }, 120_000);
});
