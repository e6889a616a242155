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
 * Fastify's own JSON parser (prototype-poisoning checks included) behind a nesting limit: a too deep body is a
 * 400 naming `body` and the rule, like any other validation error.
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
    parse(request, text, done);
  });
}
