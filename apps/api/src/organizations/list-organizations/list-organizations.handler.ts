import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ORGANIZATION_LIST_COLLECTION, type ViewDocument } from '@kuhina/read-model';
import type { PageAnswer } from '../../common/views/page-query.dto';
import { ViewReader } from '../../common/views/view-reader';
import { ListOrganizationsQuery } from './list-organizations.query';

@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery, PageAnswer<ViewDocument>> {
  constructor(private readonly views: ViewReader) {}

  async execute({ limit, cursor, sector }: ListOrganizationsQuery): Promise<PageAnswer<ViewDocument>> {
    const page = await this.views.page(ORGANIZATION_LIST_COLLECTION, { limit, cursor, where: sector ? { index: 'sector', value: sector } : undefined });
    // The stream's revision is the ETag of GET /organizations/:id, not a field of the list.
    return { items: page.items.map(({ doc: { revision: _revision, ...listed } }) => listed), next: page.next };
  }
}
