import type { CommandContext } from '@kuhina/event-store';

export class AddCollaborationPartnerCommand {
  constructor(
    readonly collaborationId: string,
    readonly organizationId: string,
    /** ISO date; null: the date of the business time `at`. */
    readonly joinedOn: string | null,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
