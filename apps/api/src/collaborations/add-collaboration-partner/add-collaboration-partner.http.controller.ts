import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ExecuteDomainCommand } from '@kuhina/application';
import type { CollaborationState } from '@kuhina/domain';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { AddCollaborationPartnerRequestDto } from './add-collaboration-partner.request.dto';

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
    const result = await this.bus.execute<ExecuteDomainCommand<'collaboration'>, CommandResult<CollaborationState>>(
      new ExecuteDomainCommand(
        'collaboration',
        // Without joinedOn the decider takes the date of the business time.
        { type: 'AddCollaborationPartner', data: { collaborationId: id, organizationId: dto.organizationId, ...(dto.joinedOn ? { joinedOn: dto.joinedOn } : {}) }, at: businessTime(dto) },
        context,
      ),
    );
    withEtag(reply, result.revision);
    return { id, position: positionText(result.position) };
  }
}
