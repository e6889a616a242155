import type { CommandContext } from '@kuhina/event-store';

export class MarkHeldCommand {
  constructor(
    readonly workshopId: string,
    /** ISO date YYYY-MM-DD. */
    readonly heldOn: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
