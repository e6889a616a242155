import type { CommandContext } from '@kuhina/event-store';

export class VoidExpenseCommand {
  constructor(
    readonly workshopId: string,
    readonly expenseId: string,
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
