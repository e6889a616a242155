import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CHAIN_LIST_COLLECTION, type ChainListView } from '@kuhina/read-model';
import type { PageAnswer } from '../../common/views/page-query.dto';
import { ViewReader } from '../../common/views/view-reader';
import { ListChainsQuery } from './list-chains.query';

@QueryHandler(ListChainsQuery)
export class ListChainsHandler implements IQueryHandler<ListChainsQuery, PageAnswer<ChainListView>> {
  constructor(private readonly views: ViewReader) {}

  async execute({ limit, cursor }: ListChainsQuery): Promise<PageAnswer<ChainListView>> {
    const page = await this.views.page<ChainListView>(CHAIN_LIST_COLLECTION, { limit, cursor });
    return { items: page.items.map((item) => item.doc), next: page.next };
  }
}
