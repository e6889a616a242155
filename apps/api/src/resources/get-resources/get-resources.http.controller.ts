import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PLEDGE_KINDS, TEXT, type PledgeKind } from '@kuhina/domain';
import { ViewRead } from '../../common/http/view-read';
import { IsIsoDate, TextOf } from '../../common/validation/rules.decorators';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import type { ResourceMapAnswer } from './get-resources.handler';
import { GetResourcesQuery, RESOURCE_FORMATS, type ResourceFormat } from './get-resources.query';

export class GetResourcesQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ enum: PLEDGE_KINDS, example: 'venue' })
  @IsOptional()
  @IsIn(PLEDGE_KINDS)
  kind?: PledgeKind;

  @ApiPropertyOptional({ example: 'Satakunta', description: 'Case-insensitive; online offers are at hand in every region' })
  @IsOptional()
  @TextOf(TEXT.PLACE)
  region?: string;

  @ApiPropertyOptional({ example: 'Pori', description: 'Case-insensitive; online offers are at hand in every municipality' })
  @IsOptional()
  @TextOf(TEXT.PLACE)
  municipality?: string;

  @ApiPropertyOptional({ example: '2024-07-20', description: 'Only partners with an offer available that day (pledge history alone says nothing about a coming day)' })
  @IsOptional()
  @IsIsoDate()
  availableOn?: string;

  @ApiPropertyOptional({ enum: RESOURCE_FORMATS, default: 'json', example: 'csv', description: '`csv`: one row per offer and per pledge, with the rank of its line' })
  @IsOptional()
  @IsIn(RESOURCE_FORMATS)
  format?: ResourceFormat;
}

@ApiTags('resources')
@ApiBearerAuth()
@Controller('resources')
export class GetResourcesHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @ViewRead()
  @ApiOperation({
    summary: 'The resource map: who can offer what, where — from offers and from the history of pledges to workshops',
    description:
      "One line per organisation and kind: its active offers (matching the place and day asked for; online ones match every place) and its pledges of that kind, each with the workshop behind it (title, start, place) and what became of it. A partner that fulfilled pledges before ranks first (more fulfilled, higher), then those offering now, then those with pledges pending, then fewer withdrawals, then by name. A place filter keeps lines with an offer there or online, a pledge to a workshop there, or the organisation itself there. Every role may read it (no personal data).",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ filter, items } (JSON), or `resources.csv`' })
  async get(@Query() query: GetResourcesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResourceMapAnswer | string> {
    const format = query.format ?? 'json';
    const { kind, region, municipality, availableOn } = query;
    const filter = Object.fromEntries(Object.entries({ kind, region, municipality, availableOn }).filter(([, value]) => value !== undefined));
    const answer = await this.bus.execute<GetResourcesQuery, ResourceMapAnswer | string>(new GetResourcesQuery(filter, format));
    if (format === 'csv') void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="resources.csv"');
    return answer;
  }
}
