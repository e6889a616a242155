import { InvalidCursorError, type ListOptions } from '../read-store.port';

/** Where a listing continues: after this (sortKey, id). */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

type Where = ListOptions['where'];

/** What a cursor carries: the last item's (sortKey, id) plus the listing it belongs to (collection and index). */
interface CursorPayload {
  s: string;
  i: string;
  c: string;
  w: [string, string] | null;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(collection: string, where: Where, last: CursorPosition): string {
  const payload: CursorPayload = { s: last.sortKey, i: last.id, c: collection, w: where ? [where.index, where.value] : null };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * The position a cursor stands for, or null for the first page. A cursor that is not one we made, or was
 * made for another collection or index value, is refused: silently restarting or mixing listings would
 * give a client duplicated or missing items.
 */
export function decodeCursor(cursor: string | null | undefined, collection: string, where: Where): CursorPosition | null {
  if (cursor === null || cursor === undefined) return null;
  if (typeof cursor !== 'string' || !BASE64URL.test(cursor)) throw new InvalidCursorError();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isPayload(payload) || payload.c !== collection) throw new InvalidCursorError();
  const sameWhere = where ? payload.w !== null && payload.w[0] === where.index && payload.w[1] === where.value : payload.w === null;
  if (!sameWhere) throw new InvalidCursorError();
  return { sortKey: payload.s, id: payload.i };
}

function isPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { s, i, c, w } = value as Record<string, unknown>;
  const whereOk = w === null || (Array.isArray(w) && w.length === 2 && typeof w[0] === 'string' && typeof w[1] === 'string');
  return typeof s === 'string' && typeof i === 'string' && i.length > 0 && typeof c === 'string' && whereOk;
}

/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8 form: the order SQLite
 * (BINARY collation) and MongoDB (simple collation) use. JavaScript's `<` compares UTF-16 code units and
 * would put U+FFFD after an emoji; the memory adapter uses this so that all adapters page alike.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) return shiftSurrogates(x) - shiftSurrogates(y);
  }
  return a.length - b.length;
}

// Moves surrogates (D800-DFFF) above E000-FFFF, as the code points they encode (>= 0x10000) are.
function shiftSurrogates(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Compares two listing positions by (sortKey, id). */
export function comparePositions(a: CursorPosition, b: CursorPosition): number {
  return compareCodePoints(a.sortKey, b.sortKey) || compareCodePoints(a.id, b.id);
}
