import { DomainError, type Decider, type DomainCommand, type DomainEvent } from '@kuhina/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type IdempotencyClaim,
  type EventToAppend,
  type RecordedEvent,
  type StreamName,
} from '../event-store.port';
import { deriveEventId } from './derive-event-id';
import { StateCache, type CachedState } from './state-cache';
import { OneAtATime } from '../one-at-a-time';

/** Who and why: the envelope every command carries besides its domain data. */
export interface CommandContext {
  /** UUID of this command. Event ids derive from it: a retry with the same id appends nothing. */
  commandId: string;
  actor: string;
  correlationId: string;
  /** The event or command that caused this one; defaults to `commandId`. */
  causationId?: string | null;
  /** Optimistic concurrency from the client (`If-Match`): the revision it last saw. No retry when set. */
  expectedRevision?: number;
  /** The request's Idempotency-Key, claimed with the events this command appends (see IdempotencyClaim). */
  claim?: IdempotencyClaim;
}

export interface CommandResult<S> {
  stream: StreamName;
  /** Ids and types of the events this command appended, or of those a previous identical command appended (`duplicate`). */
  events: Array<{ id: string; type: string; revision: number }>;
  /** The stream's revision after the command (-1: the stream still has no events). */
  revision: number;
  /** Log position of the last event written, or of the stream head when nothing was written. */
  position: bigint | null;
  /** True when the command had already been handled: nothing was appended. */
  duplicate: boolean;
  /**
   * The business time the command was decided at (its events' `occurredAt`); for a duplicate, that of the first
   * attempt. Lets a use case date its next step like its first.
   */
  occurredAt: string;
  state: S;
}

/** A command whose business time may still be open: `HandleOptions.timed` supplies it from the loaded state. */
export type CommandWithOptionalTime<C> = C extends DomainCommand<infer T, infer D> ? { type: T; data: D; at?: string } : never;

export interface HandleOptions<C, S> {
  /**
   * The command as decided, from the stream's state as loaded for the decision and the recording time: its business
   * time (e.g. a workshop's fact defaults to the workshop's own date) and the fields that default to it. Called before
   * every decision (again after a concurrent write), so the date follows the state the decision saw; it may refuse
   * (throw a DomainError) like the decider. Without it the command must carry its `at`. `decide` stays pure: it sees a
   * plain command.
   */
  timed?: (state: S, recordedAt: string) => C;
}

export interface CommandHandlerOptions {
  /** System clock for `recordedAt`; business time comes with the command. */
  clock?: () => Date;
  /** How many times to reload and decide again after a concurrent write to the same stream. */
  maxRetries?: number;
  cacheSize?: number;
  schemaVersion?: number;
}

/**
 * The one generic command handler: load (cached) state → decide → append with the expected
 * revision; on a concurrent write, catch up and decide again, a bounded number of times.
 */
export class CommandHandler {
  private readonly cache: StateCache;
  private readonly clock: () => Date;
  private readonly maxRetries: number;
  /** The last command of each stream in this process (see handle). */
  private readonly streamTurns = new OneAtATime<StreamName>();
  private readonly schemaVersion: number;

  constructor(
    private readonly store: EventStore,
    options: CommandHandlerOptions = {},
  ) {
    this.cache = new StateCache(options.cacheSize ?? 10_000);
    this.clock = options.clock ?? (() => new Date());
    this.maxRetries = options.maxRetries ?? 5;
    this.schemaVersion = options.schemaVersion ?? 1;
  }

  /**
   * Load → decide → append, one command per stream at a time in this process: the next one decides on the state the
   * previous one left, instead of on a state its append (waiting for a group commit) is about to make stale. Commands on
   * other streams run meanwhile and share commits; another process's writes are still met by the retry below.
   */
  handle<C extends DomainCommand<string, unknown>, E extends DomainEvent<string, unknown>, S>(
    decider: Decider<C, E, S>,
    stream: StreamName,
    requested: C | CommandWithOptionalTime<C>,
    context: CommandContext,
    options: HandleOptions<C, S> = {},
  ): Promise<CommandResult<S>> {
    return this.streamTurns.run(stream, () => this.decideAndAppend(decider, stream, requested, context, options));
  }

