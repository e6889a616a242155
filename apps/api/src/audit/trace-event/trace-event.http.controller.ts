import { Controller, Get, Param, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventTrace } from '@kuhina/application';
import { uuidParam } from '../../common/http/uuid-param';
import { AuditReport } from '../audit-roles';
import { TraceEventQuery } from './trace-event.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/trace')
export class TraceEventHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':eventId')
  @AuditReport()
  @ApiOperation({
    summary: 'One event: who recorded it and when, what caused it and what it caused, and every ledger figure and indicator that includes it',
    description: 'Reads the whole log once (no index by event id is kept). Roles: auditor and backoffice (analyst: 403); auditors see people only as pseudonyms and sealed personal data as sealed.',
  })
  @ApiOkResponse({
    description:
      "{ event, recordedBy, causedBy, caused, sameCommand, sameRequest, sameRequestTotal, includedIn }. recordedBy: the actor, i.e. the API user's name (or cli, retention, projector for Kuhina's own runs). causedBy: { kind: 'command', id, request } — the command that wrote it, sent in that request (correlation id); { kind: 'event', id, request, event } — an earlier event led to it; { kind: 'request', id } — no cause named but the request. Each with a one-sentence summary; empty fields are left out.",
  })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND: the log holds no event with this id' })
  get(@Param('eventId', uuidParam('eventId')) eventId: string, @Req() request: FastifyRequest): Promise<EventTrace> {
    return this.bus.execute(new TraceEventQuery(eventId, request.principal!.role));
  }
}
