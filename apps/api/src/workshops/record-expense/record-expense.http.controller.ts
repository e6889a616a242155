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
import { RecordExpenseRequestDto } from './record-expense.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordExpenseHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/expenses')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an expense of the workshop (category, amount in cents, funding source, receipt); never edited — void or correct it instead',
    description: 'Allowed in every workshop state (a cancelled workshop still has costs). Refusals: 404 WORKSHOP.NOT_FOUND; 409 EXPENSE.ALREADY_EXISTS (id taken by another expense).',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the expense id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordExpenseRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const expenseId = resourceId(dto.id, context, 'expense');
    return sendDomainCommand(
      this.bus,
      reply,
      expenseId,
      'workshop',
      {
        type: 'RecordExpense',
        data: {
          workshopId,
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
