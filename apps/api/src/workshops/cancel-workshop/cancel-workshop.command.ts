import type { CommandContext } from '@kuhina/event-store';

export class CancelWorkshopCommand {
  constructor(
    readonly workshopId: string,
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
