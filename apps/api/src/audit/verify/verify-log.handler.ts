import { Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LogVerification, LogVerifyProgress } from '@kuhina/event-store';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { VerifyLogQuery } from './verify-log.query';

/** A big log takes a while: say how far the check has got at most this often (ms). */
const PROGRESS_EVERY_MS = 5_000;

/**
 * Recomputes every hash and link and every seal straight from the event store (never from a view: a
 * view cannot vouch for the log it was built from), on a read worker. Progress goes to the server log while it runs.
 */
@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery, LogVerification> {
  private readonly logger = new Logger('AuditVerify');

  constructor(private readonly workers: ReadWorkers) {}

  async execute({ requestedBy }: VerifyLogQuery): Promise<LogVerification> {
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
    const result = await this.workers.run({ kind: 'verify-log' }, report);
    if (!result.intact) this.logger.warn(`log verification for ${requestedBy} found the log altered: ${result.problem}`);
    return result;
  }
}
