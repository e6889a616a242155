import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { InvitePersonRequestDto } from './invite-person.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class InvitePersonHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/invitations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite a person to an invitation-only workshop (409 WORKSHOP.NOT_INVITATION_ONLY for an open one); the id answered is the person id' })
  @ApiCreatedResponse({ type: CommandResponse })
  async invite(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: InvitePersonRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, dto.personId, 'workshop', { type: 'InvitePerson', data: { workshopId: id, personId: dto.personId, role: dto.role ?? 'participant' }, at: givenBusinessTime(dto) }, context);
  }
}
