import type { EventStorage, StreamName } from '../event-store.port';
import { hashEvent } from './event-hash';

export type ChainProblem = 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap';

export interface ChainIntact {
  intact: true;
  streams: number;
  events: number;
}

/**
 * The first broken link. `revision` is where the chain breaks: the tampered event for
 * `hash-mismatch`, the event whose link does not match its predecessor for `prev-hash-mismatch`,
 * the first missing revision for `revision-gap` (then `eventId` is the event found in its place).
 */
export interface ChainBroken {
  intact: false;
  stream: StreamName;
  revision: number;
  eventId: string;
  /** hash-mismatch: the recomputed hash; otherwise the hash of the previous event (null before revision 0). */
  expectedHash: string | null;
  /** hash-mismatch: the stored hash; otherwise the stored prevHash of the event found. */
  foundHash: string | null;
  problem: ChainProblem;
}

export type ChainVerification = ChainIntact | ChainBroken;

export interface VerifyProgress {
  stream: StreamName;
  streamsChecked: number;
  streamsTotal: number;
  eventsChecked: number;
}

export interface VerifyOptions {
  /** Events read per page; a long stream is never loaded at once. Default 1000. */
  pageSize?: number;
}

type StreamReader = Pick<EventStorage, 'readStream'>;

/** Recomputes every hash and link of one stream, in pages. */
export async function verifyStream(storage: StreamReader, stream: StreamName, options: VerifyOptions = {}): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 1000;
  let expectedRevision = 0;
  let prevHash: string | null = null;
  let events = 0;
  for (;;) {
    const page = await storage.readStream(stream, { fromRevision: expectedRevision, maxCount: pageSize });
    for (const event of page) {
      const at = { intact: false as const, stream, revision: expectedRevision, eventId: event.id };
      if (event.revision !== expectedRevision) {
        return { ...at, expectedHash: prevHash, foundHash: event.prevHash, problem: 'revision-gap' };
      }
      const recomputed = hashEvent(event);
      if (recomputed !== event.hash) {
        return { ...at, expectedHash: recomputed, foundHash: event.hash, problem: 'hash-mismatch' };
      }
      if (event.prevHash !== prevHash) {
        return { ...at, expectedHash: prevHash, foundHash: event.prevHash, problem: 'prev-hash-mismatch' };
      }
      prevHash = event.hash;
      expectedRevision += 1;
      events += 1;
    }
    if (page.length < pageSize) break;
  }
  return { intact: true, streams: events > 0 ? 1 : 0, events };
}

/**
 * Verifies every stream, in sorted order so that "the first broken link" is the same on every run
 * and on every adapter. Stops at the first broken link.
 */
export async function verifyAll(
  storage: Pick<EventStorage, 'readStream' | 'listStreams'>,
  onProgress?: (progress: VerifyProgress) => void,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const names: StreamName[] = [];
  for await (const name of storage.listStreams()) names.push(name);
  // Plain code-unit order, independent of locale.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let events = 0;
  let streams = 0;
  for (const [index, stream] of names.entries()) {
    const result = await verifyStream(storage, stream, options);
    if (!result.intact) return result;
    events += result.events;
    streams += result.streams;
    onProgress?.({ stream, streamsChecked: index + 1, streamsTotal: names.length, eventsChecked: events });
  }
  return { intact: true, streams, events };
}
