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
import { RecordDebriefRequestDto, debriefFromRequest } from './record-workshop-debrief.request.dto';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordWorkshopDebriefHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/debrief')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the workshop's debrief (what worked, what to develop, lessons); a different record later revises it",
    description:
      'Once the workshop is held (or reported, or cancelled). The latest record is the debrief in force; the earlier versions stay in GET /chains/{id}/lessons and in the log. The same record again changes nothing. Refusals: 400 DEBRIEF.INVALID_FIELD; 404 WORKSHOP.NOT_FOUND; 409 WORKSHOP.NOT_HELD.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the workshop id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordDebriefRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, workshopId, 'workshop', { type: 'RecordWorkshopDebrief', data: { workshopId, ...debriefFromRequest(dto) }, at: givenBusinessTime(dto) }, context);
  }
}
