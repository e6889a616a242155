import type { CommandContext } from '@kuhina/event-store';

export class AddCoOrganizerCommand {
  constructor(
    readonly workshopId: string,
    readonly organizationId: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
