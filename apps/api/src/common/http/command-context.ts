import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { deriveCommandId, type CommandContext } from '@kuhina/event-store';
import { RequestValidationError } from '../problem/http-problems';
import { idempotencyKeyOf, requestFingerprint } from '../idempotency/idempotency.interceptor';

const IDEMPOTENCY_NAMESPACE = '0b7e4a52-5d7c-4c1f-9e57-2f4f3c6a9d10';

/** `If-Match: "3"` (or W/"3") → 3. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"(-1|\d{1,15})"\s*$/.exec(value ?? '');
  if (!match) throw new RequestValidationError([{ field: 'header.If-Match', rule: 'etag', message: 'If-Match must be an ETag this API gave, e.g. "3"' }]);
  return Number(match[1]);
}

/**
 * Who, why and which attempt: the key's name is the actor, the request id the correlation id, and the
 * command id derives from the Idempotency-Key (per key name), so a retry yields the same event ids even
 * after a restart. Without a key every request is a new command.
 */
export function commandContextOf(request: FastifyRequest): CommandContext {
  const actor = request.principal?.name ?? 'anonymous';
  const key = idempotencyKeyOf(request);
  const expectedRevision = parseIfMatch(request.headers['if-match']);
  return {
    commandId: key ? deriveCommandId(IDEMPOTENCY_NAMESPACE, `${actor}\u0000${key}`) : randomUUID(),
    actor,
    correlationId: String(request.id),
    // Claimed with the events (embedded store): the same key with another request is refused from then on.
    ...(key && request.principal ? { claim: { scope: actor, key, fingerprint: requestFingerprint(request), at: new Date().toISOString() } } : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

export const Command = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => commandContextOf(context.switchToHttp().getRequest<FastifyRequest>()));
