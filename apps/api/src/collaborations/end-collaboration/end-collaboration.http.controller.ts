import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { EndCollaborationRequestDto } from './end-collaboration.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class EndCollaborationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a collaboration, with its outcome; an ended collaboration takes no changes' })
  @ApiOkResponse({ type: CommandResponse })
  async end(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: EndCollaborationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'collaboration',
      { type: 'EndCollaboration', data: { collaborationId: id, endedOn: dto.endedOn, outcome: dto.outcome }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
