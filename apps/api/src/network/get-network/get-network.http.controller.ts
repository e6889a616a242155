import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import { GetNetworkQuery } from './get-network.query';
import type { NetworkAnswer } from '@kuhina/analytics';

export class GetNetworkQueryDto extends ViewQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;
}

@ApiTags('network')
@ApiBearerAuth()
@Controller('network')
export class GetNetworkHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @ApiOperation({
    summary: 'The network a chain grew: organisations, people and workshops as nodes; co-attendance, participation, co-organising, pledging and collaboration edges',
    description: 'Every node and edge says which workshop, business date and log position created it. People appear as stable pseudonyms for every role but backoffice.',
  })
  @ApiOkResponse({ description: '{ chainId, nodes, edges, lastPosition }' })
  get(@Query() query: GetNetworkQueryDto, @Req() request: FastifyRequest): Promise<NetworkAnswer> {
    return this.bus.execute(new GetNetworkQuery(query.chainId, request.principal!.role));
  }
}
