import type { CommandContext } from '@kuhina/event-store';

export class RecordLastPaymentCommand {
  constructor(
    readonly chainId: string,
    /** ISO date `YYYY-MM-DD` of the last payment to the beneficiary. */
    readonly paidOn: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
