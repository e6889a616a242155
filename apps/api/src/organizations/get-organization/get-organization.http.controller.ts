import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RegisteredOrganization } from '@kuhina/domain';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { GetOrganizationQuery } from './get-organization.query';
import type { OrganizationView } from './get-organization.handler';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class GetOrganizationHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'One organisation (answered from the aggregate state: always current, no projector lag)' })
  @ApiOkResponse({ description: 'The organisation; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RegisteredOrganization> {
    const view = await this.bus.execute<GetOrganizationQuery, OrganizationView>(new GetOrganizationQuery(id));
    withEtag(reply, view.revision);
    return view.organization;
  }
}
