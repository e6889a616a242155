import { InvalidCursorError } from '../read-store.port';
import { compareCodePoints, decodeCursor, encodeCursor } from './view-cursor';

describe('view cursor', () => {
  const where = { index: 'chainId', value: 'rauma' };

  it('decodes what it encoded, for the same listing, including unicode sort keys', () => {
    const sut = encodeCursor('chain-list', where, { sortKey: 'Mäkinen 😀', id: 'p-1' });

    expect(sut).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(sut, 'chain-list', { ...where })).toEqual({ sortKey: 'Mäkinen 😀', id: 'p-1' });
  });

  it('means the first page when there is no cursor', () => {
    expect(decodeCursor(null, 'chain-list', where)).toBeNull();
    expect(decodeCursor(undefined, 'chain-list', undefined)).toBeNull();
  });

  it.each([
    ['an empty string', ''],
    ['text that is not base64url', 'abc+/='],
    ['base64url of non-JSON', Buffer.from('{oops').toString('base64url')],
    ['base64url of a JSON array', Buffer.from('[1]').toString('base64url')],
    ['a payload without id', Buffer.from(JSON.stringify({ s: 'a', c: 'chain-list', w: ['chainId', 'rauma'] })).toString('base64url')],
    ['a payload with a malformed where', Buffer.from(JSON.stringify({ s: 'a', i: 'x', c: 'chain-list', w: ['chainId'] })).toString('base64url')],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 'chain-list', where)).toThrow(InvalidCursorError);
  });

  it('refuses a cursor of another collection, index, index value or of the whole collection', () => {
    const sut = encodeCursor('chain-list', where, { sortKey: 'a', id: 'x' });

    expect(() => decodeCursor(sut, 'organization-list', where)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(sut, 'chain-list', { index: 'workshopId', value: 'rauma' })).toThrow(InvalidCursorError);
    expect(() => decodeCursor(sut, 'chain-list', { index: 'chainId', value: 'pori' })).toThrow(InvalidCursorError);
    expect(() => decodeCursor(sut, 'chain-list', undefined)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeCursor('chain-list', undefined, { sortKey: 'a', id: 'x' }), 'chain-list', where)).toThrow(InvalidCursorError);
  });
});

describe('compareCodePoints', () => {
  it('orders like the UTF-8 bytes (SQLite BINARY, MongoDB simple collation), unlike UTF-16 `<`', () => {
    const samples = ['', 'a', 'B', 'ä', 'Ä', 'Mäkinen', 'Makinen', '\uFFFD', '\uE000', '😀', '😀a', '𝔸', 'a😀', 'a\uFFFD', 'ab', 'a'];
    const byBytes = [...samples].sort((x, y) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8')));

    const sut = [...samples].sort(compareCodePoints);

    expect(sut).toEqual(byBytes);
    expect(['😀', '\uFFFD'].sort()).toEqual(['😀', '\uFFFD']); // what plain JS order would have done
    expect(compareCodePoints('😀', '\uFFFD')).toBeGreaterThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});
