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
// The same hours as a workshop's, spent on the chain as a whole: one body shape for both.
import { RecordStaffHoursRequestDto } from '../../workshops/record-staff-hours/record-staff-hours.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class RecordChainStaffHoursHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/staff-hours')
  @HttpCode(201)
  @ApiOperation({
    summary: "Record a staff member's hours on the chain as a whole (the core team's meetings, chain-level planning, reporting); never edited — void them instead",
    description:
      "Costed in the ledger (`staffCosts.chainLevel`) at the person's hourly rate on the day worked. Allowed on a closed chain too (final reporting). Refusals: 404 CHAIN.NOT_FOUND, PERSON.NOT_FOUND; 409 PERSON.ERASED, STAFF_HOURS.ALREADY_EXISTS (id taken by other hours); 422 STAFF.NOT_STAFF (the person has no hourly rate), STAFF.NO_RATE_ON_DATE (no rate of theirs covers `workedOn`).",
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the entry id' })
  async record(
    @Param('id', uuidParam('id')) chainId: string,
    @Body() dto: RecordStaffHoursRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const entryId = resourceId(dto.id, context, 'chain-staff-hours');
    return sendDomainCommand(
      this.bus,
      reply,
      entryId,
      'chain',
      {
        type: 'RecordChainStaffHours',
        data: { chainId, entryId, personId: dto.personId, activity: dto.activity, workedOn: dto.workedOn, minutes: dto.minutes, note: dto.note ?? '' },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
