import type { EventMetadata, EventStorage, RecordedEvent, StoredEventRow, StreamHead, StreamName } from '../event-store.port';
import { ChainBrokenError, checkEventLink, type ChainIntegrity, type FoundBreak } from './chain-integrity';
import { hashEvent } from './event-hash';

/** Streams whose verified head is remembered; past that, the least recently written one is verified in full again. */
const REMEMBERED_STREAMS = 10_000;
/** Rows remembered per stream by their stored text: the two a tail check re-verifies. */
const REMEMBERED_ROWS = 2;

/** What is known good of a stream: its verified head and its last rows as they were verified or written. */
interface Verified {
  head: StreamHead;
  rows: readonly StoredEventRow[];
}
const PAGE_SIZE = 1000;

/**
 * The write path's check before a new event is chained onto a stream's head. Refused: a stream known broken (by the
 * projector, the start-up check or an earlier write), or one whose stored events no longer hold. The first write to a
 * stream in this process verifies the whole stream once (start-up does not wait for its own check); later writes
 * verify what was appended since (by this or another process) and, again, the last two events, which are the ones a
 * forger of the head would touch. An edit deeper in a stream made while the process runs is the next start-up check's
 * (and `kuhina audit verify`'s) to find: re-reading every stream on every write would cost a write its stream's length.
 * Re-verifying a row this process verified or wrote itself is comparing its stored text with the text it had then: the
 * same text hashes the same, so only a changed row is parsed and hashed again (two hashes less on every write).
 */
export class AppendGuard {
  private readonly verified = new Map<StreamName, Verified>();

  constructor(
    private readonly storage: Pick<EventStorage, 'readStream'>,
    private readonly integrity: ChainIntegrity,
  ) {}

  /**
   * Throws ChainBrokenError (and records the break) unless the stream may be written onto `head`. `tail`: the stream's
   * last events as just read with the head (readStreamTail), used instead of reading them again where they cover the check.
   */
  async assertIntact(stream: StreamName, head: StreamHead | null, tail?: readonly RecordedEvent[]): Promise<void> {
    const known = this.integrity.brokenAt(stream);
    if (known) throw new ChainBrokenError(known);
    if (!head) return;
    const remembered = this.verified.get(stream)?.head;
    // Never below the last two; from 0 for a stream not verified here yet.
    const from = remembered ? Math.max(0, Math.min(remembered.revision, head.revision - 1)) : 0;
    const found =
      remembered && remembered.revision > head.revision
        ? // The head went back: events this process saw (or wrote) were removed, a tail no link can show.
          { stream, revision: head.revision + 1, eventId: '', expectedHash: remembered.hash, foundHash: null, problem: 'revision-gap' as const }
        : await this.check(stream, from, head, tail);
    if (found) {
      this.verified.delete(stream);
      throw new ChainBrokenError(this.integrity.report(found, 'append'));
    }
    this.remember(stream, head);
  }

  /**
   * The same check, synchronously, from the stream's tail alone (inside a write transaction): true when the tail proves
   * the stream intact onto `head` (it throws ChainBrokenError when it proves a break), false when the tail cannot tell
   * (a stream not verified here yet, or more appended elsewhere than the tail holds): then `assertIntact` must.
   */
  checkTail(stream: StreamName, tail: readonly StoredEventRow[]): boolean {
    const known = this.integrity.brokenAt(stream);
    if (known) throw new ChainBrokenError(known);
    const top = tail[tail.length - 1];
    if (top === undefined) return true;
    const remembered = this.verified.get(stream);
    if (remembered === undefined || remembered.head.revision > top.revision) return false;
    const from = Math.max(0, Math.min(remembered.head.revision, top.revision - 1));
    if (tail[0]!.revision > from) return false;
    // Rows with the very text verified before keep their hash; the others are parsed and hashed again.
    const events = tail.map((row) => toRecordedEvent(row, remembered.rows.some((known) => sameRow(known, row))));
    const found = this.checkEvents(stream, from, { revision: top.revision, hash: top.hash }, events, (event) => (event.data === UNREAD ? event.hash : hashEvent(event)));
    if (found) {
      this.verified.delete(stream);
      throw new ChainBrokenError(this.integrity.report(found, 'append'));
    }
    return true;
  }

