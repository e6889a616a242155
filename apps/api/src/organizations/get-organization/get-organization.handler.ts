import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound, organizationDecider, organizationStream, type RegisteredOrganization } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import { GetOrganizationQuery } from './get-organization.query';

export interface OrganizationView {
  organization: RegisteredOrganization;
  revision: number;
}

/** Answers from the aggregate's state until the read side (projections) takes over. */
@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery, OrganizationView> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ organizationId }: GetOrganizationQuery): Promise<OrganizationView> {
    const { state, revision } = await this.handler.loadFresh(organizationDecider, organizationStream(organizationId));
    if (state.status === 'empty') throw notFound('ORGANIZATION.NOT_FOUND', `No organisation ${organizationId}`);
    return { organization: state, revision };
  }
}
