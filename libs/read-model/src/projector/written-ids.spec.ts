import { WrittenIds } from './written-ids';

describe('WrittenIds (the ids a rebuild has written, as a Bloom filter)', () => {
  it('says "maybe" for every id added, and "no" for almost every other', () => {
    const sut = new WrittenIds();
    const added = Array.from({ length: 200_000 }, (_, i) => `r:w-${i % 97}:reg-${i}`);
    for (const id of added) sut.add(id);
    expect(added.every((id) => sut.mayHave(id))).toBe(true);
    let falseMaybes = 0;
    for (let i = 0; i < 200_000; i++) if (sut.mayHave(`r:w-${i % 97}:other-${i}`)) falseMaybes++;
    // 4 hashes over 2^25 bits hold 200,000 ids with ~1 false "maybe" in 10^6: a "maybe" only costs a read.
    expect(falseMaybes).toBeLessThan(20);
  });

  it('says "no" for everything while empty', () => {
    const sut = new WrittenIds();
    expect(['a', 'r:x:y', '', 'p:chain:person'].some((id) => sut.mayHave(id))).toBe(false);
  });
});
