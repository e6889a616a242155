import type { ForwardCitizenInputSummary } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type ForwardedSummary = Omit<ForwardCitizenInputSummary['data'], 'workshopId'>;

export class ForwardCitizenInputSummaryCommand {
  constructor(
    readonly workshopId: string,
    readonly forwarded: ForwardedSummary,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
