import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NETWORK_EXPORT_FORMATS, type NetworkAnswer, type NetworkExport, type NetworkExportFormat } from '@kuhina/analytics';
import { Expensive } from '../../common/auth/roles.decorator';
import { ViewRead } from '../../common/http/view-read';
import { choiceOf, cutOf, NetworkCutQueryDto, readsSeveralChains } from './network-cut.query.dto';
import { GetNetworkQuery } from './get-network.query';

const FORMATS = [...NETWORK_EXPORT_FORMATS, 'csv'] as const;

export class GetNetworkQueryDto extends NetworkCutQueryDto {
  @ApiPropertyOptional({
    enum: FORMATS,
    description:
      'Download instead of the JSON answer: `gexf` (GEXF 1.3, dynamic by day: Gephi\'s timeline replays the growth; NetworkX `read_gexf`), `graphml` (NetworkX, yEd), `csv` (with `list`) or `csv-nodes` / `csv-edges` (spreadsheets), `kumu` (Kumu JSON blueprint), `json`.',
    example: 'gexf',
  })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({ enum: ['edges', 'nodes'], default: 'edges', example: 'nodes', description: 'With `format=csv`: the edge list (default) or the node list' })
  @IsOptional()
  @IsIn(['edges', 'nodes'])
  list?: 'edges' | 'nodes';
}

/** `csv` is two lists; `list` says which (DESIGN's `format=csv`, kept beside the explicit `csv-nodes` / `csv-edges`). */
const exportFormat = (query: GetNetworkQueryDto): NetworkExportFormat | undefined =>
  query.format === 'csv' ? (query.list === 'nodes' ? 'csv-nodes' : 'csv-edges') : query.format;

@ApiTags('network')
@ApiBearerAuth()
@Controller('network')
export class GetNetworkHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  // A replay by log position, a file for the analysts' tools and several chains cost time; one chain's live network (also as of a date) does not.
  @Expensive((query) => query.untilPosition !== undefined || query.format !== undefined || readsSeveralChains(query))
  @ApiOperation({
    summary: 'The network a chain grew: organisations, people and workshops as nodes; co-attendance, participation, co-organising, pledging and collaboration edges',
    description:
      "Every node and edge says which workshop, business date and log position created it; an edge also lists every join that added to its weight (`joins`), so its weight on any date is the number of joins up to it. What a workshop brought in is dated by the workshop's own date (the day it was held, else its planned start), collaborations by their own dates. People appear as stable pseudonyms for every role but backoffice, with the roles they had (`roles`); `participated` edges carry the person's `role`, co-attendance edges the roles each organisation's people had (`sourceRoles`, `targetRoles`); `roles=participant` leaves the others out. With `asOf` or `untilPosition` the network is replayed from the chain's events through the same projections, as it stood then. With `format` the answer is a file for the analysts' tools (Content-Disposition: attachment), roles included. Several chains (`chainId=a&chainId=b`) or every chain (`scope=all`, organisations and workshops; people with `people=true`) answer one merged network (`chainId` null, `chainIds` listed): each organisation, person and workshop once, every node and tie with the `chains` that made it, a tie made in two chains one edge with its per-chain weights in `chainWeights`. No ETag: the answer also depends on the organisations' names.",
  })
  @ApiProduces('application/json', 'application/gexf+xml', 'application/graphml+xml', 'text/csv')
  @ApiOkResponse({ description: '{ chainId, chainIds, people, nodes, edges, lastPosition }, or the file in the asked format' })
  async get(@Query() query: GetNetworkQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<NetworkAnswer | string> {
    const format = exportFormat(query);
    const answer: NetworkAnswer | NetworkExport = await this.bus.execute(new GetNetworkQuery(choiceOf(query), request.principal!.role, cutOf(query), format));
    if (format === undefined) return answer as NetworkAnswer;
    const file = answer as NetworkExport;
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
