import { CommandHandler, type CommandContext, type CommandResult } from '@kuhina/event-store';
import { AGGREGATES, type AggregateName, type AggregateRoute, type CommandOf, type StateOf } from '../aggregates';
import { referencesOf, type AnyDomainCommand } from './command-references';
import { requireReferences } from './reference-checks';

/**
 * The one generic use case (Emmett's `handle(decider, stream, command)`): check that the other aggregates the command
 * names exist (`command-references.ts`), then decide and append on the aggregate's stream. Every command without
 * further logic of its own goes through here, whether it comes from the API, the CLI or the demo seed.
 * The checks come first, as the API's handlers always did them: a command naming an unknown person is PERSON.NOT_FOUND
 * whatever the state of its workshop.
 */
export class DomainCommandExecutor {
  constructor(private readonly handler: CommandHandler) {}

  async execute<A extends AggregateName>(aggregate: A, command: CommandOf<A>, context: CommandContext): Promise<CommandResult<StateOf<A>>> {
    await requireReferences(this.handler, referencesOf(command as AnyDomainCommand));
    const route = AGGREGATES[aggregate] as unknown as AggregateRoute<CommandOf<A>, StateOf<A>>;
    return this.handler.handle(route.decider, route.stream(command), command, context);
  }
}
