import type { CommandContext } from '@kuhina/event-store';

export class CloseChainCommand {
  constructor(
    readonly chainId: string,
    readonly reason: string,
    readonly at: string,
    readonly context: CommandContext,
  ) {}
}
