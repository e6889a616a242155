import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { PROJECTIONS, READ_STORE, StoreLease, rebuildSideBySide, type AliasedReadStore } from '@kuhina/read-model';
import { ReadModelModule } from '@kuhina/application';
import { wholeNumberArgument } from '../cli-arguments';
import { withContext, type GlobalOptions } from '../cli-context';

/**
 * `kuhina projections rebuild [name]`: replays the whole log into fresh views (all, or one projection's with those it
 * looks up), with a progress bar. Side by side: a running API keeps answering from the complete old views, and its own
 * projector keeps them current, until the rebuilt ones reach the head; then both switch at once (see rebuildSideBySide).
 */
export function registerProjectionsRebuild(projections: Command): void {
  projections
    .command('rebuild')
    .argument('[name]', `one projection (${PROJECTIONS.map((p) => p.name).join(', ')}); default: all`)
    .option('--batch-size <n>', 'events per unit of work, 1 to 1,000,000 (larger: fewer commits, more memory)', wholeNumberArgument(1, 1_000_000), 20_000)
    .description('rebuild the views from the whole log beside the live ones, then switch to them (progress bar with events/s and ETA)')
    .action(async (name: string | undefined, options: { batchSize: number }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const names = name ? [name] : PROJECTIONS.map((p) => p.name);
      const unknown = names.filter((n) => !PROJECTIONS.some((p) => p.name === n));
      if (unknown.length > 0) throw new Error(`Unknown projection ${unknown.join(', ')}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
      await withContext(
        globals,
        async (app) => {
          const events = app.get<EventStore>(EVENT_STORE);
          const views = app.get<AliasedReadStore>(READ_STORE);
          const head = (await events.headPosition()) ?? 0n;
          const bar = new SingleBar(
            { format: ' rebuilding |{bar}| {percentage}% | {value}/{total} | {eps} events/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
            Presets.shades_classic,
          );
          let applied = 0;
          const started = Date.now();
          let switched = started;
          bar.start(Number(head), 0, { eps: 0 });
          const result = await rebuildSideBySide({
            log: events,
            store: views,
            projections: PROJECTIONS,
            names,
            // Kept in the views store itself, so that the API's projector in another container sees them too.
            lease: new StoreLease(views, 'projector'),
            rebuildLease: new StoreLease(views, 'rebuild'),
            batchSize: options.batchSize,
            onBatch: (p) => {
              applied += p.events;
              bar.update(Number(p.position ?? 0n), { eps: Math.round(applied / Math.max(0.001, (Date.now() - started) / 1000)) });
            },
            onBuilt: () => {
              bar.update(Number(head));
              bar.stop();
            },
            onSwitched: () => (switched = Date.now()),
          }).finally(() => bar.stop());
          // Up to the switch: the old documents are emptied a moment later, for reads that resolved them just before.
          const seconds = (switched - started) / 1000;
          // The store hands the rebuild only the events of the rebuilt projections' types.
          console.log(
            `Rebuilt ${result.rebuilt.join(', ')}: ${result.events} events of their types in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s (${Math.round(result.events / Math.max(seconds, 0.001))} events/s), the log read up to position ${result.position ?? '-'}`,
          );
        },
        (config) => [ReadModelModule.forRoot(config, { runProjector: false })],
      );
    });
}
