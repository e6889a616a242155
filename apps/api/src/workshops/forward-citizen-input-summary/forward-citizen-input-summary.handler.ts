import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { ForwardCitizenInputSummaryCommand } from './forward-citizen-input-summary.command';

@CqrsHandler(ForwardCitizenInputSummaryCommand)
export class ForwardCitizenInputSummaryHandler implements ICommandHandler<ForwardCitizenInputSummaryCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, forwarded, at, context }: ForwardCitizenInputSummaryCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'ForwardCitizenInputSummary', data: { workshopId, ...forwarded }, at }, context);
  }
}
