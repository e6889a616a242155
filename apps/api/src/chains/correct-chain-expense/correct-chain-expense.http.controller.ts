import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { CorrectExpenseRequestDto } from '../../workshops/correct-expense/correct-expense.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class CorrectChainExpenseHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/expenses/:eid/correct')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the figures of an expense of the chain (amount, category, funding source, receipt) with a reason; the previous figures stay in the log',
    description: 'The same figures again change nothing. Refusals: 404 CHAIN.NOT_FOUND, EXPENSE.NOT_FOUND; 409 EXPENSE.VOIDED.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the expense id' })
  async correct(
    @Param('id', uuidParam('id')) chainId: string,
    @Param('eid', uuidParam('eid')) expenseId: string,
    @Body() dto: CorrectExpenseRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(
      this.bus,
      reply,
      expenseId,
      'chain',
      {
        type: 'CorrectChainExpense',
        data: { chainId, expenseId, amountCents: dto.amountCents, category: dto.category, fundingSource: dto.fundingSource, receiptReference: dto.receiptReference, reason: dto.reason },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
