import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { EVENT_STORE, InvalidRootError, checkRoot, verifyLog, type ChainedEventStore, type LogVerification, type RootCheck, type SealBroken, type SealCheck } from '@kuhina/event-store';
import { withReadOnlyContext, type GlobalOptions } from '../cli-context';
import { auditGroup } from './audit.cli-group';

/** What a person reads: one line for the verdict, one per broken seal. */
export function describeVerification(result: LogVerification): string {
  const checks: SealCheck[] = result.seals;
  const seals = checks.length;
  const brokenSeals = checks.filter((seal): seal is SealBroken => !seal.intact);
  const lines: string[] = [];
  if (result.intact) {
    lines.push(`Log intact: ${result.streams} streams, ${result.events} events, every hash and link recomputed; ${seals} seal${seals === 1 ? '' : 's'} checked, all match.`);
  } else if (result.problem === 'seal-mismatch') {
    lines.push(`Log BROKEN: every hash and link holds (${result.streams} streams, ${result.events} events), but ${brokenSeals.length} of ${seals} seals no longer match the log.`);
  } else {
    lines.push(
      `Log BROKEN at stream ${result.stream}, revision ${result.revision} (event ${result.eventId}): ${result.problem}; expected hash ${result.expectedHash}, found ${result.foundHash}`,
    );
    lines.push(brokenSeals.length === 0 ? `Seals: ${seals} checked, all match.` : `Seals: ${brokenSeals.length} of ${seals} no longer match the log.`);
  }
  for (const seal of brokenSeals) {
    lines.push(
      seal.problem === 'root-mismatch'
        ? `  seal ${seal.id} at position ${seal.position}: sealed root ${seal.root} over ${seal.streams} streams, the log now gives ${seal.recomputedRoot} over ${seal.recomputedStreams}`
        : `  seal ${seal.id} (audit-seals revision ${seal.revision}): ${seal.problem}, cannot be checked`,
    );
  }
  return lines.join('\n');
}

/** The verdict on a root kept outside Kuhina (`--position` and `--root`, as the hand-out block of `kuhina audit seal` gives them). */
export function describeRootCheck(check: RootCheck): string {
  if (check.intact) return `Root kept outside matches: the log gives ${check.root} at position ${check.position} (${check.recomputedStreams} stream heads).`;
  if (check.beyondHead) return `Root kept outside CANNOT MATCH: the log does not reach position ${check.position} (events were removed, or this is another log).`;
  return `Root kept outside does NOT match: at position ${check.position} the log now gives ${check.recomputedRoot} over ${check.recomputedStreams} stream heads, not ${check.root}. The log was altered up to that position (its own seals may have been rewritten with it).`;
}

export function registerAuditVerify(program: Command): void {
  const action = async (options: { json?: boolean; position?: string; root?: string }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    if ((options.position === undefined) !== (options.root === undefined)) {
      console.error('Give both --position and --root (as the block printed by `kuhina audit seal` has them), or neither.');
      process.exitCode = 2;
      return;
    }
    const intact = await withReadOnlyContext(globals, async (app) => {
      const store = app.get<ChainedEventStore>(EVENT_STORE);
      const head = await store.headPosition();
      const bar = new SingleBar({ format: ' verifying {phase} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
      bar.start(0, 0, { phase: 'streams' });
      const result = await verifyLog(store.storage, {
        onProgress: (p) => {
          if (p.phase === 'chain') {
            bar.setTotal(Math.max(p.streamsTotal, 1));
            bar.update(p.streamsChecked, { phase: 'streams' });
          } else {
            // The seal pass reads the log by position, up to the last sealed one at most.
            bar.setTotal(Math.max(Number(head ?? 0n), Number(p.position), 1));
            bar.update(Number(p.position), { phase: 'log positions' });
          }
        },
      });
      bar.stop();
      let root: RootCheck | undefined;
      if (options.position !== undefined && options.root !== undefined) {
        try {
          root = await checkRoot(store.storage, options.position, options.root);
        } catch (error) {
          if (!(error instanceof InvalidRootError)) throw error;
          console.error(error.message);
          return false;
        }
      }
      console.log(options.json ? JSON.stringify(root ? { ...result, root } : result) : [describeVerification(result), ...(root ? [describeRootCheck(root)] : [])].join('\n'));
      return result.intact && (root?.intact ?? true);
    });
    if (!intact) process.exitCode = 1;
  };
  auditGroup(program)
    .command('verify')
    .description('recompute the hash chain of every stream and the root of every seal; exit 1 and name the first broken link or the broken seals if the log was altered')
    .option('--json', 'machine-readable result')
    .option('--position <n>', 'with --root: the position of a seal whose root was kept outside Kuhina')
    .option('--root <hex>', 'with --position: that root; the log must still give it at that position (exit 1 if not)')
    .action(action);
}
