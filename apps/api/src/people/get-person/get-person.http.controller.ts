import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RevealsPersonalData } from '../../audit/access-log/personal-data-access.interceptor';
import { Roles } from '../../common/auth/roles.decorator';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { GetPersonQuery } from './get-person.query';
import type { PersonQueryResult, PersonView } from './get-person.handler';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class GetPersonHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @Roles('backoffice')
  @ViewRead()
  @RevealsPersonalData<PersonView>((person) => (person.status === 'active' ? [person.id] : []))
  @ApiOperation({
    summary: 'One person with their personal data, decrypted, and every chain they took part in (back-office only; an erased person shows only { id, status: "erased" })',
    description:
      'Answered from the person view, which keeps the personal data sealed as the events carry it; it is decrypted for the answer. `chains`, from the chain-lessons view: every chain the person took part in, by period, `{ chainId, name, periodStart, periodEnd, workshops: [{ workshopId, title, startsAt, order, parts, attended }] }` with workshops in chain order, `parts` the roles registered in (a workshop in no chain: under `chainId` null). The ETag is the revision of the person\'s own stream, which the chains are not part of. After a write, pass its `position` as `consistentWith` to read it (a 404 then means no such person). Every answer that shows personal data is recorded in the access log (GET /audit/access-log) before it is sent; if it cannot be recorded the answer is 503.',
  })
  @ApiOkResponse({ description: 'The person with their chains; ETag carries the revision' })
  @ApiForbiddenResponse({ description: 'Analyst and auditor keys never see personal data' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PersonView> {
    const result = await this.bus.execute<GetPersonQuery, PersonQueryResult>(new GetPersonQuery(id));
    withEtag(reply, result.revision);
    // Personal data: no browser or proxy may keep a copy (createApp's default says the same; said here so it cannot be lost).
    void reply.header('cache-control', 'no-store');
    return result.person;
  }
}
