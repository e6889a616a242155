import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conflict } from '@kuhina/domain';
import { AUDIT_SEALS_STREAM, EVENT_STORE, NothingToSealError, deriveEventId, sealLog, type EventStore, type SealResult } from '@kuhina/event-store';
import { SealLogCommand } from './seal-log.command';

/**
 * Appends an AuditSealed event (`POST /audit/seals`, `kuhina audit seal`); the event id derives from the command id, so a
 * retry (same Idempotency-Key) seals once. An empty log has nothing to seal: 409 SEAL.EMPTY_LOG.
 */
@CommandHandler(SealLogCommand)
export class SealLogHandler implements ICommandHandler<SealLogCommand, SealResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ at, context, computed }: SealLogCommand): Promise<SealResult> {
    try {
      return await sealLog(this.store, {
        actor: context.actor,
        at,
        id: deriveEventId(context.commandId, AUDIT_SEALS_STREAM, 0),
        correlationId: context.correlationId,
        causationId: context.causationId ?? context.commandId,
        computed,
      });
    } catch (error) {
      if (error instanceof NothingToSealError) throw conflict(error.code, error.message);
      throw error;
    }
  }
}
