import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream, type PersonState } from '@kuhina/domain';
import { CommandHandler, type CommandResult } from '@kuhina/event-store';
import { requireOrganizations } from '../../common/references/reference.checks';
import { ChangeAffiliationCommand } from './change-affiliation.command';

@CqrsHandler(ChangeAffiliationCommand)
export class ChangeAffiliationHandler implements ICommandHandler<ChangeAffiliationCommand, CommandResult<PersonState>> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ personId, organizationId, at, context }: ChangeAffiliationCommand): Promise<CommandResult<PersonState>> {
    if (organizationId !== null) await requireOrganizations(this.handler, [organizationId]);
    return this.handler.handle(personDecider, personStream(personId), { type: 'ChangeAffiliation', data: { personId, organizationId }, at }, context);
  }
}
