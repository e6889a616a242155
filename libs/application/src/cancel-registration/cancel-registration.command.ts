import type { CommandContext } from '@kuhina/event-store';

export class CancelRegistrationCommand {
  constructor(
    readonly workshopId: string,
    readonly registrationId: string,
    /** May be empty: people rarely say why. */
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
