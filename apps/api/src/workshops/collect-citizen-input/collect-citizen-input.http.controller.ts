import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { uuidParam } from '../../common/http/uuid-param';
import { CollectCitizenInputRequestDto } from './collect-citizen-input.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class CollectCitizenInputHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/citizen-input')
  @HttpCode(201)
  @ApiOperation({
    summary: "Record citizens' views collected at the workshop (e.g. the bench café): topic, summary, how many were heard",
    description: 'Refusals: 404 WORKSHOP.NOT_FOUND; 409 CITIZEN_INPUT.ALREADY_EXISTS, WORKSHOP.ALREADY_REPORTED, WORKSHOP.CANCELLED.',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the citizen-input id' })
  async collect(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: CollectCitizenInputRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const inputId = resourceId(dto.id, context, 'citizen-input');
    const at = givenBusinessTime(dto);
    return sendDomainCommand(
      this.bus,
      reply,
      inputId,
      'workshop',
      { type: 'CollectCitizenInput', data: { workshopId, inputId, topic: dto.topic, summary: dto.summary, citizensHeard: dto.citizensHeard, countingMethod: dto.countingMethod, collectedAt: dto.collectedAt ?? at }, at: at },
      context,
    );
  }
}
