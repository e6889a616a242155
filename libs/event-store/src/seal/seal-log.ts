import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { AUDIT_SEALED, AUDIT_SEALS_STREAM, SEAL_ALGORITHM, type AuditSealedData } from './audit-seal.events';
import { scanHeadsAt, type HeadsScanProgress } from './log-heads';
import { merkleRoot } from './merkle-root';

export interface SealLogOptions {
  /** Who seals (`cli`, an API key's name, `projector`): the event's `metadata.actor`. */
  actor: string;
  /**
   * When (ISO 8601). The caller reads the clock, as callers of the command handler do: a seal is a
   * system fact, so it is the seal's `at`, its business time and its recorded time at once.
   */
  at: string;
  /** UUID of the AuditSealed event: a retry with the same id appends nothing and answers the first seal. Default: a new one. */
  id?: string;
  /** Default: the event id. */
  correlationId?: string;
  causationId?: string | null;
  pageSize?: number;
  onProgress?: (progress: HeadsScanProgress) => void;
  /**
   * The root already computed at a position (the API computes it on a read worker, off the event loop); without it the
   * log is read here. Only the append is then left to do.
   */
  computed?: { position: bigint; root: string; streams: number };
}

export interface SealResult {
  /** Id of the AuditSealed event. */
  id: string;
  /** Its revision in `audit-seals`. */
  revision: number;
  /** Its own log position (after the position it seals). */
  eventPosition: bigint;
  /** True when this id had sealed already: nothing was appended, the first seal is answered. */
  duplicate: boolean;
  seal: AuditSealedData;
}

export class NothingToSealError extends Error {
  readonly code = 'SEAL.EMPTY_LOG';
  constructor() {
    super('The log is empty: there is nothing to seal yet.');
    this.name = 'NothingToSealError';
  }
}

export type SealableStore = Pick<EventStore, 'append' | 'readAll' | 'headPosition' | 'findByIds'>;

/**
 * Seals the log as it stands: a Merkle root (sha256-merkle-v1, see merkle-root.ts) over every stream
 * head as of the current head position, appended as `AuditSealed` to `audit-seals`. One pass over the
 * log that keeps only stream → head in memory. Events appended meanwhile are after the sealed position
 * and simply not covered.
 */
export async function sealLog(store: SealableStore, options: SealLogOptions): Promise<SealResult> {
  const id = (options.id ?? randomUUID()).toLowerCase();
  const earlier = await findSeal(store, id);
  if (earlier) return earlier;

  const computed = options.computed ?? (await sealRootAt(store, options));
  if (computed === null) throw new NothingToSealError();
  const { position, root, streams } = computed;

  const seal: AuditSealedData = { position: position.toString(), streams, root, algorithm: SEAL_ALGORITHM, at: options.at };
  const result = await store.append(
    AUDIT_SEALS_STREAM,
    [
      {
        id,
        type: AUDIT_SEALED,
        data: seal,
        metadata: { occurredAt: options.at, recordedAt: options.at, actor: options.actor, correlationId: options.correlationId ?? id, causationId: options.causationId ?? null, schemaVersion: 1 },
      },
    ],
    'any',
  );
  if (result.duplicate) {
    // Raced by a retry with the same id: answer what it wrote, not the root computed here.
    const raced = await findSeal(store, id);
    if (raced) return raced;
  }
  return { id, revision: result.revision, eventPosition: result.position, duplicate: false, seal };
}

/**
 * The Merkle root over every stream head at the log's head position: one pass over the log keeping only stream → head.
 * Null for an empty log. What a seal records; the API computes it on a read worker and appends it with `computed`.
 */
export async function sealRootAt(store: Pick<EventStore, 'readAll' | 'headPosition'>, options: Pick<SealLogOptions, 'pageSize' | 'onProgress'> = {}): Promise<{ position: bigint; root: string; streams: number } | null> {
  const position = await store.headPosition();
  if (position === null) return null;
  let sealed: { root: string; streams: number } | undefined;
  await scanHeadsAt(store, [position], (_, heads) => (sealed = merkleRoot(heads)), { pageSize: options.pageSize, onPage: options.onProgress });
  return { position, ...sealed! };
}

async function findSeal(store: Pick<EventStore, 'findByIds'>, id: string): Promise<SealResult | null> {
  const [stored]: RecordedEvent[] = await store.findByIds(AUDIT_SEALS_STREAM, [id]);
  if (!stored) return null;
  return { id: stored.id, revision: stored.revision, eventPosition: stored.position, duplicate: true, seal: stored.data as AuditSealedData };
}
