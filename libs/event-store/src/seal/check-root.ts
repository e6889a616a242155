import type { EventStorage } from '../event-store.port';
import { scanHeadsAt } from './log-heads';
import { merkleRoot } from './merkle-root';

/** A root kept outside the system (the hand-out block `kuhina audit seal` prints), checked against the log as it is now. */
export interface RootCheck {
  intact: boolean;
  position: string;
  /** The root as given. */
  root: string;
  /** What the log gives at that position now, over how many stream heads. */
  recomputedRoot: string;
  recomputedStreams: number;
  /** The log does not reach the position (a root from another log, or a log cut short). */
  beyondHead: boolean;
}

export class InvalidRootError extends Error {
  readonly code = 'SEAL.INVALID_ROOT';
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidRootError';
  }
}

/**
 * Recomputes the sha256-merkle-v1 root at `position` and compares it with one kept outside Kuhina. Unlike the seals in
 * `audit-seals`, such a root cannot be rewritten together with the log: someone who recomputed a stream's hashes and then
 * re-sealed is caught here. One pass over the log up to the position, one head per stream in memory.
 */
export async function checkRoot(storage: Pick<EventStorage, 'readAll' | 'headPosition'>, position: string, root: string): Promise<RootCheck> {
  if (!/^\d{1,20}$/.test(position)) throw new InvalidRootError(`A position is a whole number (the seal's "position"), got "${position}"`);
  const wanted = root.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(wanted)) throw new InvalidRootError(`A root is 64 hexadecimal digits (SHA-256), got "${root}"`);
  const cut = BigInt(position);
  const head = await storage.headPosition();
  let sealed = { root: '', streams: 0 };
  await scanHeadsAt(storage, [cut], (_, heads) => (sealed = merkleRoot(heads)));
  const beyondHead = head === null || head < cut;
  return { intact: !beyondHead && sealed.root === wanted, position: cut.toString(), root: wanted, recomputedRoot: sealed.root, recomputedStreams: sealed.streams, beyondHead };
}
