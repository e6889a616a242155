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
import { RecordStaffHoursRequestDto } from './record-staff-hours.request.dto';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordStaffHoursHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/staff-hours')
  @HttpCode(201)
  @ApiOperation({
    summary: "Record a staff member's hours on the workshop (planning, running, follow-up, meetings); never edited — void them instead",
    description:
      "Costed in the ledger (`staffCosts`) at the person's hourly rate on the day worked. Allowed in every workshop state (the hours spent on a cancelled workshop were still spent). Refusals: 404 WORKSHOP.NOT_FOUND, PERSON.NOT_FOUND; 409 PERSON.ERASED, STAFF_HOURS.ALREADY_EXISTS (id taken by other hours); 422 STAFF.NOT_STAFF (the person has no hourly rate), STAFF.NO_RATE_ON_DATE (no rate of theirs covers `workedOn`).",
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the entry id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordStaffHoursRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const entryId = resourceId(dto.id, context, 'staff-hours');
    return sendDomainCommand(
      this.bus,
      reply,
      entryId,
      'workshop',
      {
        type: 'RecordStaffHours',
        data: { workshopId, entryId, personId: dto.personId, activity: dto.activity, workedOn: dto.workedOn, minutes: dto.minutes, note: dto.note ?? '' },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
