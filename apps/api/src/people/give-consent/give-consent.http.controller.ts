import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { uuidParam } from '../../common/http/uuid-param';
import { GiveConsentRequestDto } from './give-consent.request.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class GiveConsentHttpController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/consents')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record that a person gave consent for one purpose (told about future workshops, named in reports)',
    description:
      'Records ConsentGiven on the person stream: purpose, the day it was given, source and wording version, in clear (none of it is personal data; the log keeps it as proof, also after an erasure). Every consent is recorded, even one dated before a withdrawal already on file: withdrawals win, so it then changes nothing (`GET /people/:id` shows the consent as it stands and its history). The same consent again (purpose, day, source, wording) is a retry and records nothing. Refusals: 400 CONSENT.INVALID_FIELD; 404 PERSON.NOT_FOUND; 409 PERSON.ERASED (an erased person has no consent); 422 CONSENT.DATE_AFTER_FACT (`givenOn` after `occurredAt`, or in the future).',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the person id' })
  @ApiNotFoundResponse({ description: 'PERSON.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PERSON.ERASED; 412 with a stale If-Match' })
  async give(
    @Param('id', uuidParam('id')) personId: string,
    @Body() dto: GiveConsentRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { purpose, givenOn, source, wordingVersion } = dto;
    return sendDomainCommand(this.bus, reply, personId, 'person', { type: 'GiveConsent', data: { personId, purpose, givenOn, source, wordingVersion }, at: givenBusinessTime(dto) }, context);
  }
}
