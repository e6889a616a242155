import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { collaborationDecider, collaborationStream, type AddCollaborationPartner, type CollaborationState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { requireOrganizations } from '../../common/references/reference.checks';
import { AddCollaborationPartnerCommand } from './add-collaboration-partner.command';

@CqrsHandler(AddCollaborationPartnerCommand)
export class AddCollaborationPartnerHandler implements ICommandHandler<AddCollaborationPartnerCommand, CommandResult<CollaborationState>> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ collaborationId, organizationId, joinedOn, at, context }: AddCollaborationPartnerCommand): Promise<CommandResult<CollaborationState>> {
    await requireOrganizations(this.handler, [organizationId]);
    const command: AddCollaborationPartner = {
      type: 'AddCollaborationPartner',
      data: { collaborationId, organizationId, ...(joinedOn !== null ? { joinedOn } : {}) },
      at,
    };
    return this.handler.handle(collaborationDecider, collaborationStream(collaborationId), command, context);
  }
}
