import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ReportWorkshopRequestDto } from './report-workshop.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class ReportWorkshopHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/report')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report a held workshop (once: 409 WORKSHOP.ALREADY_REPORTED; 409 WORKSHOP.NOT_HELD before it is held); its plan and pledges are final afterwards' })
  @ApiOkResponse({ type: CommandResponse })
  async report(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ReportWorkshopRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'workshop', { type: 'ReportWorkshop', data: { workshopId: id, summary: dto.summary }, at: givenBusinessTime(dto) }, context);
  }
}
