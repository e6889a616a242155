import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrganizationErrors, type RegisteredOrganization } from '@kuhina/domain';
import { ORGANIZATION_LIST_COLLECTION, type OrganizationListView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetOrganizationQuery } from './get-organization.query';

export interface OrganizationView {
  organization: RegisteredOrganization;
  /** The organisation stream's revision after the last event the view applied: the ETag. */
  revision: number;
}

/** The organisation as the organisations view keeps it (the view GET /organizations lists). */
@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery, OrganizationView> {
  constructor(private readonly views: ViewReader) {}

  async execute({ organizationId }: GetOrganizationQuery): Promise<OrganizationView> {
    const view = await this.views.one<OrganizationListView>(ORGANIZATION_LIST_COLLECTION, organizationId, OrganizationErrors.NOT_FOUND, 'organisation', { organizationId });
    const { name, sector, municipality, region, businessId, website, registeredAt, revision } = view;
    return { revision, organization: { status: 'registered', organizationId: view.organizationId, name, sector, municipality, region, businessId, website, registeredAt } };
  }
}
