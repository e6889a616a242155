import type { CommandContext } from '@kuhina/event-store';

export class CloseRegistrationCommand {
  constructor(
    readonly workshopId: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
