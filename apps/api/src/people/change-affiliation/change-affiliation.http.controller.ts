import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { businessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';
import { sendDomainCommand } from '../../common/http/send-domain-command';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class ChangeAffiliationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/affiliation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the organisation a person represents (null: none)' })
  @ApiOkResponse({ type: CommandResponse })
  async change(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ChangeAffiliationRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return sendDomainCommand(this.bus, reply, id, 'person', { type: 'ChangeAffiliation', data: { personId: id, organizationId: dto.organizationId }, at: businessTime(dto) }, context);
  }
}
