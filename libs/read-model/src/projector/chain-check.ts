import { checkEventLink, type ChainIntegrity, type RecordedEvent, type StreamHead, type StreamName } from '@kuhina/event-store';

/** Streams whose last event read is remembered: the link of the next one read is then checked without a lookup. */
const DEFAULT_REMEMBERED_STREAMS = 20_000;

/**
 * The projector's check of what it reads: each event's own hash, and its link to the event before it in its stream when
 * that one was read too (the projector reads only its projections' types, so some links have a gap it cannot check; the
 * write path and the start-up check cover those). A break is reported to the shared integrity status and the stream is
 * no longer projected from there: its views keep what was projected before, the other streams go on.
 *
 * The cost is one SHA-256 over the canonical JSON per event read (a few µs); the heads are remembered for a bounded
 * number of streams (least recently read forgotten first), so memory does not grow with the log.
 */
export class ProjectorChainCheck {
  private readonly last = new Map<StreamName, StreamHead>();

  constructor(
    private readonly integrity: ChainIntegrity,
    private readonly rememberedStreams = DEFAULT_REMEMBERED_STREAMS,
  ) {}

  /** True when the event may be projected; false when its stream is broken at or before it (found now or earlier). */
  admit(event: RecordedEvent): boolean {
    if (this.integrity.size > 0) {
      const known = this.integrity.brokenAt(event.stream);
      if (known && event.revision >= known.revision) return false;
    }
    const found = checkEventLink(event, this.last.get(event.stream) ?? null);
    this.last.delete(event.stream);
    if (found) {
      // Logged by whoever listens to the integrity status (the application logs every new break once).
      this.integrity.report(found, 'projector');
      return false;
    }
    // Re-inserted at the end: the map's order is then least recently read first.
    this.last.set(event.stream, { revision: event.revision, hash: event.hash });
    if (this.last.size > this.rememberedStreams) this.last.delete(this.last.keys().next().value!);
    return true;
  }
}
