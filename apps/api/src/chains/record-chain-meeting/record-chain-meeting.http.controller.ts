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
// The same meeting as a workshop's, held for the chain as a whole: one body shape for both.
import { RecordPlanningMeetingRequestDto } from '../../workshops/record-planning-meeting/record-planning-meeting.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class RecordChainMeetingHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/planning-meetings')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a planning meeting of the chain as a whole (the core team meets for every workshop, not one)',
    description:
      "Counted in the chain's `chainMeetings` and in its totals' planning meetings, beside the workshops' own. Refusals: 404 CHAIN.NOT_FOUND or ORGANIZATION.NOT_FOUND; 409 CHAIN.MEETING_ALREADY_EXISTS or CHAIN.CLOSED.",
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the meeting id' })
  async record(
    @Param('id', uuidParam('id')) chainId: string,
    @Body() dto: RecordPlanningMeetingRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const meetingId = resourceId(dto.id, context, 'chain-meeting');
    return sendDomainCommand(
      this.bus,
      reply,
      meetingId,
      'chain',
      {
        type: 'RecordChainMeeting',
        data: { chainId, meetingId, heldOn: dto.heldOn, kind: dto.kind, online: dto.online, organizationIds: [...dto.organizationIds], notes: dto.notes ?? '' },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
