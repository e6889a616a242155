import { errorMessage } from '../error-message';
import { BACKWARDS, END, FORWARDS, KurrentDBClient, excludeSystemEvents, type AllStreamSubscription } from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  DeletedStreamError,
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type ChainedEvent,
  type EventStorage,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type StreamName,
  type Unsubscribe,
} from '../event-store.port';
import { claimIds, findStored } from './kurrentdb-id-index';
import { MAX_APPEND_BYTES, appendBytes, isSystemEvent, toEventData, toPortError, toStreamState } from './kurrentdb-mapping';
import { headPositionOf, readAllEvents, readBack, readStreamEvents, streamsFromProjection } from './kurrentdb-reads';

// Still exported from here, where they were first defined (the package index re-exports toStreamState from this path).
export { toPortError, toStreamState } from './kurrentdb-mapping';
export { AppendTooLargeError, DeletedStreamError } from '../event-store.port';

export interface KurrentDbEventStorageOptions {
  /**
   * e.g. `kurrentdb://localhost:2113?tls=false`; reading `$all` / `$streams` and writing the id index (`$kuhina-id-*`
   * streams) on a secure node needs admin credentials in it.
   */
  connectionString: string;
  /**
   * Where `listStreams` finds stream names: `auto` (default) reads the `$streams` system projection
   * when it exists and falls back to scanning `$all`; the projection runs asynchronously, so a
   * stream created a moment ago may be missing from it for a short while.
   */
  listStreamsFrom?: 'auto' | 'streams-projection' | 'all-scan';
  /** Pause before re-subscribing after the live subscription failed or ended (ms). Default 1000. */
  resubscribeDelayMs?: number;
  /**
   * The most one append may carry (bytes of data and metadata): the server's MaxAppendSize. Default 1 MiB, KurrentDB's
   * default; set it to the server's value if that was changed.
   */
  maxAppendBytes?: number;
}

const PAGE = 4096;

/**
 * Event storage on KurrentDB (EventStoreDB) through the official client. Our event id is the
 * KurrentDB event id; data is the JSON body; metadata is our six fields plus the chain fields
 * (`stream`, `revision`, `prevHash`, `hash`); the global position is the `$all` commit position.
 * Ids are kept unique by the id index (kurrentdb-id-index.ts). Needs KurrentDB / EventStoreDB 22.6 or later (stream
 * reads must carry `$all` positions). Reads that a decision or a wait follows go to the leader (`requiresLeader`).
 */
export class KurrentDbEventStorage implements EventStorage {
  readonly name = 'kurrentdb';
  /** The id index refuses stored ids before the write: the chained store need not look for them before every append. */
  readonly refusesStoredIds = true;
  private readonly client: KurrentDBClient;
  private readonly listStreamsFrom: 'auto' | 'streams-projection' | 'all-scan';
  private readonly resubscribeDelayMs: number;
  private readonly maxAppendBytes: number;
  private readonly listeners = new Set<(position: bigint) => void>();
  private subscription: AllStreamSubscription | null = null;
  private resubscribeTimer: NodeJS.Timeout | null = null;
  private lastNotified = 0n;
  private closed = false;

