import type { OrganizationDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class RegisterOrganizationCommand {
  constructor(
    readonly organizationId: string,
    readonly details: OrganizationDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
