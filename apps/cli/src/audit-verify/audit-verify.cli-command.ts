import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { EVENT_STORE, verifyLog, type ChainedEventStore, type LogVerification, type SealBroken, type SealCheck } from '@kuhina/event-store';
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

export function registerAuditVerify(program: Command): void {
  const action = async (options: { json?: boolean }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
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
      console.log(options.json ? JSON.stringify(result) : describeVerification(result));
      return result.intact;
    });
    if (!intact) process.exitCode = 1;
  };
  auditGroup(program)
    .command('verify')
    .description('recompute the hash chain of every stream and the root of every seal; exit 1 and name the first broken link or the broken seals if the log was altered')
    .option('--json', 'machine-readable result')
    .action(action);
}
