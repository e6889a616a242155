import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditReader, ledgerHistoryCsv, ledgerItemsCsv, type AuditLedger } from '@kuhina/application';
import { GetLedgerQuery } from './get-ledger.query';

/** The ledger as JSON, or one of its two CSV sheets (text). */
@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler implements IQueryHandler<GetLedgerQuery, AuditLedger | string> {
  constructor(private readonly audit: AuditReader) {}

  async execute({ chainId, role, format }: GetLedgerQuery): Promise<AuditLedger | string> {
    const ledger = await this.audit.ledger(chainId, { revealPeople: role === 'backoffice' });
    if (format === 'json') return ledger;
    return format === 'csv' ? ledgerItemsCsv(ledger) : ledgerHistoryCsv(ledger);
  }
}
