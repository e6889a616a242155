/**
 * npm run bench:write — the write path against its floors, measured in one run (issue 17), printed as one table:
 * each row is a figure, the baseline measured in the same run, their ratio, and the aim (met / NOT met).
 * 1. Event store (write-store.ts): appends/s of `createEventStore` (ChainedEventStore over SqliteEventStorage),
 *    single-event appends to 100 streams, with 1 and with 100 appends in flight, against raw better-sqlite3 inserts at
 *    the same durability (WAL, synchronous=FULL, one transaction each, the log's table) — aim ≥ 0.7 × — and against
 *    Emmett's SQLite event store (`@event-driven-io/emmett-sqlite`, one append at a time: its file store cannot do more)
 *    — aim ≥ 2 ×. BENCH_APPENDS appends each (default 5,000), in BENCH_ROUNDS turns (default 5).
 * 1b. Views (write-views.ts): µs per live batch committed into a new views file against one with the 64 KiB pages of
 *    earlier versions, BENCH_VIEW_COMMITS each (default 3,000), in turns (no aim: why the page size changed).
 * 2. HTTP (write-http.ts): `POST /organizations` writes/s on the built API at 1 and 32 connections (autocannon,
 *    BENCH_HTTP_SECONDS each, default 10) against a bare Fastify route in its own Node process doing one durable
 *    better-sqlite3 insert per request (write-bare-fastify.ts), the two in turns — aim at 32 connections ≥ 0.5 ×.
 * 3. One webinar filled with BENCH_REGISTRATIONS inline registrations (default 10,000) by 16 clients, the projector
 *    running in the API: the rate of the last 1,000 against the first 1,000 — aim ≥ 0.8 — and the projector's lag
 *    (head of the log − views' position, from /health) when the last one is answered; then how long it took to catch up.
 *    A registration answered 409 STREAM.CONCURRENT_WRITE ("try again") is tried again after a short random pause, as a
 *    client would, and counted; no new one starts after BENCH_FILL_MAX_SECONDS (default 1,200): the row then says so.
 * 4. `RegisterParticipant` p50/p99 at ~10,000 registrations against ~10 (BENCH_SAMPLES each, default 200, one client,
 *    interleaved, after the catch-up) — aim ≤ 1.5 ×.
 * 5. The API's peak RSS over the whole run (VmHWM from /proc at the end; one API process serves parts 2–4).
 * BENCH_SCALE (default 1) scales the counts and seconds, e.g. BENCH_SCALE=0.05 for a quick run (the windows of part 3
 * are then a tenth of the registrations). Needs the build (`npm run build`); `npm run bench:write` does both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureStore } from './write-store';
import { measureViewsCommits } from './write-views';
import { concurrentWriteRetries, fill, mostAttempts, openWebinar, peakRssMiB, postOrganizations, projectorLag, register, startApi, startBare, stop, type HttpRate, type Lag } from './write-http';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (name: string, fallback: number, min: number): number => Math.max(min, Math.round(Number(process.env[name] ?? fallback * SCALE)));
const APPENDS = scaled('BENCH_APPENDS', 5_000, 50);
const VIEW_COMMITS = scaled('BENCH_VIEW_COMMITS', 3_000, 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HTTP_SECONDS = scaled('BENCH_HTTP_SECONDS', 10, 1);
const REGISTRATIONS = scaled('BENCH_REGISTRATIONS', 10_000, 100);
const WINDOW = Math.min(1_000, Math.floor(REGISTRATIONS / 10));
const SAMPLES = scaled('BENCH_SAMPLES', 200, 10);
const CATCHUP_SECONDS = Number(process.env.BENCH_CATCHUP_SECONDS ?? 600);
/** No new registration is started after this long: the fill stops short (and says so) rather than run for an hour. */
const FILL_MAX_SECONDS = Number(process.env.BENCH_FILL_MAX_SECONDS ?? 1200);
const CLIENTS = 16;

interface Row {
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  aim: string;
}

const rows: Row[] = [];
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const elapsed = (since: number): string => `${((performance.now() - since) / 1000).toFixed(0)} s`;
const log = (line: string): void => console.log(line);

