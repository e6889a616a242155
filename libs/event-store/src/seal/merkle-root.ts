import { createHash } from 'node:crypto';
import type { StreamHead, StreamName } from '../event-store.port';

/*
 * sha256-merkle-v1 — how an auditor recomputes a seal's root by hand (e.g. with `sha256sum`):
 *
 *  1. Heads. For the seal's position P, take every stream except `audit-seals` that has an event at a
 *     log position <= P. Its head is its last such event: (stream, revision, hash as stored).
 *  2. Order. Sort the heads by stream name, comparing UTF-16 code units (for the ASCII stream names
 *     Kuhina writes this is the same as `LC_ALL=C sort`).
 *  3. Leaves. leaf = SHA-256 of the UTF-8 text `<stream>:<revision>:<hash>` (revision in decimal, no
 *     padding; hash in lower-case hex), written as lower-case hex:
 *         printf '%s' 'workshop-5b2f…:12:9f86d0…' | sha256sum
 *  4. Levels. Pair the nodes in order (1st+2nd, 3rd+4th, …); parent = SHA-256 of the text
 *     `<left hex><right hex>` (128 characters, no separator), as lower-case hex. A last node without
 *     a partner is promoted unchanged to the next level. Repeat until one node is left: the root.
 *  5. Edge cases. One head: the root is its leaf. No head: the root is SHA-256 of the empty text,
 *     e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
 *
 * Hex text rather than raw bytes keeps every step a one-liner in a shell. A leaf's input contains ':',
 * a parent's input is 128 hex digits: no parent can be passed off as a leaf (the classic second-preimage
 * trick against Merkle trees), so no extra domain-separation prefix is needed.
 */

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const EMPTY_MERKLE_ROOT = sha256Hex('');

/** Step 3: the leaf of one stream head. */
export function sealLeaf(stream: StreamName, head: StreamHead): string {
  return sha256Hex(`${stream}:${head.revision}:${head.hash}`);
}

/** Steps 4–5 over leaves already in order. */
export function merkleRootOfLeaves(leaves: readonly string[]): string {
  if (leaves.length === 0) return EMPTY_MERKLE_ROOT;
  let level = [...leaves];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i]!;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256Hex(left + right));
    }
    level = next;
  }
  return level[0]!;
}

/** Steps 2–5: the root over a set of stream heads (step 1, choosing the heads, is the caller's). */
export function merkleRoot(heads: ReadonlyMap<StreamName, StreamHead>): { root: string; streams: number } {
  // Plain code-unit order, independent of locale (as verifyAll orders streams).
  const names = [...heads.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { root: merkleRootOfLeaves(names.map((name) => sealLeaf(name, heads.get(name)!))), streams: names.length };
}
