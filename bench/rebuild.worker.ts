/** Child of rebuild.bench: measures one raw read of the log and one full rebuild, in its own process. */
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { ChainedEventStore, SqliteEventStorage } from '@kuhina/event-store';
import { AliasedReadStore, PROJECTIONS, StoreLease, Projector, SqliteReadStore, rebuildSideBySide, type Projection, type ReadStore } from '@kuhina/read-model';
import { DiscardingReadStore } from './discarding-read-store';

/** Events the projector reads from the log at a time; the raw read uses the same page size. */
const PAGE_SIZE = 1000;
/** Events per unit of work of the rebuild: views and checkpoints committed once per batch. */
const BATCH_SIZE = 20_000;
/** A small projection, rebuilt alone after the full rebuild (the others at the head). */
const ONE_PROJECTION = 'chain-list';

interface ProjectionTime {
  name: string;
  keysOfMs: number;
  applyMs: number;
  applies: number;
}

/**
 * With BENCH_PROJECTIONS=1: each projection wrapped to time its routing and its apply (or project); costs a little
 * time of its own, so the rebuild figure of such a run is not the one to compare.
 */
function timed(projections: readonly Projection[]): { projections: Projection[]; times: ProjectionTime[] } {
  const times: ProjectionTime[] = [];
  const wrapped = projections.map((projection): Projection => {
    const time: ProjectionTime = { name: projection.name, keysOfMs: 0, applyMs: 0, applies: 0 };
    times.push(time);
    const change = <F extends (...args: never[]) => unknown>(fn: F): F =>
      ((...args: Parameters<F>) => {
        const t0 = performance.now();
        const result = fn(...args);
        time.applyMs += performance.now() - t0;
        time.applies++;
        return result;
      }) as F;
    return {
      ...projection,
      keysOf(event, lookup) {
        const t0 = performance.now();
        const keys = projection.keysOf(event, lookup);
        if (Array.isArray(keys)) {
          time.keysOfMs += performance.now() - t0;
          return keys;
        }
        return keys.then((resolved) => {
          time.keysOfMs += performance.now() - t0;
          return resolved;
        });
      },
      project: change(projection.project.bind(projection)),
      apply: projection.apply && change(projection.apply.bind(projection)),
    };
  });
  return { projections: wrapped, times };
}

async function main(dir: string): Promise<void> {
  const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const log = new ChainedEventStore(storage);
  const head = (await log.headPosition()) ?? 0n;

  // The limit: reading every event, in the projector's page size, doing nothing with it.
  let t0 = performance.now();
  let events = 0;
  for (let after: bigint | null = null; ; ) {
    const page = await log.readAll(after, PAGE_SIZE);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  const rawSeconds = (performance.now() - t0) / 1000;

  // As `kuhina projections rebuild` does it: beside the live views (none yet here), then switched to.
  const views = new AliasedReadStore(new SqliteReadStore({ file: join(dir, 'views.db') }));
  const lease = StoreLease.of(views, 'projector');
  const rebuildLease = StoreLease.of(views, 'rebuild');
  const bar = new SingleBar({ format: ' rebuilding |{bar}| {percentage}% | {eps} events/s | ETA {eta_formatted}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  const { projections, times } = process.env.BENCH_PROJECTIONS === '1' ? timed(PROJECTIONS) : { projections: PROJECTIONS, times: [] };
  bar.start(Number(head), 0, { eps: 0 });
  let done = 0;
  let switched = 0;
  t0 = performance.now();
  const rebuilt = await rebuildSideBySide({
    log,
    store: views,
    projections,
    names: projections.map((p) => p.name),
    lease,
    rebuildLease,
    batchSize: BATCH_SIZE,
    pageSize: PAGE_SIZE,
    graceMs: 0,
    onBatch: (p) => {
      done += p.events;
      bar.update(Number(p.position ?? 0n), { eps: Math.round(done / ((performance.now() - t0) / 1000)) });
    },
    onSwitched: () => (switched = performance.now()),
  });
  const handled = rebuilt.events;
  // Up to the switch, as the CLI reports it.
  const rebuildSeconds = (switched - t0) / 1000;
  bar.stop();
  // `kuhina projections rebuild chain-list` on the rebuilt views: the others stay at the head, so the store hands out
  // only chain-list's few types (the other 99 % of the log never leaves SQLite).
  const t1 = performance.now();
  const one = await rebuildSideBySide({ log, store: views, projections: PROJECTIONS, names: [ONE_PROJECTION], lease, rebuildLease, batchSize: BATCH_SIZE, pageSize: PAGE_SIZE, graceMs: 0, onSwitched: () => (switched = performance.now()) });
  const oneHandled = one.events;
  const oneSeconds = (switched - t1) / 1000;
  if (one.position !== head) throw new Error(`the ${ONE_PROJECTION} rebuild stopped at ${one.position}, the log's head is ${head}`);
  await views.close();
  // The store hands the projector only the events of its projections' types; it must still have reached the head.
  if (rebuilt.position !== head) throw new Error(`rebuild stopped at ${rebuilt.position}, the log's head is ${head}`);
  const ofTypes = PROJECTIONS.reduce((types, p) => new Set([...types, ...p.eventTypes]), new Set<string>());
  let expected = 0;
  for (let after: bigint | null = null; ; ) {
    const page = await log.readAll(after, 10_000);
    if (page.length === 0) break;
    expected += page.filter((event) => ofTypes.has(event.type)).length;
    after = page[page.length - 1]!.position;
  }
  if (handled !== expected) throw new Error(`rebuild read ${handled} events of its projections' types, the log has ${expected}`);
  // Before the bound runs below, which hold nothing but may peak differently.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  // Bounds: the same rebuild into stores that keep nothing (see DiscardingReadStore), to show how far any change
  // of store or commit strategy could move the ratio.
  const boundSeconds = async (store: ReadStore): Promise<number> => {
    const start = performance.now();
    const n = await new Projector(log, store, { projections: PROJECTIONS, batchSize: BATCH_SIZE, pageSize: PAGE_SIZE }).catchUp();
    if (n !== handled) throw new Error(`bound run read ${n} events, the rebuild ${handled}`);
    return (performance.now() - start) / 1000;
  };
  const stagedOnlySeconds = await boundSeconds(new DiscardingReadStore('stage'));
  const projectOnlySeconds = await boundSeconds(new DiscardingReadStore('none'));
  const perProjection = times.map((time) => ({
    name: time.name,
    keysOfMicrosPerEvent: (time.keysOfMs * 1000) / events,
    applyMicrosPerEvent: (time.applyMs * 1000) / events,
    applies: time.applies,
  }));
  await storage.close();
  console.log(
    JSON.stringify({
      events,
      handled,
      oneProjection: ONE_PROJECTION,
      oneHandled,
      oneSeconds,
      rawSeconds,
      rebuildSeconds,
      rawEventsPerSecond: events / rawSeconds,
      rebuildEventsPerSecond: events / rebuildSeconds,
      stagedOnlySeconds,
      projectOnlySeconds,
      peakRssMiB,
      perProjection,
    }),
  );
}

main(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
