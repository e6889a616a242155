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
import { VoidExpenseRequestDto } from '../../workshops/void-expense/void-expense.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class VoidChainExpenseHttpController {
  constructor(private readonly bus: CommandBus) {}

  // `eid`, as the workshops' expense routes name it.
  @Post(':id/expenses/:eid/void')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Void an expense of the chain recorded by mistake (e.g. entered twice); the record stays in the log with the reason',
    description: 'Refusals: 404 CHAIN.NOT_FOUND, EXPENSE.NOT_FOUND; 409 EXPENSE.VOIDED (voided already).',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the expense id' })
  async void(
    @Param('id', uuidParam('id')) chainId: string,
    @Param('eid', uuidParam('eid')) expenseId: string,
    @Body() dto: VoidExpenseRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, expenseId, 'chain', { type: 'VoidChainExpense', data: { chainId, expenseId, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }
}
