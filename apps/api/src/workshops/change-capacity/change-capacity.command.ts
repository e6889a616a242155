import type { CommandContext } from '@kuhina/event-store';

export class ChangeCapacityCommand {
  constructor(
    readonly workshopId: string,
    /** null = unlimited. */
    readonly capacity: number | null,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
