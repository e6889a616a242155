/**
 * The ids written to one collection since it was empty, as a Bloom filter: `mayHave(id)` is false only for an id never
 * added (then the store need not be asked), and true for every added id and, rarely, for another (then the store is
 * asked, as without the filter). A set of the ids themselves took ~950 MiB in a full rebuild of a million events (one
 * document per registration in several views); this takes 4 MiB per collection whatever the count, and at a million
 * ids says "maybe" for about one id in 100,000 never written.
 */
export class WrittenIds {
  private static readonly BITS = 1 << 25;
  private static readonly HASHES = 4;
  // Made at the first id: a first start on an empty data folder marks every collection empty, and most get nothing
  // written in a catch-up (4 MiB each, for nothing, otherwise).
  private bits: Uint32Array | null = null;

  add(id: string): void {
    this.bits ??= new Uint32Array(WrittenIds.BITS / 32);
    const [a, b] = hashes(id);
    for (let i = 0; i < WrittenIds.HASHES; i++) {
      const bit = (a + Math.imul(i, b)) & (WrittenIds.BITS - 1);
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mayHave(id: string): boolean {
    if (this.bits === null) return false;
    const [a, b] = hashes(id);
    for (let i = 0; i < WrittenIds.HASHES; i++) {
      const bit = (a + Math.imul(i, b)) & (WrittenIds.BITS - 1);
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit hashes of the id (FNV-1a with two offsets), for double hashing; the second is odd, so the steps differ. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
