import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { RescheduleWorkshopRequestDto } from './reschedule-workshop.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RescheduleWorkshopHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a workshop to other dates or another venue (until it is held)' })
  @ApiOkResponse({ type: CommandResponse })
  async reschedule(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RescheduleWorkshopRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const location = dto.location ? { venue: dto.location.venue, municipality: dto.location.municipality, region: dto.location.region } : null;
    return sendDomainCommand(
      this.bus,
      reply,
      id,
      'workshop',
      { type: 'RescheduleWorkshop', data: { workshopId: id, startsAt: dto.startsAt, endsAt: dto.endsAt, location }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
