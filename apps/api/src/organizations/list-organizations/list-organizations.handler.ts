import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ViewDocument } from '@kuhina/read-model';
import type { PageAnswer } from '../../common/views/page-query.dto';
import { ViewReader } from '../../common/views/view-reader';
import { ListOrganizationsQuery } from './list-organizations.query';

@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery, PageAnswer<ViewDocument>> {
  constructor(private readonly views: ViewReader) {}

  async execute({ limit, cursor, sector }: ListOrganizationsQuery): Promise<PageAnswer<ViewDocument>> {
    const page = await this.views.page('organizations', { limit, cursor, where: sector ? { index: 'sector', value: sector } : undefined });
    return { items: page.items.map((item) => item.doc), next: page.next };
  }
}
