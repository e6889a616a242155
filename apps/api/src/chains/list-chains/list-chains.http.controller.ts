import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChainListView } from '@kuhina/read-model';
import { ViewRead } from '../../common/http/view-read';
import { PageQueryDto, type PageAnswer } from '../../common/views/page-query.dto';
import { ListChainsQuery } from './list-chains.query';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class ListChainsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @ApiOperation({ summary: 'All chains (chain-list view), by period then name, with cursor pagination' })
  @ApiOkResponse({ description: '{ items, next }: pass `next` as `cursor` for the next page' })
  list(@Query() query: PageQueryDto): Promise<PageAnswer<ChainListView>> {
    return this.bus.execute(new ListChainsQuery(query.limit ?? 50, query.cursor));
  }
}
