import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { CancelWorkshopRequestDto } from './cancel-workshop.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class CancelWorkshopHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a workshop that has not been held (409 WORKSHOP.ALREADY_HELD afterwards); its expenses and pledges can still be settled' })
  @ApiOkResponse({ type: CommandResponse })
  async cancel(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CancelWorkshopRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'CancelWorkshop', data: { workshopId: id, reason: dto.reason }, at: givenBusinessTime(dto) }, context);
  }
}
