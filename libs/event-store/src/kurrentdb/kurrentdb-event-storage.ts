import { errorMessage } from '../error-message';
import {
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  ANY,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type AppendStreamState,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type ChainedEvent,
  type EventMetadata,
  type EventStorage,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type StreamName,
  type Unsubscribe,
} from '../event-store.port';

export interface KurrentDbEventStorageOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`; reading `$all` / `$streams` on a secure node needs admin credentials in it. */
  connectionString: string;
  /**
   * How far back `findByIds` looks in a stream (events, newest first). A retried append whose
   * events are older than this window is not recognised as a duplicate. Default 4096.
   */
  findByIdsWindow?: number;
  /**
   * Where `listStreams` finds stream names: `auto` (default) reads the `$streams` system projection
   * when it exists and falls back to scanning `$all`; the projection runs asynchronously, so a
   * stream created a moment ago may be missing from it for a short while.
   */
  listStreamsFrom?: 'auto' | 'streams-projection' | 'all-scan';
  /** Pause before re-subscribing after the live subscription failed (ms). Default 1000. */
  resubscribeDelayMs?: number;
}

/** Only user streams: `$`-streams (system, metadata `$$x`, projections `$ce-x`, `$et-x`, ...) are KurrentDB's own. */
const USER_STREAMS = streamNameFilter({ regex: '^[^$]' });
/** The largest 64-bit value: what older servers put where a stream read has no `$all` position. */
const NO_POSITION = 2n ** 64n - 1n;
const PAGE = 4096;

/** Maps the port's expectation to KurrentDB's stream state. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/**
 * Event storage on KurrentDB (EventStoreDB) through the official client. Our event id is the
 * KurrentDB event id; data is the JSON body; metadata is our six fields plus the chain fields
 * (`stream`, `revision`, `prevHash`, `hash`); the global position is the `$all` commit position.
 * Needs KurrentDB / EventStoreDB 22.6 or later (stream reads must carry `$all` positions).
 */
export class KurrentDbEventStorage implements EventStorage {
  readonly name = 'kurrentdb';
  private readonly client: KurrentDBClient;
  private readonly findByIdsWindow: number;
  private readonly listStreamsFrom: 'auto' | 'streams-projection' | 'all-scan';
  private readonly resubscribeDelayMs: number;
  private readonly listeners = new Set<(position: bigint) => void>();
  private subscription: AllStreamSubscription | null = null;
  private resubscribeTimer: NodeJS.Timeout | null = null;
  private lastNotified = 0n;
  private closed = false;

  constructor(options: KurrentDbEventStorageOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.findByIdsWindow = options.findByIdsWindow ?? 4096;
    this.listStreamsFrom = options.listStreamsFrom ?? 'auto';
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? 1000;
  }

  async appendChained(stream: StreamName, events: ChainedEvent[], expected: number | 'no-stream'): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendChained needs at least one event');
    const first = expected === 'no-stream' ? 0 : expected + 1;
    events.forEach((event, index) => {
      if (event.stream !== stream || event.revision !== first + index) {
        throw new Error(`Event ${event.id} is chained as ${event.stream}@${event.revision}, expected ${stream}@${first + index}`);
      }
    });
    const data = events.map((event) =>
      jsonEvent({
        id: event.id,
        type: event.type,
        // Any JSON value is a valid body; the client's type only lists the common shapes.
        data: event.data as JSONType,
        metadata: { ...event.metadata, stream, revision: event.revision, prevHash: event.prevHash, hash: event.hash },
      }),
    );
    let appended;
    try {
      // One append call is one atomic write on the server: all events or none.
      appended = await this.client.appendToStream(stream, data, { streamState: toStreamState(expected) });
    } catch (error) {
      throw toPortError(error, stream, expected);
    }
    const revision = events[events.length - 1]!.revision;
    // The append answer's position is not documented to be the last event's: read it back to be exact.
    const position = (await this.positionOf(stream, revision)) ?? appended.position?.commit;
    if (position === undefined) throw new Error(`KurrentDB gave no $all position for ${stream}@${revision} (server older than 22.6?)`);
    this.notify(position);
    return { stream, revision, position, duplicate: false };
  }

  async findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    const wanted = new Set(eventIds.map((id) => id.toLowerCase()));
    const found: RecordedEvent[] = [];
    // Newest first: a retry concerns recent events. Bounded window, see `findByIdsWindow`.
    for (const event of await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: this.findByIdsWindow })) {
      if (!wanted.has(event.id.toLowerCase())) continue;
      found.push(event);
      if (found.length === wanted.size) break;
    }
    return found.sort((a, b) => a.revision - b.revision);
  }

  async streamHead(stream: StreamName): Promise<StreamHead | null> {
    const [last] = await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? { revision: last.revision, hash: last.hash } : null;
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    return this.read(stream, {
      direction: FORWARDS,
      fromRevision: BigInt(Math.max(0, options.fromRevision ?? 0)),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
  }

  async readAll(after: bigint | null, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be an integer >= 0, got ${maxCount}`);
    const out: RecordedEvent[] = [];
    if (options.types?.length === 0) return out;
    // Filtered on the server: the other types never cross the wire. `$`-types (system events) cannot match.
    const filter = options.types === undefined ? USER_STREAMS : eventTypeFilter({ regex: `^(?:${options.types.map(escapeRegex).join('|')})$` });
    // Events appended through gRPC are implicit transactions: their prepare position equals their
    // commit position, so the commit position alone is enough to resume from.
    let from: ReadPosition = after === null ? START : { commit: after, prepare: after };
    let floor = after;
    while (out.length < maxCount) {
      // +1: reading from a position includes the event at that position, which was already delivered.
      const want = maxCount - out.length + 1;
      let seen = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: want, filter })) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        last = event.position;
        if (floor !== null && event.position.commit <= floor) continue;
        if (isSystemEvent(event)) continue;
        out.push(toRecordedEvent(event, event.position.commit));
        if (out.length === maxCount) break;
      }
      if (out.length >= maxCount || seen < want || !last) break;
      from = last;
      floor = last.commit;
    }
    return out;
  }

  /** KurrentDB keeps no index by event id: the log is read from the start until the event shows up. */
  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    for (let after: bigint | null = null; ; ) {
      const page = await this.readAll(after, 1000);
      if (page.length === 0) return null;
      const found = page.find((event) => event.id === eventId);
      if (found) return found;
      after = page[page.length - 1]!.position;
    }
  }

  async *listStreams(): AsyncIterable<StreamName> {
    if (this.listStreamsFrom !== 'all-scan') {
      const names = await this.streamsFromProjection();
      if (names) {
        yield* names;
        return;
      }
      if (this.listStreamsFrom === 'streams-projection') throw new Error('The $streams projection is not available (start KurrentDB with projections enabled)');
    }
    yield* this.streamsFromScan();
  }

  async headPosition(): Promise<bigint | null> {
    let from: ReadPosition = END;
    for (;;) {
      let seen = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 64, filter: USER_STREAMS })) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        if (!isSystemEvent(event)) return event.position.commit;
        last = event.position;
      }
      if (seen < 64 || !last) return null;
      from = last;
    }
  }

  subscribe(listener: (position: bigint) => void): Unsubscribe {
    if (this.closed) throw new Error('KurrentDbEventStorage is closed');
    this.listeners.add(listener);
    if (!this.subscription && !this.resubscribeTimer) this.startSubscription();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopSubscription();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.stopSubscription();
    await this.client.dispose();
  }

  /** Reads a stream, an absent stream being empty. */
  private async read(
    stream: StreamName,
    options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount: number },
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, options)) {
        if (!resolved.event) continue;
        const position = resolved.event.position?.commit;
        if (position === undefined || position === NO_POSITION) {
          throw new Error(`KurrentDB returned ${stream}@${resolved.event.revision} without its $all position (server older than 22.6?)`);
        }
        events.push(toRecordedEvent(resolved.event, position));
      }
    } catch (error) {
      if (isKurrentError(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw error;
    }
    return events;
  }

  private async positionOf(stream: StreamName, revision: number): Promise<bigint | undefined> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1, requiresLeader: true })) {
      const position = resolved.event?.position?.commit;
      return position === undefined || position === NO_POSITION ? undefined : position;
    }
    return undefined;
  }

  /** Names from `$streams` (one link per stream, data `0@<name>`), or null when the projection is off or not readable. */
  private async streamsFromProjection(): Promise<StreamName[] | null> {
    const names = new Set<StreamName>();
    try {
      for await (const resolved of this.client.readStream('$streams', { resolveLinkTos: false })) {
        const link = resolved.event;
        if (!link) continue;
        const text = typeof link.data === 'string' ? link.data : Buffer.from(link.data as Uint8Array).toString('utf8');
        const name = text.slice(text.indexOf('@') + 1);
        if (name.length > 0 && !name.startsWith('$')) names.add(name);
      }
    } catch (error) {
      if (isKurrentError(error, ErrorType.STREAM_NOT_FOUND) || isKurrentError(error, ErrorType.ACCESS_DENIED)) return null;
      throw error;
    }
    return [...names];
  }

  /** Every stream name, from one pass over `$all` (user streams only). Cost: the size of the log. */
  private async *streamsFromScan(): AsyncIterable<StreamName> {
    const names = new Set<StreamName>();
    let after: bigint | null = null;
    for (;;) {
      const page = await this.readAll(after, PAGE);
      for (const event of page) {
        if (names.has(event.stream)) continue;
        names.add(event.stream);
        yield event.stream;
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.position;
    }
  }

  private startSubscription(): void {
    this.resubscribeTimer = null;
    if (this.closed || this.listeners.size === 0) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    subscription.on('data', (resolved) => {
      const event = resolved.event;
      if (event && !isSystemEvent(event)) this.notify(event.position.commit);
    });
    // Appends made between subscribe() and the server's confirmation would be missed by a
    // subscription "from the end": announce the head once the subscription is live.
    subscription.on('confirmation', () => {
      this.headPosition().then(
        (head) => {
          if (head !== null && this.subscription === subscription) this.notify(head);
        },
        () => undefined,
      );
    });
    subscription.on('error', () => {
      if (this.subscription !== subscription) return;
      this.subscription = null;
      if (this.closed || this.listeners.size === 0) return;
      this.resubscribeTimer = setTimeout(() => this.startSubscription(), this.resubscribeDelayMs);
      this.resubscribeTimer.unref();
    });
  }

  private stopSubscription(): void {
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) {
      subscription.removeAllListeners('data');
      subscription.removeAllListeners('confirmation');
      // Keep swallowing errors of the cancelled call: an unhandled 'error' event would crash the process.
      subscription.on('error', () => undefined);
      void subscription.unsubscribe().catch(() => undefined);
    }
  }

  private notify(position: bigint): void {
    if (position <= this.lastNotified) return;
    this.lastNotified = position;
    for (const listener of [...this.listeners]) {
      try {
        listener(position);
      } catch (error) {
        process.emitWarning(`Event store subscriber failed: ${errorMessage(error)}`, 'KuhinaEventStoreWarning');
      }
    }
  }
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** KurrentDB's WrongExpectedVersionError becomes the port's WrongExpectedRevisionError; anything else passes through. */
export function toPortError(error: unknown, stream: StreamName, expected: ExpectedRevision): unknown {
  if (!isKurrentError(error, ErrorType.WRONG_EXPECTED_VERSION)) return error;
  const actual = (error as { actualState?: unknown }).actualState;
  return new WrongExpectedRevisionError(stream, expected, typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no-stream');
}

function isKurrentError(error: unknown, type: ErrorType): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}

const CHAIN_FIELDS = new Set(['stream', 'revision', 'prevHash', 'hash']);

/**
 * Rebuilds our event from a KurrentDB record. Revision and stream come from the server (the
 * metadata copies are informational); an event written past Kuhina (no chain fields, binary body)
 * is still returned as found, so that verification reports it instead of reads failing.
 */
function toRecordedEvent(event: KurrentRecordedEvent | AllStreamRecordedEvent, position: bigint): RecordedEvent {
  const stored = typeof event.metadata === 'object' && event.metadata !== null && !(event.metadata instanceof Uint8Array) && !Array.isArray(event.metadata)
    ? (event.metadata as Record<string, unknown>)
    : {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (!CHAIN_FIELDS.has(key)) metadata[key] = value;
  return {
    id: event.id.toLowerCase(),
    stream: event.streamId,
    revision: Number(event.revision),
    position,
    type: event.type,
    data: event.isJson ? event.data : Buffer.from(event.data as Uint8Array).toString('base64'),
    metadata: metadata as unknown as EventMetadata,
    prevHash: typeof stored.prevHash === 'string' ? stored.prevHash : null,
    hash: typeof stored.hash === 'string' ? stored.hash : '',
  };
}
