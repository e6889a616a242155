/**
 * A decider is the whole write-side behaviour of one aggregate, as three pure parts
 * (after Jérémie Chassaing's "functional event sourcing" and the Emmett samples):
 * no clock, no id generation, no I/O — time and ids arrive inside the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** A domain event before it gets an id and metadata from the application layer. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/** A command names the instant it happened (business time); the decider never reads a clock. */
export interface DomainCommand<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
  /** ISO 8601 business time of the command. */
  at: string;
}

/** Exhaustiveness check for `switch` statements over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

export const fold = <E, S>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState);
