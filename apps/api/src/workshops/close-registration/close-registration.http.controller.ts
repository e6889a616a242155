import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { CloseRegistrationRequestDto } from './close-registration.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class CloseRegistrationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/registration/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close registration (409 WORKSHOP.REGISTRATION_NOT_OPEN if it was never opened)' })
  @ApiOkResponse({ type: CommandResponse })
  async close(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CloseRegistrationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'CloseRegistration', data: { workshopId: id }, at: givenBusinessTime(dto) }, context);
  }
}
