/**
 * npm run bench:rebuild — the read side's rebuild speed against the limit set by the event store itself.
 * 1. Generates a synthetic history of ~1,000,000 events (100 chains, 5,000 workshops, 200,000 people) into a temporary store.
 * 2. In a fresh child process (so its peak RSS is the rebuild's own): reads the whole log raw (the limit), then rebuilds
 *    every projection from scratch as `kuhina projections rebuild` does (side by side, timed up to the switch), and
 *    reports events/s, their ratio and the peak RSS.
 *    Both read the log in the same pages (see rebuild.worker.ts); the rebuild commits 20,000 events per unit of work.
 * 3. Two bounds, the same rebuild into a store that keeps nothing (bench/discarding-read-store.ts): with a free commit,
 *    and with nothing but reading and projecting. No store or commit strategy can beat them.
 * 4. A third: the projections split in two halves rebuilt by two processes at once (rebuild-half.worker.ts), what
 *    spreading the rebuild over this machine's cores could reach.
 * Aim (issue 4): rebuild ≥ 0.5 × raw read speed, peak RSS < 1 GiB.
 * BENCH_SCALE=0.1 runs a tenth of the history; BENCH_PROJECTIONS=1 also prints µs per event of each projection
 * (routing and apply, timed one call at a time: that run's rebuild figure is a little slower than a plain one).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeBenchmarkLog } from './synthetic-log';

/**
 * Both halves of the projections rebuilt side by side by two processes (rebuild-half.worker.ts), each into its own
 * views file: the wall time is what spreading a rebuild over this machine's cores could reach at best (each process
 * still reads the log; merging the two files, which a real split would need, is not counted).
 */
async function splitRebuildSeconds(dir: string): Promise<{ wallSeconds: number; halves: Array<{ half: string; seconds: number }> }> {
  const start = performance.now();
  const outputs = await Promise.all(
    ['first', 'second'].map((half) => promisify(execFile)(process.execPath, [join(__dirname, 'rebuild-half.worker.js'), dir, half, join(dir, `views-${half}.db`)], { encoding: 'utf8' })),
  );
  const wallSeconds = (performance.now() - start) / 1000;
  return { wallSeconds, halves: outputs.map(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as { half: string; seconds: number }) };
}

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-rebuild-'));
  try {
    const { storage, events, seconds } = await writeBenchmarkLog(dir, scale);
    await storage.close();
    console.log(`generated ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s`);

    const output = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'rebuild.worker.js'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const result = JSON.parse(output.trim().split('\n').pop()!) as {
      rawEventsPerSecond: number;
      rebuildEventsPerSecond: number;
      events: number;
      handled: number;
      oneProjection: string;
      oneHandled: number;
      oneSeconds: number;
      rawSeconds: number;
      rebuildSeconds: number;
      stagedOnlySeconds: number;
      projectOnlySeconds: number;
      peakRssMiB: number;
      perProjection: Array<{ name: string; keysOfMicrosPerEvent: number; applyMicrosPerEvent: number; applies: number }>;
    };
    const split = await splitRebuildSeconds(dir);
    const ratio = result.rebuildEventsPerSecond / result.rawEventsPerSecond;
    const eps = (seconds: number): string => `${Math.round(result.events / seconds).toLocaleString('en')} events/s`;
    const rows = [
      ['raw read of the whole log (limit)', `${Math.round(result.rawEventsPerSecond).toLocaleString('en')} events/s`, `${result.rawSeconds.toFixed(1)} s`, '1.00'],
      ['rebuild of all projections', `${Math.round(result.rebuildEventsPerSecond).toLocaleString('en')} events/s`, `${result.rebuildSeconds.toFixed(1)} s`, ratio.toFixed(2)],
      ['bound: rebuild with a commit that costs nothing (views staged as JSON, then dropped)', eps(result.stagedOnlySeconds), `${result.stagedOnlySeconds.toFixed(1)} s`, (result.rawSeconds / result.stagedOnlySeconds).toFixed(2)],
      ['bound: reading and projecting only (nothing staged or written)', eps(result.projectOnlySeconds), `${result.projectOnlySeconds.toFixed(1)} s`, (result.rawSeconds / result.projectOnlySeconds).toFixed(2)],
      [
        `bound: two processes side by side, half of the projections each into its own file (${split.halves.map((h) => `${h.half} ${h.seconds.toFixed(1)} s`).join(', ')}; no merge)`,
        eps(split.wallSeconds),
        `${split.wallSeconds.toFixed(1)} s`,
        (result.rawSeconds / split.wallSeconds).toFixed(2),
      ],
      [
        `rebuild of one projection, ${result.oneProjection} (${result.oneHandled.toLocaleString('en')} events of its types; the others at the head)`,
        eps(result.oneSeconds),
        `${result.oneSeconds.toFixed(2)} s`,
        (result.rawSeconds / result.oneSeconds).toFixed(2),
      ],
      ['peak RSS of the rebuild process', `${result.peakRssMiB.toFixed(0)} MiB`, '', `${(result.peakRssMiB / 1024).toFixed(2)} of 1 GiB`],
    ];
    console.log(`\nRebuild benchmark: ${result.events.toLocaleString('en')} events (SQLite event store → SQLite read store)`);
    console.log(
      `(speeds are events of the whole log per second; the store hands the rebuild only the ${result.handled.toLocaleString('en')} events of its projections' types, the raw read takes every event)`,
    );
    console.log('| measure | speed | time | ratio to the limit |');
    console.log('|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('(bounds: the same projector into a store that keeps nothing; a document not carried from the previous batch starts empty, so they do at most the real work)');
    console.log(`\naim: ratio ≥ 0.50 (${ratio >= 0.5 ? 'met' : 'NOT met'}), peak RSS < 1024 MiB (${result.peakRssMiB < 1024 ? 'met' : 'NOT met'})`);
    if (result.perProjection.length > 0) {
      console.log('\n| projection | routing µs/event | apply µs/event | applies |');
      console.log('|---|---|---|---|');
      for (const p of result.perProjection) console.log(`| ${p.name} | ${p.keysOfMicrosPerEvent.toFixed(2)} | ${p.applyMicrosPerEvent.toFixed(2)} | ${p.applies.toLocaleString('en')} |`);
      console.log('(µs per event of the whole log, so the rows add up to the projections\' share of the rebuild)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
