import { MAX_VIEW_DOCUMENT_BYTES, ViewDocumentTooLargeError, type Checkpoint, type ViewDocument } from '../read-store.port';

/**
 * Argument checks shared by every adapter, so that a name or document one adapter accepts is accepted by
 * all of them (MongoDB is the narrowest: collection names become `view_<name>` and index names become
 * field paths `idx.<name>`, where dots and `$` would change the meaning).
 */

const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const INDEX_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const MAX_LIST_LIMIT = 1000;

export function assertCollection(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new TypeError(`Invalid view collection name ${JSON.stringify(collection)}: use 1-100 of [A-Za-z0-9_.-], starting with a letter or digit`);
  }
}

export function assertIndexName(name: string): void {
  if (typeof name !== 'string' || !INDEX_NAME.test(name)) {
    throw new TypeError(`Invalid index name ${JSON.stringify(name)}: use 1-64 of [A-Za-z0-9_-]`);
  }
}

export function assertId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError(`A document id must be a non-empty string, got ${JSON.stringify(id)}`);
}

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${String(limit)}`);
  }
}

/** The JSON text of a document; throws (at the caller's put) for non-objects, bigint and cycles. */
export function serializeDocument(doc: ViewDocument): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('A view document must be a JSON object');
  return JSON.stringify(doc);
}

/** A lease's name and owner are non-empty text; its term a whole number of ms from 1 ms to a day. */
export function assertLease(name: string, owner: string, ttlMs: number): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new TypeError('A lease name must be 1-200 characters');
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > 200) throw new TypeError('A lease owner must be 1-200 characters');
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1 || ttlMs > 86_400_000) throw new RangeError(`A lease term must be 1 to 86,400,000 ms, got ${String(ttlMs)}`);
}

/**
 * Below this many characters of JSON a document cannot reach the limit as BSON (BSON takes at most ~6.5 bytes per JSON
 * character: `0,` in an array of a million numbers is 13 bytes), so the exact size is computed only for larger ones.
 */
const SURELY_SMALL_JSON = 2 * 1024 * 1024;

/** Throws ViewDocumentTooLargeError if the document (as JSON text) is over MAX_VIEW_DOCUMENT_BYTES as BSON: the same limit on every adapter. */
export function assertStorableSize(collection: string, id: string, json: string): void {
  if (json.length < SURELY_SMALL_JSON) return;
  const bytes = bsonSize(JSON.parse(json));
  if (bytes > MAX_VIEW_DOCUMENT_BYTES) throw new ViewDocumentTooLargeError(collection, id, bytes);
}

/**
 * The BSON size of a parsed JSON value as the `bson` serializer writes it (the rules of its calculate_size.ts): a
 * document is 4 + its elements + 1; an element is a type byte, its key as a C string, then the value (strings 4 + UTF-8
 * + 1, int32 4, other numbers 8, booleans 1, null 0); arrays are documents keyed "0", "1", …
 */
export function bsonSize(value: unknown): number {
  if (value === null || typeof value !== 'object') throw new TypeError('bsonSize measures a document or array');
  let total = 5;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) total += 2 + decimalDigits(i) + valueSize(value[i]);
  } else {
    for (const key in value) total += 2 + Buffer.byteLength(key, 'utf8') + valueSize((value as Record<string, unknown>)[key]);
  }
  return total;
}

/** The bytes of a value after its element's type byte and key. */
function valueSize(item: unknown): number {
  if (typeof item === 'string') return 5 + Buffer.byteLength(item, 'utf8');
  if (typeof item === 'number') return Number.isInteger(item) && item >= -(2 ** 31) && item < 2 ** 31 && !Object.is(item, -0) ? 4 : 8;
  if (typeof item === 'boolean') return 1;
  return item === null ? 0 : bsonSize(item);
}

const decimalDigits = (n: number): number => (n < 10 ? 1 : Math.floor(Math.log10(n)) + 1);

export function checkedIndexes(indexes: Record<string, string> | undefined): Record<string, string> {
  const copy: Record<string, string> = {};
  if (!indexes) return copy;
  for (const [name, value] of Object.entries(indexes)) {
    assertIndexName(name);
    if (typeof value !== 'string') throw new TypeError(`Index ${name} must have a string value, got ${typeof value}`);
    copy[name] = value;
  }
  return copy;
}

export function checkedCheckpoint(projector: string, checkpoint: Checkpoint): Checkpoint {
  if (typeof projector !== 'string' || projector.length === 0) throw new TypeError('A checkpoint needs a non-empty projector name');
  const { position, versions } = checkpoint;
  if (position !== null && (typeof position !== 'bigint' || position < 0n)) {
    throw new TypeError(`A checkpoint position must be a bigint >= 0 or null, got ${String(position)}`);
  }
  const copy: Record<string, number> = {};
  for (const [name, version] of Object.entries(versions ?? {})) {
    if (!Number.isSafeInteger(version)) throw new TypeError(`Version of ${name} must be an integer, got ${String(version)}`);
    copy[name] = version;
  }
  return { position, versions: copy };
}
