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
      'Answered from the workshop-chain view (after a write, pass its `position` as `consistentWith`; a 404 then means no such chain); the ETag is the revision of the chain\'s stream the view has seen. `workshops` and `totals`: registrations and attendance (the same counts as GET /workshops/:id), feedback, pledges and in-kind value, expenses by category (voids and corrections applied), returning participants, organisations reached for the first time.',
  })
  @ApiOkResponse({ description: 'The chain; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChainView> {
    const result = await this.bus.execute<GetChainQuery, ChainQueryResult>(new GetChainQuery(id));
    withEtag(reply, result.revision);
    return result.chain;
  }
}
