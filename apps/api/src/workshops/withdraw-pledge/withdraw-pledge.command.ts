import type { CommandContext } from '@kuhina/event-store';

export class WithdrawPledgeCommand {
  constructor(
    readonly workshopId: string,
    readonly pledgeId: string,
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
