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
// The same debrief as a workshop's: one body shape, the same rules and codes (DEBRIEF.*).
import { RecordDebriefRequestDto, debriefFromRequest } from '../../workshops/record-workshop-debrief/record-workshop-debrief.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class RecordChainDebriefHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/debrief')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the chain's own debrief (what worked, what to develop, lessons for the next chain); a different record later revises it",
    description:
      'Mid-way or once the chain is over, closed or not. The latest record is the debrief in force; the earlier versions stay in GET /chains/{id}/lessons and in the log. The same record again changes nothing. Refusals: 400 DEBRIEF.INVALID_FIELD; 404 CHAIN.NOT_FOUND.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the chain id' })
  async record(
    @Param('id', uuidParam('id')) chainId: string,
    @Body() dto: RecordDebriefRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, chainId, 'chain', { type: 'RecordChainDebrief', data: { chainId, ...debriefFromRequest(dto) }, at: givenBusinessTime(dto) }, context);
  }
}
