import { createHash } from 'node:crypto';
import type { StreamHead } from '../event-store.port';
import { EMPTY_MERKLE_ROOT, merkleRoot, merkleRootOfLeaves, sealLeaf } from './merkle-root';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256-merkle-v1', () => {
  // Hashes of 'x', 'y', 'z' stand in for stored event hashes.
  const heads = new Map<string, StreamHead>([
    ['workshop-b', { revision: 0, hash: sha('y') }],
    ['workshop-a', { revision: 1, hash: sha('x') }],
    ['chain-c', { revision: 4, hash: sha('z') }],
  ]);

  it('gives the root an auditor computes by hand with sha256sum (the recipe in merkle-root.ts)', () => {
    // Computed in a shell, following the comment step by step:
    //   h(){ printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
    //   lc=$(h "chain-c:4:$(h z)"); la=$(h "workshop-a:1:$(h x)"); lb=$(h "workshop-b:0:$(h y)")
    //   h "$(h "$lc$la")$lb"
    const sut = merkleRoot(heads);

    expect(sut).toEqual({ root: '184bbdbc8535e028d34d5baee0d7800b76ff6db90617c19ac6714995f93f9c1a', streams: 3 });
  });

  it('hashes each leaf as the text stream:revision:hash', () => {
    expect(sealLeaf('chain-c', { revision: 4, hash: sha('z') })).toBe('63948b511ef1c73770fef8afcda0b17ff031e50787d275bd0c143529d8ca435c');
  });

  it('sorts by stream name, so insertion order does not matter', () => {
    const reversed = new Map([...heads].reverse());

    expect(merkleRoot(reversed).root).toBe(merkleRoot(heads).root);
  });

  it('pairs in order and promotes an odd node unchanged, level after level', () => {
    const leaves = ['a', 'b', 'c', 'd', 'e'].map(sha);
    const level1 = [sha(leaves[0]! + leaves[1]!), sha(leaves[2]! + leaves[3]!), leaves[4]!];
    const level2 = [sha(level1[0]! + level1[1]!), level1[2]!];

    expect(merkleRootOfLeaves(leaves)).toBe(sha(level2[0]! + level2[1]!));
  });

  it('has the leaf itself as root of one head, and sha256 of nothing as root of none', () => {
    const one = new Map([['workshop-a', { revision: 0, hash: sha('x') }]]);

    expect(merkleRoot(one)).toEqual({ root: sealLeaf('workshop-a', { revision: 0, hash: sha('x') }), streams: 1 });
    expect(merkleRoot(new Map())).toEqual({ root: EMPTY_MERKLE_ROOT, streams: 0 });
    expect(EMPTY_MERKLE_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('changes when any head changes: its revision, its hash, or its presence', () => {
    const base = merkleRoot(heads).root;
    const variants = [
      new Map([...heads, ['workshop-a', { revision: 0, hash: sha('x') }]]),
      new Map([...heads, ['workshop-a', { revision: 1, hash: sha('forged') }]]),
      new Map([...heads].filter(([name]) => name !== 'workshop-b')),
    ];

    for (const variant of variants) expect(merkleRoot(variant).root).not.toBe(base);
  });
});
