import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { SealLogCommand } from '@kuhina/application';
import { DomainError } from '@kuhina/domain';
import type { SealResult } from '@kuhina/event-store';
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
    `Seal event ${result.id} appended to audit-seals at position ${result.eventPosition}.`,
    '',
    'The seal event lives in the log it vouches for: someone able to rewrite the log can rewrite it too. Keep the block',
    'below outside Kuhina (a signed report, an e-mail to the managing authority); the command in it checks the log later.',
    '',
    ...sealHandOut(result),
  ].join('\n');
}

/**
 * The root in a form to hand outside the system: plain lines that survive an e-mail or a printout, and the one command
 * that checks the log against them later (it recomputes the root itself, whatever the log's own seals say).
 */
export function sealHandOut(result: SealResult): string[] {
  const { seal } = result;
  return [
    '-----BEGIN KUHINA LOG SEAL-----',
    `position:  ${seal.position}`,
    `streams:   ${seal.streams}`,
    `algorithm: ${seal.algorithm}`,
    `sealed at: ${seal.at}`,
    `seal id:   ${result.id}`,
    `root:      ${seal.root}`,
    `check:     kuhina audit verify --position ${seal.position} --root ${seal.root}`,
    '-----END KUHINA LOG SEAL-----',
  ];
}

/** `kuhina audit seal`: appends a Merkle root over every stream head, for later verification. */
export function registerAuditSeal(program: Command): void {
  const action = async (options: { json?: boolean }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    try {
      // The same use case as POST /audit/seals.
      const result = await withContext(globals, (app) =>
        app.get(CommandBus).execute<SealLogCommand, SealResult>(new SealLogCommand(new Date().toISOString(), { commandId: randomUUID(), actor: 'cli', correlationId: randomUUID() })),
      );
      console.log(options.json ? JSON.stringify(sealJson(result)) : describeSeal(result));
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
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
