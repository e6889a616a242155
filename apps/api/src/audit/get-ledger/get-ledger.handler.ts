import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CHAIN_INTEGRITY, type ChainIntegrity } from '@kuhina/event-store';
import type { AuditLedger } from '@kuhina/application';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { logIntegrityNote, type LogIntegrityNote } from '../log-integrity';
import { GetLedgerQuery } from './get-ledger.query';

/** The ledger as JSON (with what is known of the log's integrity), or one of its two CSV sheets (text), computed on a read worker. */
@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler implements IQueryHandler<GetLedgerQuery, (AuditLedger & { logIntegrity: LogIntegrityNote }) | string> {
  constructor(
    private readonly workers: ReadWorkers,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
  ) {}

  async execute({ chainId, role, format }: GetLedgerQuery): Promise<(AuditLedger & { logIntegrity: LogIntegrityNote }) | string> {
    const answer = await this.workers.run({ kind: 'ledger', chainId, revealPeople: role === 'backoffice', format });
    return typeof answer === 'string' ? answer : { ...answer, logIntegrity: logIntegrityNote(this.integrity) };
  }
}
