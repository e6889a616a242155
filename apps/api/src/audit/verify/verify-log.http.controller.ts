import { Controller, Get, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { LogVerification } from '@kuhina/event-store';
import { Expensive, Roles } from '../../common/auth/roles.decorator';
import { VerifyLogQuery } from './verify-log.query';
import { VerifyLogResponse } from './verify-log.response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verify')
export class VerifyLogHttpController {
  constructor(private readonly bus: QueryBus) {}

  @Get()
  @Roles('auditor', 'backoffice')
  @Expensive()
  @ApiOperation({
    summary: 'Verify that the log was not tampered with (auditor and backoffice roles; analysts get 403)',
    description:
      'Recomputes the SHA-256 hash chain of every stream and the Merkle root (sha256-merkle-v1) of every seal in `audit-seals`. ' +
      'Always `200`: `intact: false` names the first broken link (stream, revision, event id, expected and found hash) or, when every link holds, ' +
      'the seals that no longer match (sealed position, sealed root, recomputed root). Reads the whole log: seconds for a large one.',
  })
  @ApiOkResponse({ type: VerifyLogResponse })
  @ApiForbiddenResponse({ description: 'The analyst role may not verify the log' })
  verify(@Req() request: FastifyRequest): Promise<LogVerification> {
    return this.bus.execute(new VerifyLogQuery(request.principal!.name));
  }
}
