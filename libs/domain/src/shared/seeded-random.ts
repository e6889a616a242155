/**
 * mulberry32: a tiny seeded pseudo-random generator. Pure (the seed is given), so the same seed gives the
 * same demo data, the same synthetic histories, the same Louvain communities and the same page layout on
 * every machine. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