  private async decideAndAppend<C extends DomainCommand<string, unknown>, E extends DomainEvent<string, unknown>, S>(
    decider: Decider<C, E, S>,
    stream: StreamName,
    requested: C | CommandWithOptionalTime<C>,
    context: CommandContext,
    options: HandleOptions<C, S>,
  ): Promise<CommandResult<S>> {
    let current = await this.load(decider, stream);
    // Only the store answers revision -1 (the cache keeps none): a stream it just showed empty holds no earlier result of
    // this command, so a creation skips the look-up (an identical retry racing in is recognised by the append below).
    if (current.revision >= 0) {
      const previous = await this.previousResult(decider, stream, context.commandId);
      if (previous) return previous;
    }
    const timed = (state: S, recordedAt: string): C => {
      if (options.timed) return options.timed(state, recordedAt);
      if (requested.at === undefined) throw new Error(`${requested.type} on ${stream} has no business time and no rule to infer one`);
      return requested as C;
    };

    for (let attempt = 0; ; attempt++) {
      if (context.expectedRevision !== undefined && context.expectedRevision !== current.revision) {
        // The cache may be behind another process: only refuse once we know the real head.
        current = await this.catchUp(decider, stream, current);
        if (context.expectedRevision !== current.revision) {
          throw new WrongExpectedRevisionError(stream, context.expectedRevision, current.revision < 0 ? 'no-stream' : current.revision);
        }
      }

      const recordedAt = this.clock().toISOString();
      let command: C;
      let decided: E[];
      try {
        command = timed(current.state, recordedAt);
        decided = decider.decide(command, current.state);
      } catch (error) {
        // A refusal based on a possibly stale cache is confirmed against the store before it is final.
        if (!(error instanceof DomainError)) throw error;
        const fresh = await this.catchUp(decider, stream, current);
        if (fresh.revision === current.revision) throw error;
        current = fresh;
        command = timed(current.state, recordedAt);
        decided = decider.decide(command, current.state);
      }

      if (decided.length === 0) {
        return { stream, events: [], revision: current.revision, position: current.position, duplicate: false, occurredAt: command.at, state: current.state };
      }

      const toAppend: EventToAppend[] = decided.map((event, index) => ({
        id: deriveEventId(context.commandId, stream, index),
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: command.at,
          recordedAt,
          actor: context.actor,
          correlationId: context.correlationId,
          causationId: context.causationId ?? context.commandId,
          schemaVersion: this.schemaVersion,
        },
      }));

      try {
        const result = await this.store.append(stream, toAppend, current.revision < 0 ? 'no-stream' : current.revision, context.claim ? { claim: context.claim } : {});
        if (result.duplicate) {
          // Another request with the same command id won the race: answer what it wrote.
          this.cache.delete(stream);
          const original = await this.previousResult(decider, stream, context.commandId);
          if (original) return original;
        }
        const state = decided.reduce(decider.evolve, current.state);
        this.cache.set<S>(stream, { state, revision: result.revision, position: result.position });
        const firstRevision = result.revision - toAppend.length + 1;
        const events = toAppend.map((event, index) => ({ id: event.id, type: event.type, revision: firstRevision + index }));
        return { stream, events, revision: result.revision, position: result.position, duplicate: false, occurredAt: command.at, state };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cache.delete(stream);
        if (context.expectedRevision !== undefined || attempt >= this.maxRetries) throw error;
        // Someone else wrote to this stream: read only what they added, then decide again.
        current = await this.catchUp(decider, stream, current);
      }
    }
  }

  /** Current state of a stream (from the cache when possible, catching up on new events). */
  async load<E extends DomainEvent<string, unknown>, S>(decider: Decider<never, E, S>, stream: StreamName): Promise<CachedState<S>> {
    const cached = this.cache.get<S>(stream);
    if (cached) return cached;
    const loaded = await this.catchUp(decider, stream, { state: decider.initialState, revision: -1, position: null });
    return loaded;
  }

  /** Reads what the store has after `from` and folds it; caches the result. */
  async catchUp<E extends DomainEvent<string, unknown>, S>(decider: Decider<never, E, S>, stream: StreamName, from: CachedState<S>): Promise<CachedState<S>> {
    let { state, revision, position } = from;
    for (;;) {
      const page = await this.store.readStream(stream, { fromRevision: revision + 1, maxCount: 4096 });
      for (const event of page) {
        state = decider.evolve(state, { type: event.type, data: event.data } as E);
        revision = event.revision;
        position = event.position;
      }
      if (page.length < 4096) break;
    }
    const entry = { state, revision, position };
    if (revision >= 0) this.cache.set(stream, entry);
    return entry;
  }

  /** Fresh state straight from the store, ignoring the cache (for reads that must not be stale). */
  async loadFresh<E extends DomainEvent<string, unknown>, S>(decider: Decider<never, E, S>, stream: StreamName): Promise<CachedState<S>> {
    const cached = this.cache.get<S>(stream);
    return this.catchUp(decider, stream, cached ?? { state: decider.initialState, revision: -1, position: null });
  }

  /** Forget cached state (e.g. after erasure or in tests). */
  evict(stream?: StreamName): void {
    if (stream === undefined) this.cache.clear();
    else this.cache.delete(stream);
  }

  /** The result of a command already handled on this stream (same command id), or null: for use cases that must tell a retry apart. */
  async previousResult<C, E extends DomainEvent<string, unknown>, S>(decider: Decider<C, E, S>, stream: StreamName, commandId: string): Promise<CommandResult<S> | null> {
    const [first] = await this.store.findByIds(stream, [deriveEventId(commandId, stream, 0)]);
    if (!first) return null;
    // The command's events are consecutive in the stream and all derive from the command id.
    const events: RecordedEvent[] = [];
    let next = first.revision;
    for (let done = false; !done; ) {
      const page = await this.store.readStream(stream, { fromRevision: next, maxCount: 256 });
      for (const event of page) {
        if (event.id !== deriveEventId(commandId, stream, events.length)) {
          done = true;
          break;
        }
        events.push(event);
      }
      if (page.length < 256) done = true;
      next += page.length;
    }
    const last = events[events.length - 1]!;
    const current = await this.load(decider as unknown as Decider<never, E, S>, stream);
    return {
      stream,
      events: events.map((event) => ({ id: event.id, type: event.type, revision: event.revision })),
      revision: last.revision,
      position: last.position,
      duplicate: true,
      occurredAt: first.metadata.occurredAt,
      state: current.state,
    };
  }
}
