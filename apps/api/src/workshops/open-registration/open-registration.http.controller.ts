import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { OpenRegistrationRequestDto } from './open-registration.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class OpenRegistrationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/registration/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open registration (also re-opens a closed one); 409 once the workshop was held or cancelled' })
  @ApiOkResponse({ type: CommandResponse })
  async open(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: OpenRegistrationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'OpenRegistration', data: { workshopId: id }, at: givenBusinessTime(dto) }, context);
  }
}
