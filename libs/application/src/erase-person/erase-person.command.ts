import type { CommandContext } from '@kuhina/event-store';

export class ErasePersonCommand {
  constructor(
    readonly personId: string,
    /** Why; holds no personal data (checked by the request DTO, kept in the log for good). */
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
