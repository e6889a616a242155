import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { RevealsPersonalData } from '../../audit/access-log/personal-data-access.interceptor';
import { Expensive, Roles } from '../../common/auth/roles.decorator';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { ViewQueryDto } from '../../common/views/page-query.dto';
import type { OutreachAnswer } from './get-outreach.handler';
import { GetOutreachQuery, OUTREACH_FORMATS, type OutreachFormat } from './get-outreach.query';
import { outreachCsv, peopleInCsv } from './outreach-list.csv';

export class GetOutreachQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Also the past participants of the chains this chain follows' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeEarlierChains?: 'true' | 'false';

  @ApiPropertyOptional({ enum: OUTREACH_FORMATS, default: 'json', example: 'csv', description: '`csv`: one row per person for the mailing tool (name, e-mail, organisation, what they took part in, their consent)' })
  @IsOptional()
  @IsIn(OUTREACH_FORMATS)
  format?: OutreachFormat;
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class GetOutreachHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id/outreach')
  @Roles('backoffice')
  // Reads every registration of the chain's earlier workshops: one of the key's expensive reads.
  @Expensive()
  @ViewRead()
  @RevealsPersonalData<OutreachAnswer | string>((answer) => (typeof answer === 'string' ? peopleInCsv(answer) : answer.people.map((person) => person.personId)))
  @ApiOperation({
    summary: 'Who to tell about this workshop: past participants of its chain (and of earlier chains) who consented to be told (backoffice only: personal data)',
    description:
      "Past participants: people who held a seat at a workshop of the chain before this one (or, with includeEarlierChains, at any workshop of a chain this chain follows), each once, with what they took part in, their organisation and the consent the list rests on (`future-workshops`, as it stands now; withdrawals win). Left out and counted by reason: erased, already registered here (or waitlisted), withdrawn, no consent. `outreaches` are the outreaches recorded for the workshop, each with the registrations (not cancelled) that followed it. Every answer is recorded in the access log.",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ workshop, drawnFrom, people, excluded, outreaches } (JSON), or `outreach.csv`' })
  async get(@Param('id', uuidParam('id')) id: string, @Query() query: GetOutreachQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OutreachAnswer | string> {
    const answer = await this.bus.execute<GetOutreachQuery, OutreachAnswer>(new GetOutreachQuery(id, query.includeEarlierChains === 'true'));
    if (query.format !== 'csv') return answer;
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="outreach-${id}.csv"`);
    return outreachCsv(answer.people);
  }
}