  /** After a successful append: the new head was chained here, from a verified one; `rows`, its last rows as stored. */
  remember(stream: StreamName, head: StreamHead, rows: readonly StoredEventRow[] = []): void {
    this.verified.delete(stream);
    this.verified.set(stream, { head, rows: rows.slice(-REMEMBERED_ROWS) });
    if (this.verified.size > REMEMBERED_STREAMS) this.verified.delete(this.verified.keys().next().value!);
  }

  /** Revisions from `from` to the head: each one's own hash, each link after the first, the head as the storage reports it. */
  private async check(stream: StreamName, from: number, head: StreamHead, tail?: readonly RecordedEvent[]): Promise<FoundBreak | null> {
    // The tail read with the head serves when it reaches back to `from` (what readStream from there would give).
    if (tail !== undefined && tail.length > 0 && tail[0]!.revision <= from && tail[tail.length - 1]!.revision === head.revision) return this.checkEvents(stream, from, head, tail);
    let checked: { previous: StreamHead | null; found: FoundBreak | null } = { previous: null, found: null };
    for (let revision = from; revision <= head.revision; revision = (checked.previous?.revision ?? revision - 1) + 1) {
      const page = await this.storage.readStream(stream, { fromRevision: revision, maxCount: Math.min(PAGE_SIZE, head.revision - revision + 1) });
      if (page.length === 0) return { stream, revision, eventId: '', expectedHash: checked.previous?.hash ?? null, foundHash: null, problem: 'revision-gap' };
      checked = checkPage(stream, revision, head, page, checked.previous);
      if (checked.found) return checked.found;
    }
    return null;
  }

  /** `events` (from `from` on, in order) checked as `check` checks the pages it reads. */
  private checkEvents(stream: StreamName, from: number, head: StreamHead, events: readonly RecordedEvent[], hashOf: (event: RecordedEvent) => string = hashEvent): FoundBreak | null {
    const page = events.filter((event) => event.revision >= from);
    if (page.length === 0) return { stream, revision: from, eventId: '', expectedHash: null, foundHash: null, problem: 'revision-gap' };
    const { found, previous } = checkPage(stream, from, head, page, null, hashOf);
    if (found) return found;
    // The tail must reach the head it names.
    return previous?.revision === head.revision ? null : { stream, revision: (previous?.revision ?? from - 1) + 1, eventId: '', expectedHash: previous?.hash ?? null, foundHash: null, problem: 'revision-gap' };
  }
}

/**
 * One page of a stream from `revision` on: each event's own hash, each link after `previous`, the revisions without a
 * gap and the head as the storage reports it. The first break found, and the last event checked.
 */
function checkPage(
  stream: StreamName,
  revision: number,
  head: StreamHead,
  page: readonly RecordedEvent[],
  previous: StreamHead | null,
  hashOf: (event: RecordedEvent) => string = hashEvent,
): { found: FoundBreak | null; previous: StreamHead | null } {
  for (const event of page) {
    // Rows removed or renumbered: the stream does not give back the revisions, or the head, the storage reports.
    if (event.revision !== revision || (revision === head.revision && event.hash !== head.hash)) {
      return { found: { stream, revision, eventId: event.id, expectedHash: previous?.hash ?? null, foundHash: event.prevHash, problem: 'revision-gap' }, previous };
    }
    const found = checkEventLink(event, previous, hashOf(event));
    if (found) return { found, previous };
    previous = { revision, hash: event.hash };
    revision += 1;
  }
  return { found: null, previous };
}

/** Stands for data and metadata not parsed: the row's text is the one verified before. */
const UNREAD = Symbol('unread');

function toRecordedEvent(row: StoredEventRow, unchanged: boolean): RecordedEvent {
  const { id, stream, revision, type, prevHash, hash } = row;
  const data: unknown = unchanged ? UNREAD : JSON.parse(row.dataJson);
  const metadata = (unchanged ? UNREAD : JSON.parse(row.metadataJson)) as EventMetadata;
  // The position plays no part in a check.
  return { id, stream, revision, type, data, metadata, prevHash, hash, position: 0n };
}

/** The same row, to the letter of what was stored. */
function sameRow(a: StoredEventRow, b: StoredEventRow): boolean {
  return a.revision === b.revision && a.hash === b.hash && a.prevHash === b.prevHash && a.id === b.id && a.type === b.type && a.dataJson === b.dataJson && a.metadataJson === b.metadataJson && a.stream === b.stream;
}
