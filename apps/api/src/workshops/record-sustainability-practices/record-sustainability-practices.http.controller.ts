import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { RecordSustainabilityPracticesRequestDto } from './record-sustainability-practices.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordSustainabilityPracticesHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/sustainability')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the sustainability practices of the workshop (public transport, vegetarian food, ...); the latest record replaces the earlier one',
    description: 'The same record again changes nothing. Refusals: 404 WORKSHOP.NOT_FOUND; 409 WORKSHOP.ALREADY_REPORTED, WORKSHOP.CANCELLED.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the workshop id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordSustainabilityPracticesRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(
      this.bus,
      reply,
      workshopId,
      'workshop',
      { type: 'RecordSustainabilityPractices', data: { workshopId, practices: [...dto.practices], notes: dto.notes ?? '' }, at: givenBusinessTime(dto) },
      context,
    );
  }
}
