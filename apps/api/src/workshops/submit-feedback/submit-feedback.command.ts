import type { SubmitFeedback } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export type FeedbackDetails = Omit<SubmitFeedback['data'], 'workshopId' | 'feedbackId'>;

export class SubmitFeedbackCommand {
  constructor(
    readonly workshopId: string,
    readonly feedbackId: string,
    readonly feedback: FeedbackDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
