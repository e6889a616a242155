import {
  ANY,
  ErrorType,
  NO_STREAM,
  STREAM_EXISTS,
  jsonEvent,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AppendStreamState,
  type EventData,
  type JSONType,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  DeletedStreamError,
  WrongExpectedRevisionError,
  type ChainedEvent,
  type EventMetadata,
  type ExpectedRevision,
  type RecordedEvent,
  type StreamName,
} from '../event-store.port';

// The mapping between the port and KurrentDB's client: events and records, stream states, errors. Pure: no server.

/** Only user streams: `$`-streams (system, metadata `$$x`, projections `$ce-x`, `$et-x`, ...) are KurrentDB's own. */
export const USER_STREAMS = streamNameFilter({ regex: '^[^$]' });
/** The largest 64-bit value: what older servers put where a stream read has no `$all` position. */
export const NO_POSITION = 2n ** 64n - 1n;

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

/** Our chained event as a KurrentDB record: our event id, the JSON body, our metadata plus the chain fields. */
export function toEventData(event: ChainedEvent, stream: StreamName): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // Any JSON value is a valid body; the client's type only lists the common shapes.
    data: event.data as JSONType,
    metadata: { ...event.metadata, stream, revision: event.revision, prevHash: event.prevHash, hash: event.hash },
  });
}

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/**
 * The client's errors of an append as the port's: WrongExpectedVersionError → WrongExpectedRevisionError (with the actual
 * revision), StreamDeletedError (a tombstoned stream) → DeletedStreamError, MaxAppendSizeExceededError (the server's limit
 * was lower than the one checked before sending) → AppendTooLargeError. Anything else passes through.
 */
export function toPortError(error: unknown, stream: StreamName, expected: ExpectedRevision, bytes = 0): unknown {
  if (isDeletedStreamError(error)) return new DeletedStreamError(stream, 'tombstoned');
  if (isKurrentError(error, ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED)) {
    const limit = (error as { maxAppendSize?: unknown }).maxAppendSize;
    return new AppendTooLargeError(stream, bytes, typeof limit === 'number' ? limit : 0);
  }
  if (!isKurrentError(error, ErrorType.WRONG_EXPECTED_VERSION)) return error;
  const actual = (error as { actualState?: unknown }).actualState;
  return new WrongExpectedRevisionError(stream, expected, typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no-stream');
}

/** A tombstoned (hard-deleted) stream, as the client reports it on reads and appends (older servers: stream-deleted). */
export function isDeletedStreamError(error: unknown): boolean {
  return isKurrentError(error, ErrorType.STREAM_DELETED) || isKurrentError(error, ErrorType.STREAM_TOMBSTONED);
}

/** KurrentDB's default MaxAppendSize (1 MiB): the most one append may carry, counted over the events' data and metadata. */
export const MAX_APPEND_BYTES = 1024 * 1024;

/**
 * The bytes an append puts on the server's MaxAppendSize scale: every event's data and metadata as the client serialises
 * them (JSON, UTF-8), plus its type and id, so that the estimate errs on the side of refusing before the server does.
 */
export function appendBytes(events: readonly EventData[]): number {
  let bytes = 0;
  for (const event of events) {
    bytes += Buffer.byteLength(event.type) + event.id.length;
    bytes += event.data instanceof Uint8Array ? event.data.byteLength : Buffer.byteLength(JSON.stringify(event.data) ?? '');
    if (event.metadata !== undefined) bytes += event.metadata instanceof Uint8Array ? event.metadata.byteLength : Buffer.byteLength(JSON.stringify(event.metadata));
  }
  return bytes;
}

export function isKurrentError(error: unknown, type: ErrorType): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}

const CHAIN_FIELDS = new Set(['stream', 'revision', 'prevHash', 'hash']);

/**
 * Rebuilds our event from a KurrentDB record. Revision and stream come from the server (the
 * metadata copies are informational); an event written past Kuhina (no chain fields, binary body)
 * is still returned as found, so that verification reports it instead of reads failing.
 */
export function toRecordedEvent(event: KurrentRecordedEvent | AllStreamRecordedEvent, position: bigint): RecordedEvent {
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
