import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { uuidParam } from '../../common/http/uuid-param';
import { WithdrawConsentRequestDto } from './withdraw-consent.request.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class WithdrawConsentHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/consents/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that a person withdrew consent for one purpose',
    description:
      'Records ConsentWithdrawn on the person stream. Withdrawals win: from `withdrawnOn` on, no consent for the purpose given on or before that day counts, whatever order they were recorded in; only a consent given again on a later day does. A withdrawal is recorded even when no consent is on file (it then also beats a consent typed in later with an earlier date). The same withdrawal again records nothing. Refusals: 400 CONSENT.INVALID_FIELD; 404 PERSON.NOT_FOUND; 409 PERSON.ERASED; 422 CONSENT.DATE_AFTER_FACT.',
  })
  @ApiOkResponse({ type: CommandResponse, description: '`id` is the person id' })
  @ApiNotFoundResponse({ description: 'PERSON.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PERSON.ERASED; 412 with a stale If-Match' })
  async withdraw(
    @Param('id', uuidParam('id')) personId: string,
    @Body() dto: WithdrawConsentRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { purpose, withdrawnOn, source } = dto;
    const data = { personId, purpose, withdrawnOn, source, wordingVersion: dto.wordingVersion ?? null };
    return sendDomainCommand(this.bus, reply, personId, 'person', { type: 'WithdrawConsent', data, at: givenBusinessTime(dto) }, context);
  }
}
