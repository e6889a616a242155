import type { CommandContext } from '@kuhina/event-store';

export class OpenRegistrationCommand {
  constructor(
    readonly workshopId: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
