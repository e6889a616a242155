import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RegisteredOrganization } from '@kuhina/domain';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { GetOrganizationQuery } from './get-organization.query';
import type { OrganizationView } from './get-organization.handler';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class GetOrganizationHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ViewRead()
  @ApiOperation({
    summary: 'One organisation, from the organisations view',
    description: 'After a write, pass its `position` as `consistentWith` to read it (a 404 then means no such organisation). The ETag is the revision of the organisation\'s stream the view has seen.',
  })
  @ApiOkResponse({ description: 'The organisation; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RegisteredOrganization> {
    const view = await this.bus.execute<GetOrganizationQuery, OrganizationView>(new GetOrganizationQuery(id));
    withEtag(reply, view.revision);
    return view.organization;
  }
}
