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
import { RecordPlanningMeetingRequestDto } from './record-planning-meeting.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordPlanningMeetingHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/planning-meetings')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a planning meeting of the workshop (with partners or of the core team)',
    description: 'Allowed in every workshop state (planning work counts for ESF whatever became of the workshop). Refusals: 404 WORKSHOP.NOT_FOUND; 409 PLANNING_MEETING.ALREADY_EXISTS.',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the meeting id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordPlanningMeetingRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const meetingId = resourceId(dto.id, context, 'planning-meeting');
    return sendDomainCommand(
      this.bus,
      reply,
      meetingId,
      'workshop',
      {
        type: 'RecordPlanningMeeting',
        data: { workshopId, meetingId, heldOn: dto.heldOn, kind: dto.kind, online: dto.online, organizationIds: [...dto.organizationIds], notes: dto.notes ?? '' },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
