/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, recursively,
 * no whitespace, strings and numbers exactly as JSON.stringify writes them (ECMAScript number
 * formatting is what RFC 8785 prescribes). The hash chain is computed over this text, so anything
 * JSON.stringify would silently change or drop (NaN, undefined in arrays, functions, Map, ...) is
 * refused instead: what is hashed must be what is stored and read back.
 */

export class CanonicalJsonError extends TypeError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot write canonical JSON at ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  try {
    return writePlain(value, 0);
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    // Anything but plain JSON data: the careful writer gives the same text, or the error naming where.
    return write(value, '$', new Set());
  }
}

const NOT_PLAIN = Symbol('not plain JSON data');
const MAX_PLAIN_DEPTH = 100;

/**
 * The fast path for what the log holds (plain objects, arrays, strings, finite numbers, booleans, null): the same text
 * as `write`, without building a path per member (hashing every event the projector reads must stay cheap). Anything
 * else (toJSON, Map, a class instance, undefined in an array, a deep or circular structure) throws NOT_PLAIN.
 */
function writePlain(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw NOT_PLAIN;
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw NOT_PLAIN;
  }
  if (value === null) return 'null';
  if (depth > MAX_PLAIN_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN;
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + writePlain(value[i], depth + 1);
    return `${text}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + writePlain(member, depth + 1);
  }
  return `${text}}`;
}

/** The JSON value the canonical text stands for: what a store gives back after a round trip. */
export function toCanonicalValue<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${String(value)} is not a JSON number`);
      return JSON.stringify(value);
    case 'bigint':
      throw new CanonicalJsonError(path, 'bigint has no JSON form (convert it to a string or a safe number)');
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not a JSON value');
    case 'function':
      throw new CanonicalJsonError(path, 'a function is not a JSON value');
    case 'symbol':
      throw new CanonicalJsonError(path, 'a symbol is not a JSON value');
    case 'object':
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError(path, 'circular reference');

  // Same rule as JSON.stringify: an object with toJSON (Date, ...) is written as what toJSON returns.
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    ancestors.add(object);
    try {
      return write((toJSON as (key: string) => unknown).call(object, ''), path, ancestors);
    } finally {
      ancestors.delete(object);
    }
  }
  if (object instanceof Map || object instanceof Set || object instanceof WeakMap || object instanceof WeakSet) {
    throw new CanonicalJsonError(path, `${object.constructor.name} would be written as {} (convert it to an object or array)`);
  }
  if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer || object instanceof RegExp || object instanceof Promise) {
    throw new CanonicalJsonError(path, `${object.constructor.name} has no faithful JSON form`);
  }

  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item: unknown, index) => write(item, `${path}[${index}]`, ancestors)).join(',')}]`;
    }
    const parts: string[] = [];
    // Default sort compares UTF-16 code units, which is the order RFC 8785 requires.
    for (const key of Object.keys(object).sort()) {
      const member = (object as Record<string, unknown>)[key];
      // Like JSON.stringify, an undefined member is simply absent; a function member is a mistake.
      if (member === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(member, `${path}${memberPath(key)}`, ancestors)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

function memberPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
