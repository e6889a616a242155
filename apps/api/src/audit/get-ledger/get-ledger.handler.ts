import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditLedger } from '@kuhina/application';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { GetLedgerQuery } from './get-ledger.query';

/** The ledger as JSON, or one of its two CSV sheets (text), computed on a read worker. */
@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler implements IQueryHandler<GetLedgerQuery, AuditLedger | string> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ chainId, role, format }: GetLedgerQuery): Promise<AuditLedger | string> {
    return this.workers.run({ kind: 'ledger', chainId, revealPeople: role === 'backoffice', format });
  }
}
