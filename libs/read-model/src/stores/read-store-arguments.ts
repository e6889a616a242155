import type { Checkpoint, ViewDocument } from '../read-store.port';

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
