import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { ViewRead } from '../../common/http/view-read';
import { GetCollaborationQuery } from './get-collaboration.query';
import type { CollaborationQueryResult, CollaborationView } from './get-collaboration.handler';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class GetCollaborationHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ViewRead()
  @ApiOperation({
    summary: 'One collaboration: partners, the workshop that sparked it, status and outcome, from the collaboration view',
    description: 'After a write, pass its `position` as `consistentWith` to read it (a 404 then means no such collaboration). The ETag is the revision of the collaboration\'s stream the view has seen.',
  })
  @ApiOkResponse({ description: 'The collaboration; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CollaborationView> {
    const result = await this.bus.execute<GetCollaborationQuery, CollaborationQueryResult>(new GetCollaborationQuery(id));
    withEtag(reply, result.revision);
    return result.collaboration;
  }
}
