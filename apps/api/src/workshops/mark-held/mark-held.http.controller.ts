import { ExecuteDomainCommand } from '@kuhina/application';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { WorkshopState } from '@kuhina/domain';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse, positionText, withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { MarkHeldRequestDto } from './mark-held.request.dto';

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
    const result = await this.bus.execute<ExecuteDomainCommand<'workshop'>, CommandResult<WorkshopState>>(
      new ExecuteDomainCommand('workshop', { type: 'MarkHeld', data: { workshopId: id, heldOn: dto.heldOn }, at: businessTime(dto) }, context),
    );
    withEtag(reply, result.revision);
    return { id, position: positionText(result.position) };
  }
}
