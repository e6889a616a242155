import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { RecordCollaborationRequestDto } from './record-collaboration.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class RecordCollaborationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a follow-up collaboration between organisations, with the workshop that sparked it' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(@Body() dto: RecordCollaborationRequestDto, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const id = resourceId(dto.id, context, 'collaboration');
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'collaboration',
      {
        type: 'RecordCollaboration',
        data: {
          collaborationId: id,
          organizationIds: [...dto.organizationIds],
          sparkedByWorkshopId: dto.sparkedByWorkshopId ?? null,
          title: dto.title,
          description: dto.description ?? '',
          startedOn: dto.startedOn,
        },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
