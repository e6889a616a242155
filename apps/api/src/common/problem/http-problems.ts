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
