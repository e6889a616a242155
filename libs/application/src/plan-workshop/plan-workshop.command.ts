import type { WorkshopPlan } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class PlanWorkshopCommand {
  constructor(
    readonly workshopId: string,
    readonly plan: WorkshopPlan,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
