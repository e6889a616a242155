import { jsonNestingDepth, malformedTextPath, reservedKeyPath } from './json-body';

describe('jsonNestingDepth', () => {
  it.each([
    ['42', 0],
    ['"text"', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['[[1],[2],[3]]', 2],
    // Brackets inside strings do not nest, escaped quotes do not end the string.
    ['{"a":"[[[{{{"}', 1],
    ['{"a":"\\"[[[","b":[1]}', 2],
    ['{"a":"\\\\","b":[[1]]}', 3],
  ])('counts %s as %i levels', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
    // The count agrees with the parsed value's own depth.
    const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);
    expect(depthOf(JSON.parse(text))).toBe(depth);
  });

  it('stops counting once past the limit (a 100,000-level body is not walked to the end)', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonNestingDepth(deep)).toBe(100_000);
    expect(jsonNestingDepth(deep, 32)).toBe(33);
  });
});

describe('malformedTextPath', () => {
  it.each([
    ['{"email":"\\ud800"}', 'body.email'],
    ['{"a":[1,"ok",{"b":"x\\udc00y"}]}', 'body.a[2].b'],
    ['{"\\udbff":1}', 'body'],
    ['["\\ud800\\ud800\\udc00"]', 'body[0]'],
  ])('finds the lone surrogate in %s at %s', (text, path) => {
    expect(malformedTextPath(JSON.parse(text))).toBe(path);
  });

  it.each([['{"name":"Työpaja 🧩 4","note":"\\ud83e\\udde9"}'], ['{"a":["Pori","Kemi"],"b":{"c":null,"d":7}}'], ['"plain"'], ['null']])('passes well-formed text: %s', (text) => {
    expect(malformedTextPath(JSON.parse(text))).toBeNull();
  });
});

describe('reservedKeyPath', () => {
  it('finds a constructor or prototype key at any depth, with its path', () => {
    expect(reservedKeyPath({ name: 'x', constructor: 'y' })).toBe('body.constructor');
    expect(reservedKeyPath({ items: [{ ok: 1 }, { nested: { prototype: {} } }] })).toBe('body.items[1].nested.prototype');
  });

  it('passes ordinary bodies, and the words as values', () => {
    expect(reservedKeyPath({ name: 'constructor', tags: ['prototype'], deep: { a: [1, { b: null }] } })).toBeNull();
    expect(reservedKeyPath('constructor')).toBeNull();
  });
});
