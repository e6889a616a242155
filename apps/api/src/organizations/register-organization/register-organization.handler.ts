import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { RegisterOrganizationCommand } from './register-organization.command';

@CqrsHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, CommandResult<unknown>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ organizationId, details, at, context }: RegisterOrganizationCommand): Promise<CommandResult<unknown>> {
    return this.handler.handle(organizationDecider, organizationStream(organizationId), { type: 'RegisterOrganization', data: { organizationId, ...details }, at }, context);
  }
}
