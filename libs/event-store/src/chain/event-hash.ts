import { createHash, hash } from 'node:crypto';
import type { EventMetadata, StreamName } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** Exactly the fields a link of the hash chain covers; `position` is not one (the store assigns it). */
export interface HashedEventFields {
  id: string;
  stream: StreamName;
  revision: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  prevHash: string | null;
}

/** SHA-256 (lower-case hex) of the canonical JSON of exactly the hashed fields. */
export function hashEvent(event: HashedEventFields): string {
  return sha256Hex(hashedText(event));
}

/**
 * The same hash, with data and metadata given as their canonical JSON texts (`canonicalJson` of each), as the append
 * already wrote them when it checked the event: the write path hashes without walking the data a second time.
 */
export function hashEventJson(event: Omit<HashedEventFields, 'data' | 'metadata'>, dataJson: string, metadataJson: string): string {
  return sha256Hex(topLevelText(event, dataJson, metadataJson));
}

/** The top level written in its sorted key order directly (it is hashed for every event written and re-checked). */
function topLevelText({ id, stream, revision, type, prevHash }: Omit<HashedEventFields, 'data' | 'metadata'>, dataJson: string, metadataJson: string): string {
  return `{"data":${dataJson},"id":${JSON.stringify(id)},"metadata":${metadataJson},"prevHash":${prevHash === null ? 'null' : JSON.stringify(prevHash)},"revision":${JSON.stringify(revision)},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`;
}

/** The canonical JSON of the seven fields; picked explicitly so that extra properties (hash, position, ...) never leak in. */
function hashedText(event: HashedEventFields): string {
  const { id, stream, revision, type, data, metadata, prevHash } = event;
  // Anything off the usual shape goes through the general writer, which names the problem.
  if (typeof id === 'string' && typeof stream === 'string' && typeof type === 'string' && Number.isFinite(revision) && (prevHash === null || typeof prevHash === 'string') && data !== undefined && metadata !== undefined) {
    return topLevelText(event, canonicalJson(data), canonicalJson(metadata));
  }
  return canonicalJson({ id, stream, revision, type, data, metadata, prevHash });
}

// One-shot crypto.hash (Node ≥ 20.12) skips the Hash object: about a third of createHash's cost for an event's text.
const sha256Hex: (text: string) => string = typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex');
