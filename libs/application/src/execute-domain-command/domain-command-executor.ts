import { CommandHandler, type CommandContext, type CommandResult, type CommandWithOptionalTime } from '@kuhina/event-store';
import { AGGREGATES, type AggregateName, type AggregateRoute, type CommandOf, type StateOf } from '../aggregates';
import { BusinessTimePolicy, BusinessTimeRequiredError, timedCommand, type RequestedCommand } from '../business-time/business-time';
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
    const requested = command as RequestedCommand<CommandOf<A>>;
    return this.handler.handle(route.decider, stream, command as unknown as CommandWithOptionalTime<CommandOf<A>>, context, {
      timed: (state, recordedAt) => {
        try {
          return timedCommand<CommandOf<A>>(requested, state, recordedAt, this.policy);
        } catch (error) {
          if (!(error instanceof BusinessTimeRequiredError)) throw error;
          // A write the decider refuses whatever its date (a closed chain, a bad field) gets that refusal, not a
          // request for a date it could not use: decide (pure) with the recording time, and ask only if it passes.
          route.decider.decide(timedCommand<CommandOf<A>>({ ...requested, at: recordedAt }, state, recordedAt, this.policy), state);
          throw error;
        }
      },
    });
  }
}
