import type { WorkshopLocation } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class RescheduleWorkshopCommand {
  constructor(
    readonly workshopId: string,
    readonly schedule: { startsAt: string; endsAt: string; location: WorkshopLocation | null },
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
