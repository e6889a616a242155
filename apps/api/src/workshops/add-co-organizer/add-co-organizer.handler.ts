import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStream, type WorkshopState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { requireOrganizations } from '../../common/references/reference.checks';
import { AddCoOrganizerCommand } from './add-co-organizer.command';

@CqrsHandler(AddCoOrganizerCommand)
export class AddCoOrganizerHandler implements ICommandHandler<AddCoOrganizerCommand, CommandResult<WorkshopState>> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ workshopId, organizationId, at, context }: AddCoOrganizerCommand): Promise<CommandResult<WorkshopState>> {
    await requireOrganizations(this.handler, [organizationId]);
    return this.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'AddCoOrganizer', data: { workshopId, organizationId }, at }, context);
  }
}
