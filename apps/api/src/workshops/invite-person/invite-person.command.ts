import type { CommandContext } from '@kuhina/event-store';

export class InvitePersonCommand {
  constructor(
    readonly workshopId: string,
    readonly personId: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
