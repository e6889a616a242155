import { errorMessage } from '../error-message';
import { BACKWARDS, END, FORWARDS, KurrentDBClient, excludeSystemEvents, type AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { AppendResult, ChainedEvent, EventStorage, ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamHead, StreamName, Unsubscribe } from '../event-store.port';
import { isSystemEvent, toEventData, toPortError, toStreamState } from './kurrentdb-mapping';
import { headPositionOf, positionOf, readAllEvents, readStreamEvents, streamsFromProjection } from './kurrentdb-reads';

// Still exported from here, where they were first defined (the package index re-exports toStreamState from this path).
export { toPortError, toStreamState } from './kurrentdb-mapping';

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

const PAGE = 4096;

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
    const data = events.map((event) => toEventData(event, stream));
    let appended;
    try {
      // One append call is one atomic write on the server: all events or none.
      appended = await this.client.appendToStream(stream, data, { streamState: toStreamState(expected) });
    } catch (error) {
      throw toPortError(error, stream, expected);
    }
    const revision = events[events.length - 1]!.revision;
    // The append answer's position is not documented to be the last event's: read it back to be exact.
    const position = (await positionOf(this.client, stream, revision)) ?? appended.position?.commit;
    if (position === undefined) throw new Error(`KurrentDB gave no $all position for ${stream}@${revision} (server older than 22.6?)`);
    this.notify(position);
    return { stream, revision, position, duplicate: false };
  }

  async findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    const wanted = new Set(eventIds.map((id) => id.toLowerCase()));
    const found: RecordedEvent[] = [];
    // Newest first: a retry concerns recent events. Bounded window, see `findByIdsWindow`.
    for (const event of await readStreamEvents(this.client, stream, { direction: BACKWARDS, fromRevision: END, maxCount: this.findByIdsWindow })) {
      if (!wanted.has(event.id.toLowerCase())) continue;
      found.push(event);
      if (found.length === wanted.size) break;
    }
    return found.sort((a, b) => a.revision - b.revision);
  }

  async streamHead(stream: StreamName): Promise<StreamHead | null> {
    const [last] = await readStreamEvents(this.client, stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? { revision: last.revision, hash: last.hash } : null;
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    return readStreamEvents(this.client, stream, {
      direction: FORWARDS,
      fromRevision: BigInt(Math.max(0, options.fromRevision ?? 0)),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
  }

  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllEvents(this.client, after, maxCount, options);
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
      const names = await streamsFromProjection(this.client);
      if (names) {
        yield* names;
        return;
      }
      if (this.listStreamsFrom === 'streams-projection') throw new Error('The $streams projection is not available (start KurrentDB with projections enabled)');
    }
    yield* this.streamsFromScan();
  }

  headPosition(): Promise<bigint | null> {
    return headPositionOf(this.client);
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
