import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { AddCollaborationPartnerRequestDto } from './add-collaboration-partner.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class AddCollaborationPartnerHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/partners')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an organisation to an ongoing collaboration' })
  @ApiOkResponse({ type: CommandResponse })
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddCollaborationPartnerRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'collaboration', // Without joinedOn the decider takes the date of the business time.
      { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: dto.organizationId, ...(dto.joinedOn ? { joinedOn: dto.joinedOn } : {}) }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
