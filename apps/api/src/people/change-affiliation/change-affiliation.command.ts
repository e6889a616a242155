import type { CommandContext } from '@kuhina/event-store';

export class ChangeAffiliationCommand {
  constructor(
    readonly personId: string,
    /** null: the person no longer represents any organisation. */
    readonly organizationId: string | null,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
