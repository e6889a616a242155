import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { EVENT_STORE, NothingToSealError, sealLog, type EventStore, type SealResult } from '@kuhina/event-store';
import { withContext, type GlobalOptions } from '../cli-context';
import { auditGroup } from '../audit-verify/audit.cli-group';

/** The seal as `--json` prints it: the AuditSealed data, its event id and the event's own position. */
export function sealJson(result: SealResult): Record<string, unknown> {
  return { id: result.id, eventPosition: result.eventPosition.toString(), ...result.seal };
}

export function describeSeal(result: SealResult): string {
  const { seal } = result;
  return [
    `Sealed the log at position ${seal.position}: ${seal.streams} stream heads, ${seal.algorithm} root`,
    `  ${seal.root}`,
    `Seal event ${result.id} appended to audit-seals at position ${result.eventPosition}. Keep the root outside Kuhina (a report, an e-mail): \`kuhina audit verify\` recomputes it.`,
  ].join('\n');
}

/** `kuhina audit seal`: appends a Merkle root over every stream head, for later verification. */
export function registerAuditSeal(program: Command): void {
  const action = async (options: { json?: boolean }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    try {
      const result = await withContext(globals, (app) =>
        sealLog(app.get<EventStore>(EVENT_STORE), { actor: 'cli', at: new Date().toISOString(), id: randomUUID() }),
      );
      console.log(options.json ? JSON.stringify(sealJson(result)) : describeSeal(result));
    } catch (error) {
      if (!(error instanceof NothingToSealError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  };
  auditGroup(program)
    .command('seal')
    .description('append a seal: a Merkle root (sha256-merkle-v1) over the head of every stream at the current log position; prints the root and position')
    .option('--json', 'machine-readable result')
    .action(action);
}
