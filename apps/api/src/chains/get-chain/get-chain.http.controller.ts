import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../common/http/command-response';
import { ViewRead } from '../../common/http/view-read';
import { uuidParam } from '../../common/http/uuid-param';
import { GetChainQuery } from './get-chain.query';
import type { ChainQueryResult, ChainView } from './get-chain.handler';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class GetChainHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ViewRead()
  @ApiOperation({
    summary: 'The workshop chain: details, status, last payment and retention end, and every workshop in order with its figures and the chain totals',
    description:
      'The chain\'s own fields come from its event stream (ETag = its revision); `workshops` and `totals` come from the workshop-chain view: registrations, attendance, feedback, pledges and in-kind value, expenses by category (voids and corrections applied), returning participants, organisations reached for the first time.',
  })
  @ApiOkResponse({ description: 'The chain; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChainView> {
    const result = await this.bus.execute<GetChainQuery, ChainQueryResult>(new GetChainQuery(id));
    withEtag(reply, result.revision);
    return result.chain;
  }
}
