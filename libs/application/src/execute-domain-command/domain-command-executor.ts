import { CommandHandler, type CommandContext, type CommandResult, type CommandWithOptionalTime } from '@kuhina/event-store';
import { AGGREGATES, type AggregateName, type AggregateRoute, type CommandOf, type StateOf } from '../aggregates';
import { BusinessTimePolicy, timedCommand, type RequestedCommand } from '../business-time/business-time';
import { referencesOf, type AnyDomainCommand } from './command-references';
import { requireReferences } from './reference-checks';

/**
 * The one generic use case (Emmett's `handle(decider, stream, command)`): check that the other aggregates the command
 * names exist (`command-references.ts`), then decide and append on the aggregate's stream. Every command without
 * further logic of its own goes through here, whether it comes from the API, the CLI or the demo seed.
 * The checks come first, as the API's handlers always did them: a command naming an unknown person is PERSON.NOT_FOUND
 * whatever the state of its workshop.
 * A command without `at` (a request without `occurredAt`) is dated by the rule of its type (`business-dates.ts`), from
 * the state its decision sees: no extra read.
 */
export class DomainCommandExecutor {
  constructor(
    private readonly handler: CommandHandler,
    private readonly policy: BusinessTimePolicy = new BusinessTimePolicy(),
  ) {}

  async execute<A extends AggregateName>(aggregate: A, command: CommandOf<A> | RequestedCommand<CommandOf<A>>, context: CommandContext): Promise<CommandResult<StateOf<A>>> {
    await requireReferences(this.handler, referencesOf(command as unknown as AnyDomainCommand));
    const route = AGGREGATES[aggregate] as unknown as AggregateRoute<CommandOf<A>, StateOf<A>>;
    const stream = route.stream(command as unknown as CommandOf<A>);
    return this.handler.handle(route.decider, stream, command as unknown as CommandWithOptionalTime<CommandOf<A>>, context, {
      timed: (state, recordedAt) => timedCommand<CommandOf<A>>(command as RequestedCommand<CommandOf<A>>, state, recordedAt, this.policy),
    });
  }
}
