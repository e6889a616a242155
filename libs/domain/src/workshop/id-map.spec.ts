import { keysCopied } from '@kuhina/testing';
import { emptyIdMap, idMapDelete, idMapGet, idMapHas, idMapSet, idMapSize, type IdMap } from './id-map';

// Enough ids to create every shard, so that lookups of missing ids hit existing shard objects.
const filled = (count: number): IdMap<number> => {
  let map = emptyIdMap<number>();
  for (let i = 0; i < count; i++) map = idMapSet(map, `id-${i}`, i);
  return map;
};

describe('IdMap', () => {
  it('stores, finds, replaces and deletes values by id', () => {
    const sut = filled(2_000);
    expect(idMapSize(sut)).toBe(2_000);
    expect(idMapGet(sut, 'id-1234')).toBe(1234);
    expect(idMapGet(idMapSet(sut, 'id-1234', -1), 'id-1234')).toBe(-1);
    const smaller = idMapDelete(sut, 'id-1234');
    expect(idMapHas(smaller, 'id-1234')).toBe(false);
    expect(idMapSize(smaller)).toBe(1_999);
    expect(idMapDelete(smaller, 'id-1234')).toBe(smaller);
  });

  it('never changes the map it is given (older states stay valid)', () => {
    const sut = filled(300);
    const snapshot = JSON.stringify(sut);
    idMapSet(sut, 'id-7', 700);
    idMapSet(sut, 'new', 1);
    idMapDelete(sut, 'id-8');
    expect(JSON.stringify(sut)).toBe(snapshot);
  });

  it('does not see Object.prototype members as entries, and stores them as ordinary ids', () => {
    const sut = filled(2_000);
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(idMapGet(sut, id)).toBeUndefined();
      expect(idMapHas(sut, id)).toBe(false);
      const withIt = idMapSet(sut, id, 42);
      expect(idMapGet(withIt, id)).toBe(42);
      expect(idMapSize(withIt)).toBe(2_001);
      expect(idMapHas(idMapDelete(withIt, id), id)).toBe(false);
    }
  });

  it('an update copies one path of the tree, not a share of the map: about as many keys at 20,000 ids as at 100', () => {
    const copiedBySet = (count: number): number => {
      const before = filled(count);
      return keysCopied(before, idMapSet(before, 'one-more', -1));
    };
    // Two nodes of at most 64 keys and one leaf: the leaf holds ~5 ids at 20,000 (a share of 256 shards held ~80).
    expect(copiedBySet(20_000)).toBeLessThanOrEqual(64 + 64 + 16);
    expect(copiedBySet(20_000) - copiedBySet(100)).toBeLessThanOrEqual(64 + 16);
  });

  it('survives a JSON round trip (state is cached as JSON)', () => {
    const sut = idMapSet(filled(500), '__proto__', 5);
    const copy = JSON.parse(JSON.stringify(sut)) as IdMap<number>;
    expect(idMapGet(copy, '__proto__')).toBe(5);
    expect(idMapGet(copy, 'id-499')).toBe(499);
    expect(idMapSize(copy)).toBe(501);
  });
});
