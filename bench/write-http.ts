/**
 * The HTTP parts of `npm run bench:write`, against the built API (`dist/apps/api/src/main.js`, as `npm start` runs it:
 * embedded SQLite, projector in the process, no demo, silent log, rate limits raised) and, as its floor, the bare
 * Fastify route of write-bare-fastify.ts in its own Node process.
 *  - `POST /organizations` with autocannon at 1 and 32 connections for BENCH_HTTP_SECONDS each (after a short warm-up),
 *    every request with its own Idempotency-Key and organisation name: writes/s = 2xx answers / seconds.
 *  - One open webinar (no capacity limit) filled to BENCH_REGISTRATIONS registrations by 16 clients, each person
 *    inline (`person: { name, email }`, a new e-mail each); the completion time of each is kept, so the rate of the
 *    first and the last window (1,000 at scale 1) compare; then `/health` gives the projector's lag (head of the log
 *    against the views' position), and the bench waits (up to BENCH_CATCHUP_SECONDS) for the projector to catch up.
 *  - `RegisterParticipant` latency, one client, caught-up projector: BENCH_SAMPLES registrations into the full webinar
 *    (~10,000) interleaved with as many into a fresh webinar that has 10 (~10), so both see the same log and process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const KEY = 'bench-write-office-key-0123456789abcdef';
const dist = join(__dirname, '..');

export interface Server {
  child: ChildProcess;
  port: number;
}

async function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const deadline = Date.now() + 120_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${script} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${script} stopped (${code ?? signal}):\n${output.slice(-3000)}`);
  });
  return child;
}

export async function startApi(dataDir: string, port: number): Promise<Server> {
  const child = await startProcess(
    join(dist, 'apps', 'api', 'src', 'main.js'),
    {
      KUHINA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      KURRENTDB_URL: '',
      MONGODB_URL: '',
      KUHINA_DEMO: '0',
      KUHINA_LOG_LEVEL: 'silent',
      KUHINA_API_KEYS: `office:backoffice:${KEY}`,
      KUHINA_RATE_LIMIT_EXPENSIVE: '1000000',
      KUHINA_RATE_LIMIT_READER: '1000000',
      KUHINA_RATE_LIMIT_BACKOFFICE: '1000000',
    },
    'Kuhina is listening',
  );
  return { child, port };
}

export async function startBare(file: string, port: number): Promise<Server> {
  return { child: await startProcess(join(dist, 'bench', 'write-bare-fastify.js'), { BENCH_DB: file, PORT: String(port) }, 'bare listening'), port };
}

export async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

/** Peak resident set (VmHWM) of a running process, in MiB. */
export function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

let organizations = 0;

export interface HttpRate {
  perSecond: number;
  non2xx: number;
  errors: number;
}

/** `POST /organizations` for `seconds` with `connections` connections; 2xx answers per second. */
export async function postOrganizations(port: number, connections: number, seconds: number): Promise<HttpRate> {
  const tag = randomUUID().slice(0, 8);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/organizations`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ name: `Penkki ${tag} ${++organizations} Oy`, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' }),
        }),
      },
    ],
  });
  return { perSecond: result['2xx'] / result.duration, non2xx: result.non2xx, errors: result.errors };
}

async function call<T>(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${KEY}` };
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': randomUUID() });
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as T };
    } catch (error) {
      if (attempt >= 5) throw error; // a connection reset: tried again with the same headers (the same Idempotency-Key)
    }
  }
}

const WEBINAR = {
  title: 'Työpaja 5: Validointikehikko (webinaari, penkki)',
  theme: 'The social-innovation validation framework',
  method: 'Webinar: a presentation and questions',
  kind: 'co-development',
  format: 'webinar',
  location: null,
  startsAt: '2023-10-24T13:00:00+03:00',
  endsAt: '2023-10-24T15:00:00+03:00',
  targetGroups: ['social enterprises'],
  access: 'open',
  capacity: null,
};

export async function openWebinar(port: number): Promise<string> {
  const planned = await call<{ id: string }>(port, 'POST', '/workshops', WEBINAR);
  if (planned.status !== 201) throw new Error(`POST /workshops answered ${planned.status}: ${JSON.stringify(planned.body)}`);
  const opened = await call(port, 'POST', `/workshops/${planned.body.id}/registration/open`, {});
  if (opened.status !== 200) throw new Error(`opening registration answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  return planned.body.id;
}

let people = 0;
const run = randomUUID().slice(0, 8);

/** Registrations answered 409 STREAM.CONCURRENT_WRITE ("try again") and tried again, as a client should. */
export let concurrentWriteRetries = 0;
/** The most attempts one registration needed. */
export let mostAttempts = 0;

/**
 * One inline registration (tried again after a 409 STREAM.CONCURRENT_WRITE, up to 1,000 times, after a random pause of up
 * to 5 ms × the attempt, at most 100 ms); its latency in ms, retries included.
 */
export async function register(port: number, workshopId: string): Promise<number> {
  const n = ++people;
  const started = process.hrtime.bigint();
  const body = { person: { name: `Osallistuja ${n}`, email: `osallistuja.${run}.${n}@example.org` }, attendanceMode: 'remote' };
  for (let attempt = 1; ; attempt++) {
    const answer = await call<{ status: string; code?: string }>(port, 'POST', `/workshops/${workshopId}/registrations`, body);
    if (answer.status === 201 && answer.body.status === 'registered') {
      mostAttempts = Math.max(mostAttempts, attempt);
      break;
    }
    if (answer.status === 409 && answer.body.code === 'STREAM.CONCURRENT_WRITE' && attempt < 1000) {
      concurrentWriteRetries += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt))); // backing off, with jitter
      continue;
    }
    throw new Error(`registration answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * `count` registrations by `clients` clients at once, no new one started after `maxMs`; the time (ms since the start)
 * each one completed, in order.
 */
export async function fill(port: number, workshopId: string, count: number, clients: number, maxMs: number, onProgress: (done: number) => void): Promise<number[]> {
  const done: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < count && performance.now() - started < maxMs) {
        await register(port, workshopId);
        done.push(performance.now() - started);
        if (done.length % 500 === 0) onProgress(done.length);
      }
    }),
  );
  return done;
}

export interface Lag {
  head: bigint;
  views: bigint;
}

/** The head of the log and the views' position, from `/health` (the read-model indicator reports both). */
export async function projectorLag(port: number): Promise<Lag> {
  const health = await call<unknown>(port, 'GET', '/health');
  const find = (node: unknown): Lag | null => {
    if (typeof node !== 'object' || node === null) return null;
    const record = node as Record<string, unknown>;
    if (typeof record.headPosition === 'string' && 'position' in record) return { head: BigInt(record.headPosition), views: BigInt(typeof record.position === 'string' ? record.position : 0) };
    for (const value of Object.values(record)) {
      const lag = find(value);
      if (lag) return lag;
    }
    return null;
  };
  const lag = find(health.body);
  if (!lag) throw new Error(`no projector position in /health: ${JSON.stringify(health.body)}`);
  return lag;
}
