import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed, differs for another, and stays in [0, 1)', () => {
    const a = Array.from({ length: 1000 }, seededRandom(42));
    const b = Array.from({ length: 1000 }, seededRandom(42));
    const c = Array.from({ length: 1000 }, seededRandom(43));

    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(990);
  });
});
