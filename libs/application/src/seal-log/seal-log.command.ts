import type { CommandContext } from '@kuhina/event-store';

/** Seal the log as it stands now. */
export class SealLogCommand {
  constructor(
    /** System time of the seal (ISO 8601), read by the caller. */
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
