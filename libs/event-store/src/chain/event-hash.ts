import { createHash } from 'node:crypto';
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
  // Pick the fields explicitly so that extra properties (hash, position, ...) never leak into the hash.
  const { id, stream, revision, type, data, metadata, prevHash } = event;
  return createHash('sha256').update(canonicalJson({ id, stream, revision, type, data, metadata, prevHash }), 'utf8').digest('hex');
}
