import { Inject, Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChainedEventStore, EVENT_STORE, verifyLog, type EventStore, type LogVerification, type LogVerifyProgress } from '@kuhina/event-store';
import { VerifyLogQuery } from './verify-log.query';

/** A big log takes a while: say how far the check has got at most this often (ms). */
const PROGRESS_EVERY_MS = 5_000;

/**
 * Recomputes every hash and link and every seal straight from the event store (never from a view: a
 * view cannot vouch for the log it was built from). Progress goes to the server log while it runs.
 */
@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery, LogVerification> {
  private readonly logger = new Logger('AuditVerify');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ requestedBy }: VerifyLogQuery): Promise<LogVerification> {
    // Listing the streams is the storage's job; the application's store is always the chained one over it.
    if (!(this.store instanceof ChainedEventStore)) throw new Error('Log verification needs the ChainedEventStore (it reads the storage underneath)');
    let lastReport = Date.now();
    const report = (progress: LogVerifyProgress) => {
      const now = Date.now();
      if (now - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = now;
      this.logger.log(
        progress.phase === 'chain'
          ? `verifying for ${requestedBy}: ${progress.streamsChecked}/${progress.streamsTotal} streams, ${progress.eventsChecked} events`
          : `verifying ${progress.sealsTotal} seals for ${requestedBy}: log read up to position ${progress.position}`,
      );
    };
    const result = await verifyLog(this.store.storage, { onProgress: report });
    if (!result.intact) this.logger.warn(`log verification for ${requestedBy} found the log altered: ${result.problem}`);
    return result;
  }
}
