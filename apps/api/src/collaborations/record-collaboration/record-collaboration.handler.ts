import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { collaborationDecider, collaborationStream, type CollaborationState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { requireOrganizations } from '../../common/references/reference.checks';
import { requireWorkshop } from '../../common/references/reference.checks';
import { RecordCollaborationCommand } from './record-collaboration.command';

@CqrsHandler(RecordCollaborationCommand)
export class RecordCollaborationHandler implements ICommandHandler<RecordCollaborationCommand, CommandResult<CollaborationState>> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ collaborationId, record, at, context }: RecordCollaborationCommand): Promise<CommandResult<CollaborationState>> {
    // The network view draws edges between these ids: a typo would create a phantom organisation.
    await requireOrganizations(this.handler, record.organizationIds);
    if (record.sparkedByWorkshopId !== null) await requireWorkshop(this.handler, record.sparkedByWorkshopId);
    return this.handler.handle(
      collaborationDecider,
      collaborationStream(collaborationId),
      { type: 'RecordCollaboration', data: { collaborationId, ...record, organizationIds: [...record.organizationIds] }, at },
      context,
    );
  }
}
