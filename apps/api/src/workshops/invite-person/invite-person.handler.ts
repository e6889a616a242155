import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { requirePerson } from '../../common/references/reference.checks';
import { InvitePersonCommand } from './invite-person.command';

@CqrsHandler(InvitePersonCommand)
export class InvitePersonHandler implements ICommandHandler<InvitePersonCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ workshopId, personId, at, context }: InvitePersonCommand): Promise<CommandResult<WorkshopState>> {
    await requirePerson(this.handler, personId);
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'InvitePerson', data: { workshopId, personId }, at }, context);
  }
}
