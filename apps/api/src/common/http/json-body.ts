import type { FastifyInstance } from 'fastify';
import { RequestValidationError } from '../problem/http-problems';

/** Deeper than any body of this API (the deepest DTO nests 3 levels); deep enough to leave room for a new one. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply a JSON text nests arrays and objects, counted without parsing it (strings skipped), so that a body
 * like `[[[[…]]]]` 100,000 levels deep is refused before the validators walk it recursively and run out of stack.
 * Stops counting once past `limit`.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}

/**
 * The path (`body.a[2].b`) of the first string, value or key, that is not well-formed Unicode (a lone surrogate, which
 * JSON's `\ud800` escapes can carry), or null. Such text cannot be stored as UTF-8 (MongoDB refuses it) and makes some
 * validators throw (isEmail's byte-length check: a 500) instead of answering.
 */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

export function malformedTextPath(value: unknown, path = 'body'): string | null {
  if (typeof value === 'string') return wellFormed(value) ? null : path;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedTextPath(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!wellFormed(key)) return path;
    const found = malformedTextPath(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The path of the first key `constructor` or `prototype` anywhere in a body, or null. No field of this API has such a
 * name, yet the DTO whitelist lets `constructor` through (every object inherits one, so it is not seen as unknown):
 * refused here as the unknown field it is. (`__proto__` is refused by Fastify's parser already.)
 */
export function reservedKeyPath(value: unknown, path = 'body'): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = reservedKeyPath(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'constructor' || key === 'prototype') return `${path}.${key}`;
    const found = reservedKeyPath(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** The public form's bodies are small: a name, an e-mail and a few answers. */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * Form bodies (`application/x-www-form-urlencoded`, what a browser posts without JavaScript) for the public registration
 * form only (/r/...); anywhere else they stay a 415, the API speaking JSON. Parsed by URLSearchParams into one string
 * per field (a repeated field: its last value), never nested.
 */
export function acceptPublicFormBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (request, body, done) => {
    if (!request.url.startsWith('/r/')) {
      done(Object.assign(new Error(`Unsupported Media Type: application/x-www-form-urlencoded`), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
      return;
    }
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of new URLSearchParams(body as string)) fields[key] = value;
    done(null, fields);
  });
}

/**
 * Fastify's own JSON parser (prototype-poisoning checks included) behind a nesting limit and a check that all text is
 * well-formed Unicode: either failing is a 400 naming the field and the rule, like any other validation error.
 */
export function limitJsonNesting(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new RequestValidationError([{ field: 'body', rule: 'maxDepth', message: `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
      return;
    }
    parse(request, text, (error, parsed) => {
      const malformed = error ? null : malformedTextPath(parsed);
      if (malformed !== null) {
        done(new RequestValidationError([{ field: malformed, rule: 'isWellFormed', message: `${malformed} must be well-formed Unicode text (it holds a lone surrogate)` }]), undefined);
        return;
      }
      const reserved = error ? null : reservedKeyPath(parsed);
      if (reserved !== null) {
        done(new RequestValidationError([{ field: reserved, rule: 'whitelistValidation', message: `${reserved} should not exist` }]), undefined);
        return;
      }
      done(error, parsed);
    });
  });
}
