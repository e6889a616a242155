import type { PledgeResource } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type PledgeDetails = Omit<PledgeResource['data'], 'workshopId' | 'pledgeId'>;

export class PledgeResourceCommand {
  constructor(
    readonly workshopId: string,
    readonly pledgeId: string,
    readonly pledge: PledgeDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
