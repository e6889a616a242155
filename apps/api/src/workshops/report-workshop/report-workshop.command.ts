import type { CommandContext } from '@kuhina/event-store';

export class ReportWorkshopCommand {
  constructor(
    readonly workshopId: string,
    readonly summary: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
