import type { SustainabilityPractice } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class RecordSustainabilityPracticesCommand {
  constructor(
    readonly workshopId: string,
    readonly practices: SustainabilityPractice[],
    readonly notes: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
