import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ViewRead } from '../../common/http/view-read';
import { cutOf, NetworkCutQueryDto } from './network-cut.query.dto';
import { GetNetworkQuery } from './get-network.query';
import type { NetworkAnswer } from '@kuhina/analytics';

@ApiTags('network')
@ApiBearerAuth()
@Controller('network')
export class GetNetworkHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @ApiOperation({
    summary: 'The network a chain grew: organisations, people and workshops as nodes; co-attendance, participation, co-organising, pledging and collaboration edges',
    description: 'Every node and edge says which workshop, business date and log position created it. People appear as stable pseudonyms for every role but backoffice. With `asOf` or `untilPosition` the network is replayed from the chain\'s events through the same projections, as it stood then.',
  })
  @ApiOkResponse({ description: '{ chainId, nodes, edges, lastPosition }' })
  get(@Query() query: NetworkCutQueryDto, @Req() request: FastifyRequest): Promise<NetworkAnswer> {
    return this.bus.execute(new GetNetworkQuery(query.chainId, request.principal!.role, cutOf(query)));
  }
}
