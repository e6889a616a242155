import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { ChangeCapacityCommand } from './change-capacity.command';

@CqrsHandler(ChangeCapacityCommand)
export class ChangeCapacityHandler implements ICommandHandler<ChangeCapacityCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, capacity, at, context }: ChangeCapacityCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'ChangeCapacity', data: { workshopId, capacity }, at }, context);
  }
}
