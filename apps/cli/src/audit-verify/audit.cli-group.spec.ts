import { Command } from 'commander';
import { registerAuditSeal } from '../audit-seal/audit-seal.cli-command';
import { registerAuditVerify } from './audit-verify.cli-command';

describe('the audit command group', () => {
  const subcommands = (program: Command) => program.commands.filter((c) => c.name() === 'audit').map((audit) => audit.commands.map((c) => c.name()).sort());

  it('holds verify and seal under one `audit`, whichever registers first', () => {
    const verifyFirst = new Command();
    registerAuditVerify(verifyFirst);
    registerAuditSeal(verifyFirst);
    const sealFirst = new Command();
    registerAuditSeal(sealFirst);
    registerAuditVerify(sealFirst);

    expect(subcommands(verifyFirst)).toEqual([['seal', 'verify']]);
    expect(subcommands(sealFirst)).toEqual([['seal', 'verify']]);
  });
});
