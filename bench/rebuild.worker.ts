/** Child of rebuild.bench: measures one raw read of the log and one full rebuild, in its own process. */
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { ChainedEventStore, SqliteEventStorage } from '@kuhina/event-store';
import { PROJECTIONS, Projector, SqliteReadStore } from '@kuhina/read-model';

async function main(dir: string): Promise<void> {
  const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const log = new ChainedEventStore(storage);
  const head = (await log.headPosition()) ?? 0n;

  // The limit: reading every event, in the projector's page size, doing nothing with it.
  let t0 = performance.now();
  let events = 0;
  for (let after: bigint | null = null; ; ) {
    const page = await log.readAll(after, 5000);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  const rawSeconds = (performance.now() - t0) / 1000;

  const views = new SqliteReadStore({ file: join(dir, 'views.db') });
  const bar = new SingleBar({ format: ' rebuilding |{bar}| {percentage}% | {eps} events/s | ETA {eta_formatted}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  bar.start(Number(head), 0, { eps: 0 });
  let done = 0;
  t0 = performance.now();
  const projector = new Projector(log, views, {
    projections: PROJECTIONS,
    batchSize: 5000,
    onBatch: (p) => {
      done += p.events;
      bar.update(Number(p.position ?? 0n), { eps: Math.round(done / ((performance.now() - t0) / 1000)) });
    },
  });
  const applied = await projector.catchUp();
  const rebuildSeconds = (performance.now() - t0) / 1000;
  bar.stop();
  await views.close();
  await storage.close();
  if (applied !== events) throw new Error(`rebuild applied ${applied} events, the log has ${events}`);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ events, rawSeconds, rebuildSeconds, rawEventsPerSecond: events / rawSeconds, rebuildEventsPerSecond: events / rebuildSeconds, peakRssMiB }));
}

main(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
