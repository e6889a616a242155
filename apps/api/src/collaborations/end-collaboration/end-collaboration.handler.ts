import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { collaborationDecider, collaborationStream, type CollaborationState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { EndCollaborationCommand } from './end-collaboration.command';

@CqrsHandler(EndCollaborationCommand)
export class EndCollaborationHandler implements ICommandHandler<EndCollaborationCommand, CommandResult<CollaborationState>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ collaborationId, endedOn, outcome, at, context }: EndCollaborationCommand): Promise<CommandResult<CollaborationState>> {
    return this.handler.handle(collaborationDecider, collaborationStream(collaborationId), { type: 'EndCollaboration', data: { collaborationId, endedOn, outcome }, at }, context);
  }
}
