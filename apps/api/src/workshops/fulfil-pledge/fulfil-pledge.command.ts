import type { CommandContext } from '@kuhina/event-store';

export class FulfilPledgeCommand {
  constructor(
    readonly workshopId: string,
    readonly pledgeId: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
