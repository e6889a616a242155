import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { SubmitFeedbackCommand } from './submit-feedback.command';

@CqrsHandler(SubmitFeedbackCommand)
export class SubmitFeedbackHandler implements ICommandHandler<SubmitFeedbackCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, feedbackId, feedback, at, context }: SubmitFeedbackCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'SubmitFeedback', data: { workshopId, feedbackId, ...feedback }, at }, context);
  }
}
