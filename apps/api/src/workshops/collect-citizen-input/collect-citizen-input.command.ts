import type { CollectCitizenInput } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type CitizenInputDetails = Omit<CollectCitizenInput['data'], 'workshopId' | 'inputId'>;

export class CollectCitizenInputCommand {
  constructor(
    readonly workshopId: string,
    readonly inputId: string,
    readonly input: CitizenInputDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
