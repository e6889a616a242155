import type { CommandContext } from '@kuhina/event-store';

export class CancelRegistrationCommand {
  constructor(
    readonly workshopId: string,
    readonly registrationId: string,
    /** May be empty: people rarely say why. */
    readonly reason: string,
    /** Business time; undefined: the workshop's date (see business-dates.ts). */
    readonly at: string | undefined,
    readonly context: CommandContext,
  ) {}
}
