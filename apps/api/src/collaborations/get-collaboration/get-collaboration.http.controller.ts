import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../common/http/command-response';
import { uuidParam } from '../../common/http/uuid-param';
import { GetCollaborationQuery } from './get-collaboration.query';
import type { CollaborationQueryResult, CollaborationView } from './get-collaboration.handler';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class GetCollaborationHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'One collaboration: partners, the workshop that sparked it, status and outcome (answered from the aggregate state: always current, no projector lag)' })
  @ApiOkResponse({ description: 'The collaboration; ETag carries its revision' })
  async get(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CollaborationView> {
    const result = await this.bus.execute<GetCollaborationQuery, CollaborationQueryResult>(new GetCollaborationQuery(id));
    withEtag(reply, result.revision);
    return result.collaboration;
  }
}
