import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { MarkHeldCommand } from './mark-held.command';

@CqrsHandler(MarkHeldCommand)
export class MarkHeldHandler implements ICommandHandler<MarkHeldCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ workshopId, heldOn, at, context }: MarkHeldCommand): Promise<CommandResult<WorkshopState>> {
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'MarkHeld', data: { workshopId, heldOn }, at }, context);
  }
}
