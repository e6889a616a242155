import type { EventStorage, RecordedEvent } from '../event-store.port';
import { AUDIT_SEALED, AUDIT_SEALS_STREAM, SEAL_ALGORITHM } from './audit-seal.events';
import { scanHeadsAt, type HeadsScanProgress } from './log-heads';
import { merkleRoot } from './merkle-root';

/**
 * `root-mismatch`: the heads at the sealed position no longer give the sealed root (an event at or
 * before it was edited with its hash recomputed, removed, or added afterwards with an old position).
 * `unsupported-algorithm`: this program cannot recompute the seal, so it cannot vouch for it.
 * `malformed`: the seal's data is not a seal (position, streams or root unreadable).
 */
export type SealProblem = 'root-mismatch' | 'unsupported-algorithm' | 'malformed';

export interface SealIntact {
  intact: true;
  /** Id of the AuditSealed event. */
  id: string;
  /** Its revision in `audit-seals`. */
  revision: number;
  /** The sealed log position (decimal string). */
  position: string;
  /** Stream heads covered, as sealed (and found again). */
  streams: number;
  root: string;
  at: string;
}

export interface SealBroken {
  intact: false;
  id: string;
  revision: number;
  problem: SealProblem;
  /** As the seal recorded them; null when unreadable (`malformed`). */
  position: string | null;
  streams: number | null;
  root: string | null;
  at: string | null;
  /** What the log gives now at that position; null when it cannot be computed. */
  recomputedRoot: string | null;
  recomputedStreams: number | null;
}

export type SealCheck = SealIntact | SealBroken;

export interface SealsProgress extends HeadsScanProgress {
  sealsTotal: number;
}

export interface VerifySealsOptions {
  /** Events per `readAll` page. Default 2000. */
  pageSize?: number;
  onProgress?: (progress: SealsProgress) => void;
}

export interface ReadableSeal {
  event: RecordedEvent;
  position: bigint;
  streams: number;
  root: string;
  at: string;
}

/**
 * Recomputes the root of every `AuditSealed` seal over the heads at its position and compares. The log
 * is read once whatever the number of seals, keeping only stream → head; results are in seal order.
 * The seals' own integrity is the hash chain's job (verifyAll covers `audit-seals` like any stream).
 */
export async function verifySeals(storage: Pick<EventStorage, 'readAll' | 'readStream'>, options: VerifySealsOptions = {}): Promise<SealCheck[]> {
  const events = await readSealEvents(storage);
  const checks: Array<SealBroken | ReadableSeal> = events.map(readSeal);
  const readable = checks.filter((check): check is ReadableSeal => !('intact' in check));

  const roots = new Map<bigint, { root: string; streams: number }>();
  if (readable.length > 0) {
    await scanHeadsAt(storage, readable.map((seal) => seal.position), (cut, heads) => roots.set(cut, merkleRoot(heads)), {
      pageSize: options.pageSize,
      onPage: options.onProgress && ((progress) => options.onProgress!({ ...progress, sealsTotal: events.length })),
    });
  }

  return checks.map((check): SealCheck => {
    if ('intact' in check) return check;
    const { event, position, streams, root, at } = check;
    const now = roots.get(position)!;
    const sealed = { id: event.id, revision: event.revision, position: position.toString(), streams, root, at };
    if (now.root === root && now.streams === streams) return { intact: true, ...sealed };
    return { intact: false, ...sealed, problem: 'root-mismatch', recomputedRoot: now.root, recomputedStreams: now.streams };
  });
}

async function readSealEvents(storage: Pick<EventStorage, 'readStream'>): Promise<RecordedEvent[]> {
  const seals: RecordedEvent[] = [];
  const pageSize = 1000;
  for (let from = 0; ; ) {
    const page = await storage.readStream(AUDIT_SEALS_STREAM, { fromRevision: from, maxCount: pageSize });
    seals.push(...page.filter((event) => event.type === AUDIT_SEALED));
    if (page.length < pageSize) return seals;
    from = page[page.length - 1]!.revision + 1;
  }
}

/** The seal an `AuditSealed` event records, or why it cannot be checked. */
export function readSeal(event: RecordedEvent): SealBroken | ReadableSeal {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const position = typeof data.position === 'string' && /^\d{1,20}$/.test(data.position) ? BigInt(data.position) : null;
  const streams = typeof data.streams === 'number' && Number.isSafeInteger(data.streams) && data.streams >= 0 ? data.streams : null;
  const root = typeof data.root === 'string' && /^[0-9a-f]{64}$/.test(data.root) ? data.root : null;
  const at = typeof data.at === 'string' ? data.at : null;
  const broken = (problem: SealProblem): SealBroken => ({
    intact: false,
    id: event.id,
    revision: event.revision,
    problem,
    position: position?.toString() ?? null,
    streams,
    root,
    at,
    recomputedRoot: null,
    recomputedStreams: null,
  });
  if (position === null || streams === null || root === null || at === null) return broken('malformed');
  if (data.algorithm !== SEAL_ALGORITHM) return broken('unsupported-algorithm');
  return { event, position, streams, root, at };
}
