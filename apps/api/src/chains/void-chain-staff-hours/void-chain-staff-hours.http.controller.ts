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
import { VoidStaffHoursRequestDto } from '../../workshops/void-staff-hours/void-staff-hours.request.dto';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class VoidChainStaffHoursHttpController {
  constructor(private readonly bus: CommandBus) {}

  // `eid` (the entry id), as the workshops' routes name theirs.
  @Post(':id/staff-hours/:eid/void')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Void staff hours recorded on the chain by mistake; the entry stays in the log with the reason and counts 0 in the ledger',
    description: 'Voiding again answers 200 and records nothing. Refusals: 404 CHAIN.NOT_FOUND, STAFF_HOURS.NOT_FOUND.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the entry id' })
  async void(
    @Param('id', uuidParam('id')) chainId: string,
    @Param('eid', uuidParam('eid')) entryId: string,
    @Body() dto: VoidStaffHoursRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, entryId, 'chain', { type: 'VoidChainStaffHours', data: { chainId, entryId, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }
}
