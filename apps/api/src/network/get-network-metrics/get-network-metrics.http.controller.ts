import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { NetworkMetrics } from '@kuhina/analytics';
import { Expensive } from '../../common/auth/roles.decorator';
import { ViewRead } from '../../common/http/view-read';
import { choiceOf, cutOf, NetworkCutQueryDto } from '../get-network/network-cut.query.dto';
import { GetNetworkMetricsQuery } from './get-network-metrics.query';

@ApiTags('network')
@ApiBearerAuth()
@Controller('network/metrics')
export class GetNetworkMetricsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @Expensive()
  @ApiOperation({
    summary: "Metrics of a chain's network: per node, per network, and the growth curve along the chain",
    description:
      'Per node: degree, weighted degree, betweenness, Louvain community. Per network: nodes, edges, density, connected components and the share of the largest, modularity, the share of organisation ties that cross sectors and regions. Per workshop of the chain: new ties, new organisations reached, returning participants. Computed with graphology; `asOf` / `untilPosition` give the metrics of the network as it stood then, `roles` those of the attendances of some roles only (as `GET /network`). Several chains (`chainId=a&chainId=b`) or `scope=all` measure the merged network, and the growth rows run by date across the chains, each with its `chainId`.',
  })
  @ApiOkResponse({ description: '{ summary, nodes, growth, ... }' })
  get(@Query() query: NetworkCutQueryDto, @Req() request: FastifyRequest): Promise<NetworkMetrics> {
    return this.bus.execute(new GetNetworkMetricsQuery(choiceOf(query), request.principal!.role, cutOf(query)));
  }
}
