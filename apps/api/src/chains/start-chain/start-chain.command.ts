import type { ChainDetails } from '@kuhina/domain';
import type { CommandContext } from '@kuhina/event-store';

export class StartChainCommand {
  constructor(
    readonly chainId: string,
    readonly details: ChainDetails,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