  constructor(options: KurrentDbEventStorageOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.listStreamsFrom = options.listStreamsFrom ?? 'auto';
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? 1000;
    this.maxAppendBytes = options.maxAppendBytes ?? MAX_APPEND_BYTES;
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
    // Refused, not split: one command's events are one atomic write, and chunks would let a reader (or a crash) see half.
    const bytes = appendBytes(data);
    if (bytes > this.maxAppendBytes) throw new AppendTooLargeError(stream, bytes, this.maxAppendBytes);
    if (expected === 'no-stream') await this.refuseSoftDeleted(stream);
    // Before the events: the ids' markers, so that no other append (any process, any time later) stores them again.
    const { adopted } = await claimIds(this.client, { stream, first, ids: events.map((event) => event.id.toLowerCase()) });
    let appended;
    try {
      // One append call is one atomic write on the server: all events or none.
      appended = await this.client.appendToStream(stream, data, { streamState: toStreamState(expected) });
    } catch (error) {
      throw toPortError(error, stream, expected, bytes);
    }
    // With `throwOnAppendFailure=false` in the URL the client answers a conflict with success: false instead of throwing.
    if (!appended.success) throw await this.refusal(stream, expected);
    const top = events[events.length - 1]!;
    // The append answer's position is not documented to be the last event's: read it back to be exact.
    const stored = await readBack(this.client, stream, top.revision);
    if (!stored || stored.id !== top.id.toLowerCase()) throw new Error(`KurrentDB does not give back ${stream}@${top.revision} just appended`);
    // The same append had claimed these ids first (then the server let one copy in: same ids, same expected revision), or
    // the stored copy is not ours (same ids, another hash): this one is the duplicate, answered by the store from the copy.
    if (adopted || stored.hash !== top.hash) throw new EventIdConflictError(stream, events.map((event) => event.id));
    this.notify(stored.position);
    return { stream, revision: top.revision, position: stored.position, duplicate: false };
  }

  async findByIds(stream: StreamName, eventIds: string[]): Promise<RecordedEvent[]> {
    if (eventIds.length === 0) return [];
    // Through the id index: a marker (two for a pointer) per id and each claim's events, however long the stream.
    return (await findStored(this.client, stream, eventIds)).sort((a, b) => a.revision - b.revision);
  }

  async streamHead(stream: StreamName): Promise<StreamHead | null> {
    const [last] = await readStreamEvents(this.client, stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true });
    return last ? { revision: last.revision, hash: last.hash } : null;
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    return readStreamEvents(this.client, stream, {
      direction: FORWARDS,
      fromRevision: BigInt(Math.max(0, options.fromRevision ?? 0)),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      // A command decides on what it reads here: a follower's lag would only turn into a conflict at the append.
      requiresLeader: true,
    });
  }

  readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllEvents(this.client, after, maxCount, options);
  }

  /** Through the id index; an event written before the index existed is looked for by reading the log from the start. */
  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const [indexed] = await findStored(this.client, null, [eventId]);
    if (indexed) return indexed;
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
    // The server may end the call cleanly (a leader change, a restart, an idle proxy): that stops the notifications as
    // surely as an error, so all three restart it. Whichever comes first does; the others find it replaced.
    const restart = (): void => {
      if (this.subscription !== subscription) return;
      this.subscription = null;
      if (this.closed || this.listeners.size === 0) return;
      this.resubscribeTimer = setTimeout(() => this.startSubscription(), this.resubscribeDelayMs);
      this.resubscribeTimer.unref();
    };
    subscription.on('error', restart);
    subscription.on('end', restart);
    subscription.on('close', restart);
  }

  /**
   * A stream that looks absent may be soft-deleted: KurrentDB would then continue its revisions after the deleted ones, where
   * our events are chained from revision 0, and verification would call every later event tampered. Such a stream is closed
   * for Kuhina (DeletedStreamError); one metadata read, only for appends that create a stream.
   */
  private async refuseSoftDeleted(stream: StreamName): Promise<void> {
    const { metadata } = await this.client.getStreamMetadata(stream, { requiresLeader: true });
    if (metadata?.truncateBefore !== undefined && metadata.truncateBefore !== 0) throw new DeletedStreamError(stream, 'soft-deleted');
  }

  /** The port's error for an append the server refused with success: false (the client's revision there is unreliable: re-read). */
  private async refusal(stream: StreamName, expected: number | 'no-stream'): Promise<WrongExpectedRevisionError> {
    const head = await this.streamHead(stream);
    return new WrongExpectedRevisionError(stream, expected, head ? head.revision : 'no-stream');
  }

  private stopSubscription(): void {
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) {
      for (const name of ['data', 'confirmation', 'end', 'close']) subscription.removeAllListeners(name);
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
