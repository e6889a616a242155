import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { GetChainQuery } from './get-chain.query';
import type { ChainQueryResult, ChainView } from './get-chain.handler';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class GetChainHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'One chain: details, status, workshop ids in order, last payment and retention end (answered from the aggregate state for now; the workshop-chain read model replaces this)' })
  @ApiOkResponse({ description: 'The chain; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChainView> {
    const result = await this.bus.execute<GetChainQuery, ChainQueryResult>(new GetChainQuery(id));
    withEtag(reply, result.revision);
    return result.chain;
  }
}
