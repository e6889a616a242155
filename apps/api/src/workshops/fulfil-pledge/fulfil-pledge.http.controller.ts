import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { FulfilPledgeRequestDto } from './fulfil-pledge.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class FulfilPledgeHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/pledges/:pid/fulfil')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that a pending pledge was delivered (its in-kind value then counts)',
    description: 'Refusals: 404 WORKSHOP.NOT_FOUND, PLEDGE.NOT_FOUND; 409 PLEDGE.NOT_PENDING (already fulfilled or withdrawn).',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the pledge id' })
  async fulfil(
    @Param('id', uuidParam('id')) workshopId: string,
    @Param('pid', uuidParam('pid')) pledgeId: string,
    @Body() dto: FulfilPledgeRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, pledgeId, 'workshop', { type: 'FulfilPledge', data: { workshopId, pledgeId }, at: givenBusinessTime(dto) }, context);
  }
}
