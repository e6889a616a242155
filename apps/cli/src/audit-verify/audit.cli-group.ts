import type { Command } from 'commander';

/**
 * The `audit` command group, created by whichever audit command registers first: `verify` and `seal`
 * live in separate folders and must not each add an `audit` command of their own.
 */
export function auditGroup(program: Command): Command {
  return program.commands.find((command) => command.name() === 'audit') ?? program.command('audit').description('auditor tools: verify the log, seal it');
}
