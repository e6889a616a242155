import { CanonicalJsonError, canonicalJson, toCanonicalValue } from './canonical-json';

describe('canonicalJson', () => {
  const sut = canonicalJson;

  it('sorts object keys recursively and writes no whitespace', () => {
    expect(sut({ b: 1, a: { d: [{ z: true, y: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":"x","z":true}]},"b":1}');
  });

  it('gives the same text whatever the insertion order', () => {
    const one = { title: 'Rauma', capacity: 40, organisers: [{ name: 'City', role: 'venue' }] };
    const other = { organisers: [{ role: 'venue', name: 'City' }], capacity: 40, title: 'Rauma' };
    expect(sut(one)).toBe(sut(other));
  });

  it('keeps array order (arrays are sequences, not sets)', () => {
    expect(sut([3, 1, 2])).toBe('[3,1,2]');
    expect(sut([3, 1, 2])).not.toBe(sut([1, 2, 3]));
  });

  it('orders keys by UTF-16 code units as RFC 8785 does (not by code points, not by locale)', () => {
    // The key set of RFC 8785 section 3.2.3; U+1F600 (a surrogate pair) sorts before U+FB33 in UTF-16.
    const value = { '\u20ac': 'Euro', '\r': 'CR', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Emoji', '\u0080': 'Control', '\u00f6': 'o-umlaut' };
    expect(sut(value)).toBe('{"\\r":"CR","1":"One","\u0080":"Control","\u00f6":"o-umlaut","\u20ac":"Euro","\ud83d\ude00":"Emoji","\ufb33":"Hebrew"}');
  });

  it('writes numbers the ECMAScript way (RFC 8785)', () => {
    expect(sut([1.0, -0, 0.1, 1e21, 1e-7, 123456789012345680000, 5e-324])).toBe('[1,0,0.1,1e+21,1e-7,123456789012345680000,5e-324]');
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(sut({ s: 'a"b\\c\n\u0001é' })).toBe('{"s":"a\\"b\\\\c\\n\\u0001é"}');
  });

  it('leaves out undefined members, as JSON.stringify does', () => {
    expect(sut({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('writes an object with toJSON (a Date) as what toJSON returns', () => {
    expect(sut({ at: new Date('2023-04-12T09:00:00.000Z') })).toBe('{"at":"2023-04-12T09:00:00.000Z"}');
  });

  it.each([
    ['undefined inside an array', { list: [1, undefined] }, '$.list[1]'],
    ['NaN', { n: Number.NaN }, '$.n'],
    ['Infinity', { deep: { n: Number.POSITIVE_INFINITY } }, '$.deep.n'],
    ['a bigint', { amount: 10n }, '$.amount'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a Map', { m: new Map([['a', 1]]) }, '$.m'],
    ['a Set', { s: new Set([1]) }, '$.s'],
    ['a typed array', { bytes: new Uint8Array([1]) }, '$.bytes'],
    ['undefined at the top', undefined, '$'],
    ['an odd key', { 'a b': [Number.NaN] }, '$["a b"][0]'],
  ])('refuses %s with an error naming where', (_label, value, path) => {
    let caught: unknown;
    try {
      sut(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).path).toBe(path);
    expect((caught as Error).message).toContain(path);
  });

  it('refuses circular structures', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => sut(loop)).toThrow(/circular/);
  });

  it('accepts a shared (non-circular) sub-object twice', () => {
    const shared = { x: 1 };
    expect(sut({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('toCanonicalValue', () => {
  it('returns the JSON value a store would give back', () => {
    const sut = toCanonicalValue;
    expect(sut({ at: new Date('2023-04-12T09:00:00.000Z'), gone: undefined, n: -0 })).toEqual({ at: '2023-04-12T09:00:00.000Z', n: 0 });
    expect(Object.is((sut({ n: -0 }) as { n: number }).n, 0)).toBe(true);
  });
});
