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

/** KurrentDB's WrongExpectedVersionError becomes the port's WrongExpectedRevisionError; anything else passes through. */
export function toPortError(error: unknown, stream: StreamName, expected: ExpectedRevision): unknown {
  if (!isKurrentError(error, ErrorType.WRONG_EXPECTED_VERSION)) return error;
  const actual = (error as { actualState?: unknown }).actualState;
  return new WrongExpectedRevisionError(stream, expected, typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no-stream');
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
