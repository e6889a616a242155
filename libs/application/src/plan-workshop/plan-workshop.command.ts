import type { WorkshopPlan } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class PlanWorkshopCommand {
  constructor(
    readonly workshopId: string,
    readonly plan: WorkshopPlan,
    /** Business time; undefined: the rule of PlanWorkshop (the planned start when past, else now). */
    readonly at: string | undefined,
    readonly context: CommandContext,
  ) {}
}
