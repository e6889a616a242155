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
import { SubmitFeedbackRequestDto } from './submit-feedback.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class SubmitFeedbackHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/feedback')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Record feedback on a held workshop (rating 1–5, optional comment): from a registration that attended (422 FEEDBACK.NOT_ATTENDED otherwise), or an anonymous form without a registration',
    description:
      'Refusals: 404 WORKSHOP.NOT_FOUND, REGISTRATION.NOT_FOUND; 409 WORKSHOP.NOT_HELD, WORKSHOP.CANCELLED, FEEDBACK.DUPLICATE (already given for this registration), REGISTRATION.NOT_REGISTERED, FEEDBACK.ALREADY_EXISTS.',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the feedback id' })
  async submit(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: SubmitFeedbackRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const feedbackId = resourceId(dto.id, context, 'feedback');
    return sendDomainCommand(
      this.bus,
      reply,
      feedbackId,
      'workshop',
      {
        type: 'SubmitFeedback',
        data: { workshopId, feedbackId, registrationId: dto.registrationId ?? null, anonymous: dto.anonymous ?? (dto.registrationId ?? null) === null, rating: dto.rating, comment: dto.comment ?? null },
        at: givenBusinessTime(dto),
      },
      context,
    );
  }
}
