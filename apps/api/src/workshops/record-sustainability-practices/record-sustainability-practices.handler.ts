import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RecordSustainabilityPracticesCommand } from './record-sustainability-practices.command';

@CqrsHandler(RecordSustainabilityPracticesCommand)
export class RecordSustainabilityPracticesHandler implements ICommandHandler<RecordSustainabilityPracticesCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, practices, notes, at, context }: RecordSustainabilityPracticesCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RecordSustainabilityPractices', data: { workshopId, practices, notes }, at }, context);
  }
}
