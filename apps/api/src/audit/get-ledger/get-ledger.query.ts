import type { Role } from '../../common/auth/api-keys';

/** `json`: the ledger; `csv`: one row per item (what a spreadsheet sums); `csv-history`: one row per event behind the items. */
export const LEDGER_FORMATS = ['json', 'csv', 'csv-history'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export class GetLedgerQuery {
  constructor(
    readonly chainId: string,
    /** The backoffice sees people's ids; the auditor pseudonyms. */
    readonly role: Role,
    readonly format: LedgerFormat = 'json',
  ) {}
}
