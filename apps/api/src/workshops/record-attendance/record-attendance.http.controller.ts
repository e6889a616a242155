import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ExecuteDomainCommand } from '@kuhina/application';
import type { WorkshopState } from '@kuhina/domain';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { RecordAttendanceRequestDto } from './record-attendance.request.dto';

export class RecordAttendanceResponse extends CommandResponse {
  @ApiProperty({ example: 38, description: 'Attendances newly recorded by this request' })
  recorded!: number;
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordAttendanceHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record who attended a held workshop, and how (409 WORKSHOP.NOT_HELD before it is held; REGISTRATION.NOT_REGISTERED for a waitlisted or cancelled registration)' })
  @ApiOkResponse({ type: RecordAttendanceResponse })
  async record(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RecordAttendanceRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordAttendanceResponse> {
    const attendees = dto.attendees.map(({ registrationId, mode }) => ({ registrationId, mode }));
    const result = await this.bus.execute<ExecuteDomainCommand<'workshop'>, CommandResult<WorkshopState>>(
      new ExecuteDomainCommand('workshop', { type: 'RecordAttendance', data: { workshopId: id, attendees }, at: givenBusinessTime(dto) }, context),
    );
    withEtag(reply, result.revision);
    // Attendances recorded before (an overlapping sheet) are not counted again; on a retry, those of the first attempt.
    const recorded = result.events.filter((event) => event.type === 'AttendanceRecorded').length;
    return { id, position: positionText(result.position), recorded };
  }
}