/** A row with an aim on figure/baseline: `atLeast` (≥) or at most (≤). */
function row(what: string, figure: number | null, unit: string, baselineLabel: string, baseline: number | null, aim: number, atLeast: boolean, digits = 0): void {
  const ratio = figure === null || baseline === null ? null : figure / baseline;
  const met = ratio === null ? 'not measured' : (atLeast ? ratio >= aim : ratio <= aim) ? 'met' : 'NOT met';
  rows.push({
    what,
    figure: figure === null ? '–' : `${fmt(figure, digits)} ${unit}`,
    baseline: baseline === null ? `${baselineLabel}: –` : `${baselineLabel}: ${fmt(baseline, digits)} ${unit}`,
    // Three decimals where two would round onto the aim and hide which side of it the ratio is.
    ratio: ratio === null ? '–' : `${ratio.toFixed(Number(ratio.toFixed(2)) === aim ? 3 : 2)} ×`,
    aim: `${atLeast ? '≥' : '≤'} ${aim} × — ${met}`,
  });
}

function info(what: string, figure: string, baseline = '', ratio = ''): void {
  rows.push({ what, figure, baseline, ratio, aim: '(no aim)' });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** The bare route and the API take turns (bare 1, API 1, bare 32, API 32), after a warm-up of each. */
async function http(port: number, dir: string): Promise<void> {
  const bare = await startBare(join(dir, 'bare.db'), port + 1);
  const rates = new Map<string, HttpRate>();
  try {
    log(`… POST /organizations, bare Fastify route and API in turns: warm-up, then ${HTTP_SECONDS} s each at 1 and 32 connections`);
    for (const server of [bare.port, port]) await postOrganizations(server, 32, 2);
    for (const c of [1, 32]) {
      rates.set(`bare ${c}`, await postOrganizations(bare.port, c, HTTP_SECONDS));
      rates.set(`api ${c}`, await postOrganizations(port, c, HTTP_SECONDS));
    }
  } finally {
    await stop(bare);
  }
  for (const c of [1, 32]) {
    const api = rates.get(`api ${c}`)!;
    const floor = rates.get(`bare ${c}`)!;
    const failed = api.non2xx + api.errors > 0 ? ` (${api.non2xx} non-2xx, ${api.errors} errors)` : '';
    const what = `POST /organizations, ${c} connection${c === 1 ? '' : 's'}${failed}`;
    if (c === 32) row(what, api.perSecond, 'writes/s', 'bare Fastify + durable insert', floor.perSecond, 0.5, true);
    else info(what, `${fmt(api.perSecond)} writes/s`, `bare Fastify + durable insert: ${fmt(floor.perSecond)} writes/s`, `${(api.perSecond / floor.perSecond).toFixed(2)} ×`);
  }
}

async function registrations(port: number): Promise<void> {
  const big = await openWebinar(port);
  log(`… filling one webinar with ${fmt(REGISTRATIONS)} inline registrations, ${CLIENTS} clients`);
  const started = performance.now();
  const done = await fill(port, big, REGISTRATIONS, CLIENTS, FILL_MAX_SECONDS * 1000, (n) => log(`   ${fmt(n)} registered (${elapsed(started)}, ${fmt(concurrentWriteRetries)} 409 retries so far)`));
  const lag: Lag = await projectorLag(port);
  const retries = concurrentWriteRetries;
  const window = Math.max(1, Math.min(WINDOW, Math.floor(done.length / 2))); // a fill stopped short still compares two windows
  const firstRate = window / (done[window - 1]! / 1000);
  const lastRate = window / ((done[done.length - 1]! - done[done.length - 1 - window]!) / 1000);
  const short = done.length < REGISTRATIONS ? ` (STOPPED after ${FILL_MAX_SECONDS} s, aim was ${fmt(REGISTRATIONS)})` : '';
  row(`webinar fill, 16 clients: last ${fmt(window)} of ${fmt(done.length)}${short}`, lastRate, 'reg/s', `first ${fmt(window)}`, firstRate, 0.8, true, 1);
  const seconds = done[done.length - 1]! / 1000;
  info(`webinar fill: all ${fmt(done.length)}`, `${fmt(done.length / seconds, 1)} reg/s`, `${seconds.toFixed(1)} s; ${fmt(retries)} × 409 CONCURRENT_WRITE tried again, at most ${mostAttempts} attempt${mostAttempts === 1 ? '' : 's'} for one`);

  const caughtUp = performance.now();
  let now = lag;
  while (now.views < now.head && performance.now() - caughtUp < CATCHUP_SECONDS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    now = await projectorLag(port);
  }
  const behind = now.views < now.head ? `, still ${fmt(Number(now.head - now.views))} behind after ${CATCHUP_SECONDS} s` : `, caught up ${((performance.now() - caughtUp) / 1000).toFixed(1)} s later`;
  info('projector lag at the end of the fill', `${fmt(Number(lag.head - lag.views))} events`, `head ${lag.head}, views ${lag.views}${behind}`);

  log(`… RegisterParticipant latency: ${SAMPLES} at ~${fmt(REGISTRATIONS)} interleaved with ${SAMPLES} at ~10`);
  const small = await openWebinar(port);
  for (let i = 0; i < 10; i++) await register(port, small);
  const atSmall: number[] = [];
  const atBig: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    atSmall.push(await register(port, small));
    atBig.push(await register(port, big));
  }
  if (concurrentWriteRetries > retries) log(`   (${concurrentWriteRetries - retries} sequential registrations answered 409 and were tried again)`);
  for (const p of [50, 99]) {
    row(`RegisterParticipant p${p} at ~${fmt(done.length)} registrations`, percentile(atBig, p), 'ms', `at ~10`, percentile(atSmall, p), 1.5, false, 1);
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  const port = 43_000 + (process.pid % 1000) * 2;
  console.log(`write path: scale ${SCALE} (${fmt(APPENDS)} appends per store, ${HTTP_SECONDS} s per HTTP run, ${fmt(REGISTRATIONS)} registrations, ${SAMPLES} latency samples)`);

  const store = await measureStore(APPENDS, ROUNDS, log);
  row('event store appends, 1 in flight', store.oursSequential, 'appends/s', 'raw better-sqlite3', store.raw, 0.7, true);
  // The bound measured in the same run: what any hash-chained append must do beyond the raw insert, and ours against it.
  info('bound: raw + tail read + hash, 1 in flight', `${fmt(store.rawChained)} appends/s`, `raw better-sqlite3: ${fmt(store.raw)} appends/s`, `${(store.rawChained / store.raw).toFixed(2)} ×`);
  info('event store appends, 1 in flight, against the bound', `${fmt(store.oursSequential)} appends/s`, `raw + tail read + hash: ${fmt(store.rawChained)} appends/s`, `${(store.oursSequential / store.rawChained).toFixed(2)} ×`);
  row('event store appends, 100 in flight', store.oursConcurrent, 'appends/s', 'raw better-sqlite3', store.raw, 0.7, true);
  const emmettLabel = store.emmett === null ? `Emmett (failed: ${store.emmettError})` : `Emmett SQLite, 1 in flight (${store.emmettBusy} SQLITE_BUSY retried)`;
  row('event store appends, 1 in flight', store.oursSequential, 'appends/s', emmettLabel, store.emmett, 2, true);
  row('event store appends, 100 in flight', store.oursConcurrent, 'appends/s', emmettLabel, store.emmett, 2, true);

  const views = await measureViewsCommits(VIEW_COMMITS, ROUNDS, log);
  info('views: a live batch committed (3 documents, 14 checkpoints)', `${fmt(views.newFile)} µs`, `the same into a file of 64 KiB pages (before): ${fmt(views.largePages)} µs`, `${(views.newFile / views.largePages).toFixed(2)} ×`);

  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-write-'));
  const api = await startApi(join(dir, 'data'), port);
  try {
    await http(port, dir);
    await registrations(port);
    info('API peak RSS (VmHWM) over the run', `${fmt(peakRssMiB(api.child.pid!))} MiB`);
  } finally {
    await stop(api);
    rmSync(dir, { recursive: true, force: true });
  }
  console.table(rows);
  console.log(`(${elapsed(began)} in all)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
