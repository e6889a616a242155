/**
 * Every refusal of the domain carries a stable code (e.g. `WORKSHOP.FULL`) so that clients and
 * the HTTP layer can rely on it; the message is for humans and may change.
 * The kind tells the one place that maps errors to HTTP which status to use.
 */
/** unprocessable: well-formed, but what it claims does not hold (feedback from a registration that did not attend). */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const conflict = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, message, 'conflict', details);
export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, message, 'validation', details);
export const notFound = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, message, 'not-found', details);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, message, 'unprocessable', details);
