import type { EventStorage, StreamHead, StreamName } from '../event-store.port';
import { AUDIT_SEALS_STREAM } from './audit-seal.events';

export type LogReader = Pick<EventStorage, 'readAll'>;
export type HeadsAt = (cut: bigint, heads: ReadonlyMap<StreamName, StreamHead>) => void;

export interface HeadsScanProgress {
  /** Events taken into account so far (those at or before the last cut). */
  eventsRead: number;
  /** Position of the last of them. */
  position: bigint;
}

export interface HeadsScanOptions {
  /** Events per `readAll` page. Default 2000. */
  pageSize?: number;
  /** After each page. */
  onPage?: (progress: HeadsScanProgress) => void;
}

/**
 * Reads the log once, in position order and in pages, keeping only stream → head (never the events),
 * and calls `atCut` for every cut, in ascending order, with the heads as of that position: for each
 * stream but `audit-seals`, its last event at a position <= cut. Stops reading past the last cut.
 * The map handed to `atCut` is live: use it before returning.
 */
export async function scanHeadsAt(log: LogReader, cuts: readonly bigint[], atCut: HeadsAt, options: HeadsScanOptions = {}): Promise<void> {
  const pageSize = options.pageSize ?? 2000;
  const pending = [...new Set(cuts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const heads = new Map<StreamName, StreamHead>();
  let next = 0;
  let after: bigint | null = null;
  let eventsRead = 0;
  while (next < pending.length) {
    const page = await log.readAll(after, pageSize);
    for (const event of page) {
      while (next < pending.length && event.position > pending[next]!) atCut(pending[next++]!, heads);
      if (next === pending.length) break;
      if (event.stream !== AUDIT_SEALS_STREAM) heads.set(event.stream, { revision: event.revision, hash: event.hash });
      after = event.position;
      eventsRead += 1;
    }
    if (page.length > 0 && after !== null) options.onPage?.({ eventsRead, position: after });
    if (page.length < pageSize) break;
  }
  // End of the log: every remaining cut sees all of it.
  while (next < pending.length) atCut(pending[next++]!, heads);
}
