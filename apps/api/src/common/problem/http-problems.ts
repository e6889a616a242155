import type { FieldError } from './problem-details';
import { ApiErrors } from './api-errors';

/** Errors raised by the HTTP layer itself (not the domain); the problem filter maps them. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`The request is not valid: ${errors.map((e) => `${e.field} (${e.rule})`).join(', ')}`);
    this.name = 'RequestValidationError';
  }
}

export class IdempotencyKeyReusedError extends Error {
  readonly code = ApiErrors.IDEMPOTENCY_KEY_REUSED;
  constructor() {
    super('This Idempotency-Key was already used with a different request; use a new key for a new request.');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** What a limit counts: a key's requests, an address's requests without a key, its failed authentications, or a key's expensive reads. */
export type RateLimitScope = 'key' | 'address' | 'failed-authentication' | 'expensive-reads';

const SCOPE_TEXT: Record<RateLimitScope, string> = {
  key: 'This API key sent more requests than its share',
  address: 'This address sent more requests without an API key than its share',
  'failed-authentication': 'Too many requests from this address failed authentication; it may not try again yet',
  'expensive-reads': 'This API key asked for more expensive reports (verification, seals, ledgers, traces, networks) than its share',
};

/** 429: over a rate limit (see fair-share.ts); `Retry-After` says when the next request is counted again. */
export class RateLimitedError extends Error {
  readonly code = ApiErrors.RATE_LIMITED;
  constructor(
    readonly scope: RateLimitScope,
    readonly limit: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`${SCOPE_TEXT[scope]}: at most ${limit} per ${windowSeconds} s. Try again in ${retryAfterSeconds} s.`);
    this.name = 'RateLimitedError';
  }
}

/** 503: every read worker is busy and the queue in front of them is full; nothing was done. */
export class ServerBusyError extends Error {
  readonly code = ApiErrors.SERVER_BUSY;
  constructor(
    readonly queued: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`The server is busy with ${queued} expensive reads already (verifications, ledgers, replays); try again in ${retryAfterSeconds} s.`);
    this.name = 'ServerBusyError';
  }
}
