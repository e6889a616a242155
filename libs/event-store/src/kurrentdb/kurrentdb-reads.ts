import {
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  RUNNING,
  START,
  eventTypeFilter,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import type { ReadAllOptions, RecordedEvent, StreamName } from '../event-store.port';
import { NO_POSITION, USER_STREAMS, escapeRegex, isDeletedStreamError, isKurrentError, isSystemEvent, toRecordedEvent } from './kurrentdb-mapping';

// The reads of the KurrentDB adapter, over the client: a stream, `$all` (filtered on the server), the head, `$streams`.

/**
 * Reads a stream, an absent or deleted stream being empty. A tombstoned stream (StreamDeletedError) reads as absent, so that
 * listing and verifying the log does not stop at it: its removal is what the seals (Merkle roots over the heads) show.
 * `requiresLeader`: where a decision follows the read (a head to append onto, a claim's state), a follower's lag must not count.
 */
export async function readStreamEvents(
  client: KurrentDBClient,
  stream: StreamName,
  options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount: number; requiresLeader?: boolean },
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(stream, options)) {
      if (!resolved.event) continue;
      const position = resolved.event.position?.commit;
      if (position === undefined || position === NO_POSITION) {
        throw new Error(`KurrentDB returned ${stream}@${resolved.event.revision} without its $all position (server older than 22.6?)`);
      }
      events.push(toRecordedEvent(resolved.event, position));
    }
  } catch (error) {
    if (isKurrentError(error, ErrorType.STREAM_NOT_FOUND) || isDeletedStreamError(error)) return [];
    throw error;
  }
  return events;
}

/** One event of a stream, read from the leader (the one just appended, to learn its `$all` position and who wrote it). */
export async function readBack(client: KurrentDBClient, stream: StreamName, revision: number): Promise<RecordedEvent | undefined> {
  const [event] = await readStreamEvents(client, stream, { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: 1, requiresLeader: true });
  return event?.revision === revision ? event : undefined;
}

/**
 * Events of user streams after `after` in `$all`, system events left out; with `options.types`, only those types. From the
 * leader: a reader waiting for a position an append just reported must not be served by a follower that lags behind it.
 */
export async function readAllEvents(client: KurrentDBClient, after: bigint | null, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
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
    for await (const resolved of client.readAll({ fromPosition: from, maxCount: want, filter, requiresLeader: true })) {
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

/** The `$all` position of the last event of a user stream (null: none). */
export async function headPositionOf(client: KurrentDBClient): Promise<bigint | null> {
  let from: ReadPosition = END;
  for (;;) {
    let seen = 0;
    let last: Position | undefined;
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 64, filter: USER_STREAMS, requiresLeader: true })) {
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

/**
 * Names from `$streams` (one link per stream, data `0@<name>`), or null when the projection is off, not running or not
 * readable: a stopped or faulted projection still has its stream, frozen where it stopped, and `audit verify` would then
 * miss every stream made since (the caller falls back to scanning `$all`).
 */
export async function streamsFromProjection(client: Pick<KurrentDBClient, 'readStream' | 'getProjectionStatus'>): Promise<StreamName[] | null> {
  const status = await client.getProjectionStatus('$streams').catch(() => null);
  if (status === null || status.projectionStatus !== RUNNING) return null;
  const names = new Set<StreamName>();
  try {
    for await (const resolved of client.readStream('$streams', { resolveLinkTos: false })) {
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
