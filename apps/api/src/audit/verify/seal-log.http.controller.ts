import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext, SealResult } from '@kuhina/event-store';
import { Expensive, Roles } from '../../common/auth/roles.decorator';
import { Command } from '../../common/http/command-context';
import { SealLogCommand } from '@kuhina/application';
import { SealLogResponse } from './seal-log.response.dto';
import { ReadWorkers } from '../../common/read-workers/read-workers';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/seals')
export class SealLogHttpController {
  constructor(
    private readonly bus: CommandBus,
    private readonly workers: ReadWorkers,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('auditor', 'backoffice')
  @Expensive()
  @ApiOperation({
    summary: 'Seal the log: a Merkle root over every stream head at the current position (auditor and backoffice roles; analysts get 403)',
    description:
      'Appends `AuditSealed { position, streams, root, algorithm: sha256-merkle-v1, at }` to the `audit-seals` stream. ' +
      '`GET /audit/verify` recomputes every seal; keep the root outside Kuhina as well (a report, an e-mail) so that it can be compared later. ' +
      'Send an `Idempotency-Key`: a retry answers the first seal and appends nothing.',
  })
  @ApiCreatedResponse({ type: SealLogResponse })
  @ApiForbiddenResponse({ description: 'The analyst role may not seal the log' })
  @ApiConflictResponse({ description: 'SEAL.EMPTY_LOG: nothing to seal yet' })
  async seal(@Command() context: CommandContext): Promise<SealLogResponse> {
    // The pass over the log runs on a read worker; only the append is left to the event loop. An empty log leaves no
    // root (the handler then answers 409 SEAL.EMPTY_LOG, as it always did).
    const computed = (await this.workers.run({ kind: 'seal-root' })) ?? undefined;
    const result = await this.bus.execute<SealLogCommand, SealResult>(new SealLogCommand(new Date().toISOString(), context, computed));
    return { id: result.id, position: result.eventPosition.toString(), seal: result.seal };
  }
}
