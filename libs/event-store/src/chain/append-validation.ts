import type { EventMetadata, EventToAppend, ExpectedRevision, StreamName } from '../event-store.port';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

/** Raised before anything is written when an append is malformed (a caller's mistake, not a conflict). */
export class InvalidAppendError extends Error {
  readonly code = 'STREAM.INVALID_APPEND';
  constructor(
    readonly stream: StreamName,
    readonly reason: string,
  ) {
    super(`Stream ${stream}: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

// Any RFC 9562 layout (the command handler derives version-8 ids); KurrentDB only needs 128 bits in UUID text form.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const METADATA_FIELDS = ['occurredAt', 'recordedAt', 'actor', 'correlationId', 'causationId', 'schemaVersion'] as const;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function assertStreamName(stream: unknown): asserts stream is StreamName {
  if (typeof stream !== 'string' || stream.length === 0 || stream.trim() !== stream) {
    throw new InvalidAppendError(String(stream), 'a stream name is a non-empty string without surrounding spaces');
  }
  // `$` streams belong to KurrentDB itself; refusing them everywhere keeps both adapters equivalent.
  if (stream.startsWith('$')) throw new InvalidAppendError(stream, 'stream names starting with $ are reserved for the store');
}

export function assertExpectedRevision(stream: StreamName, expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'no-stream' || expected === 'exists' || expected === 'any') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidAppendError(stream, `expected revision must be 'no-stream', 'exists', 'any' or an integer >= 0, got ${String(expected)}`);
}

/** An event as the append checked it: data and metadata as their canonical JSON values, and as those values' texts. */
export interface NormalizedEvent extends EventToAppend {
  /** `canonicalJson(data)`: what is hashed, and what a storage of JSON text may store as it is. */
  dataJson: string;
  metadataJson: string;
}

/**
 * Validates events and returns them in the exact form that will be hashed and stored: ids in lower
 * case (KurrentDB returns them so; idempotency compares ids), data and metadata as their canonical
 * JSON values, so that a read-back event hashes to the same value as the one written.
 */
export function normalizeEventsToAppend(stream: StreamName, events: readonly EventToAppend[]): NormalizedEvent[] {
  if (!Array.isArray(events)) throw new InvalidAppendError(stream, 'events must be an array');
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `event #${index}`;
    if (typeof event !== 'object' || event === null) throw new InvalidAppendError(stream, `${at} is not an object`);
    if (!isUuid(event.id)) throw new InvalidAppendError(stream, `${at}: id must be a UUID, got ${JSON.stringify(event.id)}`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(stream, `${at}: id ${id} appears twice in the same append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError(stream, `${at}: type must be a non-empty string`);
    if (event.type.startsWith('$')) throw new InvalidAppendError(stream, `${at}: event types starting with $ are reserved for the store`);
    const dataJson = canonical(stream, `${at} data`, event.data);
    const metadata = validMetadata(stream, at, event.metadata);
    const metadataJson = canonicalJson(metadata);
    return { id, type: event.type, data: JSON.parse(dataJson) as unknown, metadata, dataJson, metadataJson };
  });
}

function validMetadata(stream: StreamName, at: string, metadata: unknown): EventMetadata {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidAppendError(stream, `${at}: metadata must be an object with ${METADATA_FIELDS.join(', ')}`);
  }
  const m = metadata as Record<string, unknown>;
  const missing = METADATA_FIELDS.filter((field) => !(field in m) || m[field] === undefined);
  if (missing.length > 0) throw new InvalidAppendError(stream, `${at}: metadata lacks ${missing.join(', ')}`);
  // Exactly the six fields: they are hashed, and every adapter must give back exactly what was hashed.
  const extra = Object.keys(m).filter((key) => !(METADATA_FIELDS as readonly string[]).includes(key) && m[key] !== undefined);
  if (extra.length > 0) throw new InvalidAppendError(stream, `${at}: metadata has unknown fields ${extra.join(', ')}`);
  for (const field of ['occurredAt', 'recordedAt'] as const) {
    if (typeof m[field] !== 'string' || Number.isNaN(Date.parse(m[field] as string))) {
      throw new InvalidAppendError(stream, `${at}: metadata.${field} must be an ISO 8601 date-time string`);
    }
  }
  for (const field of ['actor', 'correlationId'] as const) {
    if (typeof m[field] !== 'string' || (m[field] as string).length === 0) throw new InvalidAppendError(stream, `${at}: metadata.${field} must be a non-empty string`);
  }
  if (m.causationId !== null && (typeof m.causationId !== 'string' || m.causationId.length === 0)) {
    throw new InvalidAppendError(stream, `${at}: metadata.causationId must be a non-empty string or null`);
  }
  if (typeof m.schemaVersion !== 'number' || !Number.isSafeInteger(m.schemaVersion) || m.schemaVersion < 1) {
    throw new InvalidAppendError(stream, `${at}: metadata.schemaVersion must be an integer >= 1`);
  }
  return {
    occurredAt: m.occurredAt as string,
    recordedAt: m.recordedAt as string,
    actor: m.actor as string,
    correlationId: m.correlationId as string,
    causationId: m.causationId as string | null,
    schemaVersion: m.schemaVersion,
  };
}

/** The canonical JSON text of `value` (its round trip through it is the value stored). */
function canonical(stream: StreamName, what: string, value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new InvalidAppendError(stream, `${what}: ${error.message}`);
    throw error;
  }
}
