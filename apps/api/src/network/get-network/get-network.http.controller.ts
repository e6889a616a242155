import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportNetwork, NETWORK_EXPORT_FORMATS, type NetworkAnswer, type NetworkExportFormat } from '@kuhina/analytics';
import { ViewRead } from '../../common/http/view-read';
import { cutOf, NetworkCutQueryDto } from './network-cut.query.dto';
import { GetNetworkQuery } from './get-network.query';

export class GetNetworkQueryDto extends NetworkCutQueryDto {
  @ApiPropertyOptional({
    enum: NETWORK_EXPORT_FORMATS,
    description:
      'Download instead of the JSON answer: `gexf` (GEXF 1.3, dynamic: Gephi\'s timeline replays the growth), `graphml` (NetworkX, yEd), `csv-nodes` / `csv-edges` (spreadsheets), `kumu` (Kumu JSON blueprint), `json`.',
    example: 'gexf',
  })
  @IsOptional()
  @IsIn(NETWORK_EXPORT_FORMATS)
  format?: NetworkExportFormat;
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
    description:
      'Every node and edge says which workshop, business date and log position created it. People appear as stable pseudonyms for every role but backoffice. With `asOf` or `untilPosition` the network is replayed from the chain\'s events through the same projections, as it stood then. With `format` the answer is a file for the analysts\' tools (Content-Disposition: attachment).',
  })
  @ApiProduces('application/json', 'application/gexf+xml', 'application/graphml+xml', 'text/csv')
  @ApiOkResponse({ description: '{ chainId, nodes, edges, lastPosition }, or the file in the asked format' })
  async get(@Query() query: GetNetworkQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkAnswer | string> {
    const answer: NetworkAnswer = await this.bus.execute(new GetNetworkQuery(query.chainId, request.principal!.role, cutOf(query)));
    if (query.format === undefined) return answer;
    const file = exportNetwork(answer, query.format);
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
