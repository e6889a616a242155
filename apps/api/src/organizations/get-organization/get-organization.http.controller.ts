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
    summary: 'One organisation: details, contact persons (back-office only), offers and the pledges it made to workshops',
    description: 'After a write, pass its `position` as `consistentWith` to read it (a 404 then means no such organisation). The ETag is the revision of the organisation\'s stream the view has seen.',
  })
  @ApiOkResponse({ description: 'The organisation; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrganizationProfile> {
    const view = await this.bus.execute<GetOrganizationQuery, OrganizationView>(new GetOrganizationQuery(id, request.principal?.role === 'backoffice'));
    withEtag(reply, view.revision);
    return view.organization;
  }
}
