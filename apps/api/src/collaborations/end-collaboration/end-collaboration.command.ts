import type { CommandContext } from '@kuhina/event-store';

export class EndCollaborationCommand {
  constructor(
    readonly collaborationId: string,
    /** ISO date, not before the collaboration started. */
    readonly endedOn: string,
    readonly outcome: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
