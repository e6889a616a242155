import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ledgerCsv, type AuditLedger } from '@kuhina/application';
import { AuditReport } from '../audit-roles';
import { GetLedgerQuery } from './get-ledger.query';


export class GetLedgerQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', example: 'csv', description: '`csv`: one row per event behind each expense and in-kind contribution' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/ledger')
export class GetLedgerHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @AuditReport()
  @ApiOperation({
    summary: 'ESF audit ledger of a chain: expenses by workshop, category and funding source; in-kind contributions; participant and organisation counts',
    description:
      'Computed from the log itself. Voided and corrected expenses are listed with their whole history, never hidden (a voided one counts 0). Every figure lists the events behind it: event id, stream, revision, log position, business and recorded time, actor, correlation id. Roles: auditor and backoffice (analyst: 403); auditors see people only as pseudonyms.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The ledger (JSON), or its rows as CSV' })
  async get(@Query() query: GetLedgerQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditLedger | string> {
    const ledger: AuditLedger = await this.bus.execute(new GetLedgerQuery(query.chainId, request.principal!.role));
    if (query.format !== 'csv') return ledger;
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ledger-${query.chainId}.csv"`);
    return ledgerCsv(ledger);
  }
}
