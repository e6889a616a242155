/**
 * npm run bench:fair-share — a back-office write's latency while 20 auditors verify the log at once, against its idle
 * latency measured in the same run (issue 16 aim: within 3×).
 * 1. Starts the built API (`dist/apps/api/src/main.js`, as `npm start` does) on the demo chain, adds BENCH_SEALS seals
 *    (default 300, as in the review that found the stall) so that one verification takes a few hundred ms.
 * 2. Idle: BENCH_WRITES sequential `POST /organizations` (default 60). Loaded: as many, for at least BENCH_LOADED_MS
 *    (default 12 s), while 20 auditors, each with its
 *    own key, verify in a loop (a refused one — 503 SERVER.BUSY — comes back after its Retry-After).
 * 3. Does both with the read workers (the default) and with KUHINA_READ_WORKERS=0 (everything on the event loop, as
 *    before), and prints p50/p95 and the loaded/idle ratios. Rate limits are raised so that only the workers are measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const main = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const OFFICE = 'bench-office-key-0123456789abcdef';
const AUDITORS = Array.from({ length: 20 }, (_, i) => `bench-auditor-${String(i).padStart(2, '0')}-key-0123456789`);
const SEALS = Number(process.env.BENCH_SEALS ?? 300);
const WRITES = Number(process.env.BENCH_WRITES ?? 60);
/** The loaded phase lasts at least this long: refused auditors come back (Retry-After 5 s) within it. */
const LOADED_MS = Number(process.env.BENCH_LOADED_MS ?? 12_000);

interface Run {
  label: string;
  idle: number[];
  loaded: number[];
  verified: number;
  busy: number;
  resets: number;
}

async function startApi(dataDir: string, port: number, readWorkers: string | undefined): Promise<ChildProcess> {
  const keys = [`office:backoffice:${OFFICE}`, ...AUDITORS.map((key, i) => `auditor${i}:auditor:${key}`)].join(',');
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      KUHINA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      KURRENTDB_URL: '',
      MONGODB_URL: '',
      KUHINA_DEMO: '1',
      KUHINA_LOG_LEVEL: 'silent',
      KUHINA_API_KEYS: keys,
      KUHINA_RATE_LIMIT_EXPENSIVE: '1000000',
      KUHINA_RATE_LIMIT_READER: '1000000',
      KUHINA_RATE_LIMIT_BACKOFFICE: '1000000',
      ...(readWorkers === undefined ? {} : { KUHINA_READ_WORKERS: readWorkers }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Kuhina is listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`the API stopped (${code ?? signal}):\n${output.slice(-3000)}`);
  });
  return child;
}

/**
 * One request; a connection the server reset (a keep-alive timer that fired late on a blocked event loop) is tried
 * again, with the same Idempotency-Key for a write, and counted.
 */
let resets = 0;
async function call(port: number, method: string, path: string, key: string, body?: unknown): Promise<Response> {
  const headers = { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }) };
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      if (attempt >= 5) throw error;
      resets += 1;
    }
  }
}

/** Sequential writes: at least `count`, and for at least `forMs` (the loaded phase lasts past the auditors' retries). */
async function writes(port: number, count: number, tag: string, forMs = 0): Promise<number[]> {
  const latencies: number[] = [];
  const until = Date.now() + forMs;
  for (let i = 0; i < count || Date.now() < until; i++) {
    const started = process.hrtime.bigint();
    const response = await call(port, 'POST', '/organizations', OFFICE, { name: `Penkki ${tag} ${i} Oy`, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`write answered ${response.status}`);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return latencies;
}

async function measure(label: string, port: number, readWorkers: string | undefined): Promise<Run> {
  console.log(`… ${label}`);
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-fair-'));
  const api = await startApi(dir, port, readWorkers);
  try {
    for (let i = 0; i < SEALS; i++) await (await call(port, 'POST', '/audit/seals', OFFICE, {})).arrayBuffer();
    const warm = await call(port, 'GET', '/audit/verify', AUDITORS[0]!);
    if (warm.status !== 200) throw new Error(`verify answered ${warm.status}`);
    await warm.arrayBuffer();
    await writes(port, 10, `${label}-warm`);
    const idle = await writes(port, WRITES, `${label}-idle`);

    resets = 0;
    let running = true;
    let verified = 0;
    let busy = 0;
    const crowd = AUDITORS.map(async (key) => {
      while (running) {
        const response = await call(port, 'GET', '/audit/verify', key);
        await response.arrayBuffer();
        if (response.status === 200) verified += 1;
        else if (response.status === 503) {
          // As a client should: come back when Retry-After says (the auditor's tool, not a tight loop; a tight loop is
          // what the per-key limit on expensive reads answers with 429).
          busy += 1;
          const after = Number(response.headers.get('retry-after') ?? 1);
          for (const until = Date.now() + after * 1000; running && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
        } else throw new Error(`verify answered ${response.status}`);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the crowd is at it before the first write
    const loaded = await writes(port, WRITES, `${label}-loaded`, LOADED_MS);
    running = false;
    await Promise.all(crowd);
    return { label, idle, loaded, verified, busy, resets };
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main_(): Promise<void> {
  const port = 41_000 + (process.pid % 1000);
  console.log(`fair share: ${WRITES} back-office writes idle and while 20 auditors verify (demo chain + ${SEALS} seals)`);
  const runs = [await measure('read workers (default)', port, undefined)];
  if (process.env.BENCH_SKIP_INLINE !== '1') runs.push(await measure('no workers (KUHINA_READ_WORKERS=0)', port + 1, '0'));
  const rows = runs.map((run) => ({
    setup: run.label,
    'idle p50 ms': percentile(run.idle, 50).toFixed(1),
    'idle p95 ms': percentile(run.idle, 95).toFixed(1),
    'loaded p50 ms': percentile(run.loaded, 50).toFixed(1),
    'loaded p95 ms': percentile(run.loaded, 95).toFixed(1),
    'ratio p50': (percentile(run.loaded, 50) / percentile(run.idle, 50)).toFixed(2),
    'ratio p95': (percentile(run.loaded, 95) / percentile(run.idle, 95)).toFixed(2),
    'verifications served': run.verified,
    '503 busy': run.busy,
    'connections reset': run.resets,
  }));
  console.table(rows);
  const ours = rows[0]!;
  const met = Number(ours['ratio p50']) <= 3 && Number(ours['ratio p95']) <= 3;
  console.log(`aim: a write while 20 auditors verify within 3× its idle latency — p50 ratio ${ours['ratio p50']}, p95 ratio ${ours['ratio p95']} ${met ? '(met)' : '(NOT met)'}`);
}

main_().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
