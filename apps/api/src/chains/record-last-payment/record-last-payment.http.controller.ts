import { ExecuteDomainCommand } from '@kuhina/application';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ChainState } from '@kuhina/domain';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { RecordLastPaymentRequestDto } from './record-last-payment.request.dto';

export class LastPaymentResponse extends CommandResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2029-12-31',
    format: 'date',
    description: 'Last day the records of the operation must be kept (31 December, five years after the year of the last payment)',
  })
  retentionEndsOn!: string | null;
}

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class RecordLastPaymentHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/last-payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the date of the last payment to the beneficiary; answers when the ESF+ retention period ends' })
  @ApiOkResponse({ type: LastPaymentResponse })
  async record(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RecordLastPaymentRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LastPaymentResponse> {
    const result = await this.bus.execute<ExecuteDomainCommand<'chain'>, CommandResult<ChainState>>(
      new ExecuteDomainCommand('chain', { type: 'RecordLastPayment', data: { chainId: id, paidOn: dto.paidOn }, at: givenBusinessTime(dto) }, context),
    );
    withEtag(reply, result.revision);
    return { id, position: positionText(result.position), retentionEndsOn: result.state.status === 'empty' ? null : result.state.retentionEndsOn };
  }
}
