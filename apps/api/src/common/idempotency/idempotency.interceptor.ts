import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, type Observable } from 'rxjs';
import { canonicalJson } from '@kuhina/event-store';
import { IdempotencyKeyReusedError, RequestValidationError } from '../problem/http-problems';
import { IdempotencyStore } from './idempotency.store';

const KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new RequestValidationError([{ field: 'header.Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal)' }]);
  }
  return key;
}

/** On writes with an Idempotency-Key: refuse the same key with a different request (422). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined || !request.principal) return next.handle();
    const scope = request.principal.name;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const use = this.store.use(scope, key, fingerprint);
    if (use === 'different') throw new IdempotencyKeyReusedError();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (use === 'new') this.store.release(scope, key, fingerprint);
        throw error;
      }),
    );
  }
}
