import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WorkshopErrors, unprocessable } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';
import { Command } from '../../common/http/command-context';
import { givenBusinessTime } from '../../common/http/business-time';
import { CommandResponse } from '../../common/http/command-response';
import { resourceId } from '../../common/http/resource-id';
import { sendDomainCommand } from '../../common/http/send-domain-command';
import { uuidParam } from '../../common/http/uuid-param';
import type { OutreachAnswer } from '../get-outreach/get-outreach.handler';
import { GetOutreachQuery } from '../get-outreach/get-outreach.query';
import { RecordOutreachRequestDto } from './record-outreach.request.dto';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class RecordOutreachHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':id/outreach')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an outreach: past participants told about this workshop (sent outside Kuhina), by which channel and on which day',
    description:
      'Before the workshop only. Each person must have consented to be told about future workshops on `sentOn` (withdrawals win). For an invitation-only workshop the people told are invited by it. A later registration of someone told is attributed to the latest outreach that told them (GET /workshops/:id/registrations `outreachId`; the chain view counts them). Refusals: 400 OUTREACH.INVALID_FIELD; 404 WORKSHOP.NOT_FOUND, PERSON.NOT_FOUND; 409 WORKSHOP.ALREADY_HELD, WORKSHOP.CANCELLED, PERSON.ERASED, OUTREACH.ALREADY_EXISTS (id taken by another outreach); 422 CONSENT.NOT_GIVEN (`details.personId`, `details.reason`: no-consent or withdrawn), OUTREACH.SENT_AFTER_RECORD, OUTREACH.NOBODY_TO_TELL (`personIds` omitted and the list is empty).',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: '`id` is the outreach id' })
  async record(
    @Param('id', uuidParam('id')) workshopId: string,
    @Body() dto: RecordOutreachRequestDto,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const outreachId = resourceId(dto.id, context, 'outreach');
    const personIds = dto.personIds ? [...dto.personIds] : await this.listAsItStands(workshopId, dto.includeEarlierChains === true);
    return sendDomainCommand(
      this.commands,
      reply,
      outreachId,
      'workshop',
      { type: 'RecordOutreach', data: { workshopId, outreachId, channel: dto.channel, sentOn: dto.sentOn, personIds, note: dto.note ?? null }, at: givenBusinessTime(dto) },
      context,
    );
  }

  /** Everyone GET /workshops/:id/outreach lists now: what the back office exported and sent to. */
  private async listAsItStands(workshopId: string, includeEarlierChains: boolean): Promise<string[]> {
    const list = await this.queries.execute<GetOutreachQuery, OutreachAnswer>(new GetOutreachQuery(workshopId, includeEarlierChains));
    if (list.people.length === 0) {
      throw unprocessable(WorkshopErrors.OUTREACH_NOBODY_TO_TELL, `Nobody on the outreach list of workshop ${workshopId}: give personIds, or check consents`, { workshopId, excluded: list.excluded.byReason });
    }
    return list.people.map((person) => person.personId);
  }
}
