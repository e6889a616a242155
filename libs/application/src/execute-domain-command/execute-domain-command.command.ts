import type { CommandContext } from '@kuhina/event-store';
import type { AggregateName, CommandOf } from '../aggregates';
import type { RequestedCommand } from '../business-time/business-time';

/**
 * The CQRS message for any domain command: the use-case handlers of the API and the CLI's seed
 * dispatch it on the CommandBus, and one handler decides and appends it. The command's `at` may be left out
 * (a request without `occurredAt`): the rule of its type dates it (business-time/business-dates.ts).
 */
export class ExecuteDomainCommand<A extends AggregateName = AggregateName> {
  constructor(
    readonly aggregate: A,
    readonly command: CommandOf<A> | RequestedCommand<CommandOf<A>>,
    readonly context: CommandContext,
  ) {}
}
