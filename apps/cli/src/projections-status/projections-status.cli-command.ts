import type { Command } from 'commander';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { PROJECTIONS, READ_STORE, asideCheckpointName, checkpointsOf, type AliasedReadStore } from '@kuhina/read-model';
import { ReadModelModule } from '@kuhina/application';
import { withReadOnlyContext, type GlobalOptions } from '../cli-context';

export type ProjectionState = 'caught-up' | 'behind' | 'empty' | 'older-version' | 'newer-version';

export interface ProjectionStatus {
  name: string;
  /** The version this program's code has. */
  version: number;
  /** The version the stored views were built with (null: never built). */
  storedVersion: number | null;
  /** The projection's checkpoint: the last log position its views include (null: none). */
  position: string | null;
  /** Positions between the checkpoint and the head of the log. */
  behindBy: string | null;
  state: ProjectionState;
  /** Where its documents are stored (a rebuild switches between generations of the collection). */
  storedAs: string;
  /** How far a rebuild beside the live views has got, while one runs or after one stopped half-way; else null. */
  rebuildPosition: string | null;
}

/** What an operator needs to know of each projection before or after a rebuild, an upgrade, or a failed start. */
export function projectionState(version: number, storedVersion: number | null, position: bigint | null, head: bigint | null): ProjectionState {
  if (storedVersion !== null && storedVersion > version) return 'newer-version';
  if (storedVersion !== null && storedVersion < version) return 'older-version';
  if (head === null) return 'caught-up';
  if (position === null) return 'empty';
  return position < head ? 'behind' : 'caught-up';
}

const EXPLAINED: Record<ProjectionState, string> = {
  'caught-up': 'caught up',
  behind: 'behind the head (a running projector catches up on its own)',
  empty: 'not built (being rebuilt, or never run)',
  'older-version': 'built by an older version: the projector rebuilds it when it starts',
  'newer-version': 'built by a NEWER version of Kuhina: this one refuses to write it (upgrade it, or stop it)',
};

/**
 * `kuhina projections status [--json]`: each projection's version against the stored one, and its checkpoint against
 * the head of the log; the same checkpoints `/health` and `X-Projection-Position` report, without the API.
 */
export function registerProjectionsStatus(projections: Command): void {
  projections
    .command('status')
    .description("each projection's version and checkpoint against the head of the log (after a rebuild, an upgrade, a failed start)")
    .option('--json', 'machine-readable')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withReadOnlyContext(
        command.optsWithGlobals<GlobalOptions>(),
        async (app) => {
          const views = app.get<AliasedReadStore>(READ_STORE);
          const head = await app.get<EventStore>(EVENT_STORE).headPosition();
          const checkpoints = await checkpointsOf(views, PROJECTIONS);
          const rebuilds = await checkpointsOf(views, PROJECTIONS.map((projection) => ({ name: asideCheckpointName(projection.name) })));
          const storedAs = await views.physicalNames(PROJECTIONS.map((projection) => projection.collection));
          const statuses = PROJECTIONS.map((projection, i): ProjectionStatus => {
            const checkpoint = checkpoints[i] ?? null;
            const rebuild = rebuilds[i]?.position ?? null;
            const storedVersion = checkpoint?.versions[projection.name] ?? null;
            const position = checkpoint?.position ?? null;
            return {
              name: projection.name,
              version: projection.version,
              storedVersion,
              position: position === null ? null : position.toString(),
              behindBy: head === null ? null : (head - (position ?? 0n)).toString(),
              state: projectionState(projection.version, storedVersion, position, head),
              storedAs: storedAs[i]!,
              rebuildPosition: rebuild === null ? null : rebuild.toString(),
            };
          });
          if (options.json) {
            console.log(JSON.stringify({ head: head === null ? null : head.toString(), projections: statuses }, null, 2));
            return;
          }
          console.log(`head of the log: ${head ?? '(empty log)'}`);
          for (const status of statuses) {
            const versions = status.storedVersion === null || status.storedVersion === status.version ? `v${status.version}` : `v${status.version} (stored v${status.storedVersion})`;
            const where = status.state === 'behind' ? ` by ${status.behindBy}` : '';
            const rebuild = status.rebuildPosition === null ? '' : `; a rebuild beside it is at position ${status.rebuildPosition} (running, or stopped: run it again)`;
            console.log(`  ${status.name.padEnd(30)} ${versions.padEnd(16)} position ${(status.position ?? '-').padEnd(10)} ${EXPLAINED[status.state]}${where}${rebuild}`);
          }
        },
        (config) => [ReadModelModule.forRoot(config, { runProjector: false })],
      );
    });
}
