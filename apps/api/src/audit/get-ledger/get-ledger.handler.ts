import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditReader, type AuditLedger } from '@kuhina/application';
import { GetLedgerQuery } from './get-ledger.query';

@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler implements IQueryHandler<GetLedgerQuery, AuditLedger> {
  constructor(private readonly audit: AuditReader) {}

  execute({ chainId, role }: GetLedgerQuery): Promise<AuditLedger> {
    return this.audit.ledger(chainId, { revealPeople: role === 'backoffice' });
  }
}
