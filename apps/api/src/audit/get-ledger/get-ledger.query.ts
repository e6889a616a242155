import type { LedgerFormat } from '@kuhina/application';
import type { Role } from '../../common/auth/api-keys';

export { LEDGER_FORMATS, type LedgerFormat } from '@kuhina/application';

export class GetLedgerQuery {
  constructor(
    readonly chainId: string,
    /** The backoffice sees people's ids; the auditor pseudonyms. */
    readonly role: Role,
    readonly format: LedgerFormat = 'json',
  ) {}
}
