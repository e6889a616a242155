import type { ChainDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class UpdateChainDetailsCommand {
  constructor(
    readonly chainId: string,
    /** Only the fields to change; the others stay as they are. */
    readonly changes: Partial<ChainDetails>,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
