import { hash } from 'node:crypto';
import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, switchMap, type Observable } from 'rxjs';
import { canonicalJson, ChainedEventStore, EVENT_STORE, type EventStore } from '@kuhina/event-store';
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

/** Worked out once per request: the interceptor and the command context (its claim) both need it. */
const fingerprints = new WeakMap<FastifyRequest, string>();

/** What makes two requests with one key the same request: method, path and body (never stored, only this digest). */
export function requestFingerprint(request: FastifyRequest): string {
  let fingerprint = fingerprints.get(request);
  if (fingerprint === undefined) {
    // One-shot hash (Node >= 20.12, as package.json requires): no Hash object per request.
    fingerprint = hash('sha256', `${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`, 'hex');
    fingerprints.set(request, fingerprint);
  }
  return fingerprint;
}

/**
 * On writes with an Idempotency-Key: refuse the same key with a different request (422). With the embedded event store
 * the key is claimed in the transaction of the events the request appends (CommandContext.claim): here it is only
 * looked up, which costs no write and no fsync; a race of two different requests with one key is settled in that
 * transaction. Where the events are elsewhere (KurrentDB) the keys have a store of their own, written first.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Optional() @Inject(IdempotencyStore) private readonly store: IdempotencyStore | null,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined || !request.principal) return next.handle();
    const scope = request.principal.name;
    const fingerprint = requestFingerprint(request);
    const claimed = this.events instanceof ChainedEventStore ? this.events.findClaim(scope, key) : undefined;
    if (claimed !== undefined) {
      return from(claimed).pipe(
        switchMap((stored) => {
          if (stored !== null && stored !== fingerprint) throw new IdempotencyKeyReusedError();
          return next.handle();
        }),
      );
    }
    if (!this.store) throw new Error('No idempotency store: the event store keeps no claims and none was provided');
    const use = this.store.use(scope, key, fingerprint);
    if (use === 'different') throw new IdempotencyKeyReusedError();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (use === 'new') this.store!.release(scope, key, fingerprint);
        throw error;
      }),
    );
  }
}
