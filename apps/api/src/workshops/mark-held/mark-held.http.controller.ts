import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { MarkHeldRequestDto } from './mark-held.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class MarkHeldHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/held')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the workshop took place (closes an open registration first); attendance, feedback and the report follow' })
  @ApiOkResponse({ type: CommandResponse })
  async held(@Param('id', uuidParam('id')) id: string, @Body() dto: MarkHeldRequestDto, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'MarkHeld', data: { workshopId: id, heldOn: dto.heldOn }, at: givenBusinessTime(dto) }, context);
  }
}
