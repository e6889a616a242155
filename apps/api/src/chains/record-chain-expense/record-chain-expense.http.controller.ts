import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { uuidParam } from '../../common/http/uuid-param';
import { sendDomainCommand } from '../../common/http/send-domain-command';
// The same expense as a workshop's, of the chain as a whole: one body shape, the same rules and codes (EXPENSE.*).
import { RecordExpenseRequestDto } from '../../workshops/record-expense/record-expense.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class RecordChainExpenseHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/expenses')
  @HttpCode(201)
  @ApiOperation({
    summary: "Record an expense of the chain as a whole, not of one workshop (a licence, the core team's travel to a partner); never edited — void or correct it instead",
    description:
      "Counted in the ledger's `expenses.chainLevel` and in its totals beside the workshops' expenses. Allowed on a closed chain too (final invoices). Refusals: 404 CHAIN.NOT_FOUND; 409 EXPENSE.ALREADY_EXISTS (id taken by another expense).",
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the expense id' })
  async record(
    @Param('id', uuidParam('id')) chainId: string,
    @Body() dto: RecordExpenseRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const expenseId = resourceId(dto.id, context, 'chain-expense');
    return sendDomainCommand(
      this.bus,
      reply,
      expenseId,
      'chain',
      {
        type: 'RecordChainExpense',
        data: {
          chainId,
          expenseId,
          category: dto.category,
          amountCents: dto.amountCents,
          fundingSource: dto.fundingSource,
          receiptReference: dto.receiptReference,
          description: dto.description,
          incurredOn: dto.incurredOn,
        },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
