import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { AddCoOrganizerRequestDto } from './add-co-organizer.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class AddCoOrganizerHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/co-organizers')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a co-organising organisation (404 ORGANIZATION.NOT_FOUND for an unregistered one; adding it again changes nothing)' })
  @ApiOkResponse({ type: CommandResponse })
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddCoOrganizerRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'AddCoOrganizer', data: { workshopId: id, organizationId: dto.organizationId }, at: givenBusinessTime(dto) }, context);
  }
}
