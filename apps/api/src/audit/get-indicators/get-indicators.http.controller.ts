import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { EsfIndicators } from '@kuhina/application';
import { AuditReport } from '../audit-roles';
import { GetIndicatorsQuery } from './get-indicators.query';

export class GetIndicatorsQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/indicators')
export class GetIndicatorsHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @AuditReport()
  @ApiOperation({
    summary: 'ESF+ common output indicators of a chain, each traceable to the records it counts',
    description:
      'Participants: people who registered for and attended co-development workshops, by gender, age band (under 18, 18–29, 30–54, 55 and over), labour-market status and ISCED level, each with an "unknown" bucket. Attendees of information events and citizens heard at street events are counted apart. Supported organisations by type (public administration, SME incl. social enterprises, NGO, higher education, other). Every number lists its people (pseudonyms) or organisations and its events. Roles: auditor and backoffice (analyst: 403).',
  })
  @ApiOkResponse({ description: 'The indicators' })
  get(@Query() query: GetIndicatorsQueryDto, @Req() request: FastifyRequest): Promise<EsfIndicators> {
    return this.bus.execute(new GetIndicatorsQuery(query.chainId, request.principal!.role));
  }
}
