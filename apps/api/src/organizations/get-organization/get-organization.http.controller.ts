import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { GetOrganizationQuery } from './get-organization.query';
import type { OrganizationProfile, OrganizationView } from './get-organization.handler';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class GetOrganizationHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ViewRead()
  @ApiOperation({
    summary: 'One organisation: details, contact persons (back-office only), offers, the pledges it made to workshops, and every chain it took part in',
    description:
      'After a write, pass its `position` as `consistentWith` to read it (a 404 then means no such organisation). The ETag is the revision of the organisation\'s stream the view has seen. `chains`, from the chain-lessons view: every chain the organisation took part in, by period, `{ chainId, name, periodStart, periodEnd, workshops: [{ workshopId, title, startsAt, order, parts, attended }] }` with workshops in chain order; `parts` are co-organizer, pledger, or the roles of the people it sent, `attended` whether anyone of it attended (a workshop in no chain: under `chainId` null). Ids and roles only: every role reads it. The ETag does not cover it (workshops are streams of their own).',
  })
  @ApiOkResponse({ description: 'The organisation with its chains; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrganizationProfile> {
    const view = await this.bus.execute<GetOrganizationQuery, OrganizationView>(new GetOrganizationQuery(id, request.principal?.role === 'backoffice'));
    withEtag(reply, view.revision);
    return view.organization;
  }
}
