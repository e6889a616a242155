import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { FileLease, PROJECTIONS, Projector, READ_STORE, type ReadStore } from '@kuhina/read-model';
import { ReadModelModule } from '@kuhina/application';
import { join } from 'node:path';
import { wholeNumberArgument } from '../cli-arguments';
import { withContext, type GlobalOptions } from '../cli-context';

/**
 * `kuhina projections rebuild [name]`: drops the views (all, or one projection's), resets their checkpoints and
 * replays the whole log, with a progress bar. A running API keeps answering from the views meanwhile: its own
 * projector waits for the lease and carries on from the rebuilt checkpoints afterwards.
 */
export function registerProjectionsRebuild(projections: Command): void {
  projections
    .command('rebuild')
    .argument('[name]', `one projection (${PROJECTIONS.map((p) => p.name).join(', ')}); default: all`)
    .option('--batch-size <n>', 'events per unit of work, 1 to 1,000,000 (larger: fewer commits, more memory)', wholeNumberArgument(1, 1_000_000), 20_000)
    .description('drop the views, reset the checkpoint and replay the whole log (progress bar with events/s and ETA)')
    .action(async (name: string | undefined, options: { batchSize: number }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const names = name ? [name] : PROJECTIONS.map((p) => p.name);
      const unknown = names.filter((n) => !PROJECTIONS.some((p) => p.name === n));
      if (unknown.length > 0) throw new Error(`Unknown projection ${unknown.join(', ')}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
      await withContext(
        globals,
        async (app, config) => {
          const events = app.get<EventStore>(EVENT_STORE);
          const views = app.get<ReadStore>(READ_STORE);
          const lease = new FileLease(join(config.dataDir, 'projector.lock'));
          for (let waited = 0; !lease.tryAcquire(); waited += 200) {
            if (waited === 0) console.error('Waiting for the running projector to finish its batch…');
            if (waited > 60_000) throw new Error('Another projector kept the lease for a minute; is a rebuild already running?');
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          try {
            const head = (await events.headPosition()) ?? 0n;
            const bar = new SingleBar(
              { format: ' rebuilding |{bar}| {percentage}% | {value}/{total} | {eps} events/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
              Presets.shades_classic,
            );
            let applied = 0;
            const started = Date.now();
            const projector = new Projector(events, views, {
              projections: PROJECTIONS,
              batchSize: options.batchSize,
              onBatch: (p) => {
                applied += p.events;
                bar.update(Number(p.position ?? 0n), { eps: Math.round(applied / Math.max(0.001, (Date.now() - started) / 1000)) });
              },
            });
            await projector.load();
            await projector.reset(names);
            bar.start(Number(head), 0, { eps: 0 });
            await projector.catchUp();
            bar.update(Number(head));
            bar.stop();
            const seconds = (Date.now() - started) / 1000;
            // The store hands the rebuild only the events of the rebuilt projections' types (the others are at the head).
            console.log(
              `Rebuilt ${names.join(', ')}: ${applied} events of their types in ${seconds.toFixed(1)} s (${Math.round(applied / Math.max(seconds, 0.001))} events/s), the log read up to position ${projector.position ?? '-'}`,
            );
          } finally {
            lease.release();
          }
        },
        (config) => [ReadModelModule.forRoot(config, { runProjector: false })],
      );
    });
}
