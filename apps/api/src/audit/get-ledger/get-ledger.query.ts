import type { Role } from '../../common/auth/api-keys';

export class GetLedgerQuery {
  constructor(
    readonly chainId: string,
    /** The backoffice sees people's ids; the auditor pseudonyms. */
    readonly role: Role,
  ) {}
}
