import { DomainError } from '@kuhina/domain';
import type { RecordedEvent, StreamHead, StreamName } from '../event-store.port';
import { hashEvent } from './event-hash';
import type { ChainBroken } from './verify';

/** Who found a break: a write refusing to chain onto it, the projector reading the event, or the start-up check. */
export type BreakFinder = 'append' | 'projector' | 'start-up';

/** A broken link as found in operation: where (as `verifyStream` reports it), by whom and when. */
export interface ChainBreak extends Omit<ChainBroken, 'intact'> {
  detectedBy: BreakFinder;
  detectedAt: string;
}

export type FoundBreak = Omit<ChainBroken, 'intact'>;

/** A seal whose root the log no longer gives: something up to its position changed, in a stream the seal cannot name. */
export interface SealMismatch {
  id: string;
  position: string;
  root: string;
  recomputedRoot: string;
  detectedBy: BreakFinder;
}

/**
 * Checks one event against what is known of its predecessor (null: nothing known, only the event's own hash is checked).
 * Returns the break, or null. The order of checks is `verifyStream`'s, so both name the same problem for the same event.
 * `recomputed`: the event's hash as recomputed from its content (given where the caller knows it without hashing).
 */
export function checkEventLink(event: RecordedEvent, previous: StreamHead | null, recomputed: string = hashEvent(event)): FoundBreak | null {
  const at = { stream: event.stream, revision: event.revision, eventId: event.id };
  if (recomputed !== event.hash) return { ...at, expectedHash: recomputed, foundHash: event.hash, problem: 'hash-mismatch' };
  // A predecessor rewritten with a recomputed hash shows here, at the link it broke.
  if (previous !== null && event.revision === previous.revision + 1 && event.prevHash !== previous.hash) {
    return { ...at, expectedHash: previous.hash, foundHash: event.prevHash, problem: 'prev-hash-mismatch' };
  }
  if (event.revision === 0 && event.prevHash !== null) return { ...at, expectedHash: null, foundHash: event.prevHash, problem: 'prev-hash-mismatch' };
  return null;
}

/** One line for a log or a problem's detail: the exact event and both hashes. */
export function describeBreak(found: FoundBreak & { detectedBy?: BreakFinder }): string {
  const by = found.detectedBy ? ` (found by ${found.detectedBy === 'start-up' ? 'the start-up check' : found.detectedBy === 'append' ? 'a write' : 'the projector'})` : '';
  return `Hash chain broken in stream ${found.stream} at revision ${found.revision}, event ${found.eventId}: ${found.problem}, expected ${found.expectedHash ?? 'null'}, found ${found.foundHash ?? 'null'}${by}`;
}

/**
 * What this process knows of broken chains, shared by the write path (refuses to chain onto a broken stream), the
 * projector (stops projecting it) and `/health` (degraded, naming the event). Kept in memory: a restart forgets it, and
 * the start-up check finds it again. One break per stream, the lowest revision found: everything from there on is suspect.
 */
export class ChainIntegrity {
  private readonly broken = new Map<StreamName, ChainBreak>();
  private readonly listeners = new Set<(found: ChainBreak) => void>();
  private mismatch: (SealMismatch & { detectedAt: string }) | null = null;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Streams known broken. */
  get size(): number {
    return this.broken.size;
  }

  /** The stream's break, if one is known. */
  brokenAt(stream: StreamName): ChainBreak | undefined {
    return this.broken.get(stream);
  }

  /** Every known break, by stream name. */
  breaks(): ChainBreak[] {
    return [...this.broken.values()].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  }

  /** Records a break (kept if it is the stream's first or lies before the one known) and tells the listeners; returns the stream's break. */
  report(found: FoundBreak, detectedBy: BreakFinder): ChainBreak {
    const known = this.broken.get(found.stream);
    if (known && known.revision <= found.revision) return known;
    const recorded: ChainBreak = { stream: found.stream, revision: found.revision, eventId: found.eventId, expectedHash: found.expectedHash, foundHash: found.foundHash, problem: found.problem, detectedBy, detectedAt: this.clock().toISOString() };
    this.broken.set(found.stream, recorded);
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  /** The last seal found not to match the log, if any (writes are not refused for it: it names no stream). */
  get sealMismatch(): (SealMismatch & { detectedAt: string }) | null {
    return this.mismatch;
  }

  reportSeal(found: SealMismatch): void {
    const { id, position, root, recomputedRoot, detectedBy } = found;
    this.mismatch = { id, position, root, recomputedRoot, detectedBy, detectedAt: this.clock().toISOString() };
  }

  /** Nothing known broken: no stream, no seal. */
  get intact(): boolean {
    return this.broken.size === 0 && this.mismatch === null;
  }

  /** Called for every new break (to log it). */
  onBreak(listener: (found: ChainBreak) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * A write to a stream whose chain is broken: chaining onto it would make the forged part look vouched for. A conflict
 * with the stream's state (409), not a server fault: nothing is written, and the answer names the broken event.
 */
export class ChainBrokenError extends DomainError {
  static readonly CODE = 'STREAM.CHAIN_BROKEN';
  constructor(readonly found: ChainBreak) {
    super(
      ChainBrokenError.CODE,
      `${describeBreak(found)}. Writes to this stream are refused until the log is restored from a verified backup (see \`kuhina audit verify\`).`,
      'conflict',
      { stream: found.stream, revision: found.revision, eventId: found.eventId, problem: found.problem, expectedHash: found.expectedHash, foundHash: found.foundHash },
    );
    this.name = 'ChainBrokenError';
  }
}

export const CHAIN_INTEGRITY = Symbol('CHAIN_INTEGRITY');
