import type { CommandContext } from '@kuhina/event-store';
import type { AggregateName, CommandOf } from '../aggregates';

/**
 * The CQRS message for any domain command: the use-case handlers of the API and the CLI's seed
 * dispatch it on the CommandBus, and one handler decides and appends it.
 */
export class ExecuteDomainCommand<A extends AggregateName = AggregateName> {
  constructor(
    readonly aggregate: A,
    readonly command: CommandOf<A>,
    readonly context: CommandContext,
  ) {}
}
