import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ForwardCitizenInputSummaryRequestDto } from './forward-citizen-input-summary.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class ForwardCitizenInputSummaryHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/citizen-input/summary')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record that a summary of the citizens' views was forwarded to decision-makers",
    description: 'Allowed after the report too; the same summary to the same recipients again changes nothing. Refusals: 404 WORKSHOP.NOT_FOUND; 409 CITIZEN_INPUT.NOT_COLLECTED, WORKSHOP.CANCELLED.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the workshop id' })
  async forward(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: ForwardCitizenInputSummaryRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    // Without forwardedAt, the summary was forwarded at the write's business time (filled in by its rule).
    return sendDomainCommand(
      this.bus,
      reply,
      workshopId,
      'workshop',
      { type: 'ForwardCitizenInputSummary', data: { workshopId, summary: dto.summary, recipients: [...dto.recipients], forwardedAt: dto.forwardedAt }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
