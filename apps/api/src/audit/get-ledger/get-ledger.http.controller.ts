import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLedger } from '@kuhina/application';
import { AuditReport } from '../audit-roles';
import { GetLedgerQuery, LEDGER_FORMATS, type LedgerFormat } from './get-ledger.query';

export class GetLedgerQueryDto {
  @ApiProperty({ format: 'uuid', example: 'cd5bcce9-37e6-8ac0-9d1d-27d8a256df93' })
  @IsUUID('all')
  chainId!: string;

  @ApiPropertyOptional({
    enum: LEDGER_FORMATS,
    default: 'json',
    example: 'csv',
    description:
      '`csv`: one row per ledger item — expense (of a workshop or of the chain as a whole: `scope`), in-kind pledge, staff-hours entry (`staff-cost`, with person pseudonym, day, minutes and hourly rate), and the `flat-rate` line — with `original_cents` and `counted_cents` (integer euro cents); summing `counted_cents` by `section`, per workshop or over the chain, gives the JSON totals (expenses, the delivered in-kind value, direct staff costs, the flat-rate amount). `csv-history`: one row per event behind each item (recorded, corrected, voided; pledged, fulfilled, withdrawn) with who, when, `amount_before_cents` / `amount_after_cents` and the reason; nothing in it counts.',
  })
  @IsOptional()
  @IsIn(LEDGER_FORMATS)
  format?: LedgerFormat;
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
  @ApiOkResponse({ description: 'The ledger (JSON); its items as CSV (`ledger-<chainId>.csv`); or their history as CSV (`ledger-history-<chainId>.csv`)' })
  async get(@Query() query: GetLedgerQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditLedger | string> {
    const format = query.format ?? 'json';
    const answer: AuditLedger | string = await this.bus.execute(new GetLedgerQuery(query.chainId, request.principal!.role, format));
    if (format === 'json') return answer;
    const file = format === 'csv' ? `ledger-${query.chainId}.csv` : `ledger-history-${query.chainId}.csv`;
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`);
    return answer;
  }
}
