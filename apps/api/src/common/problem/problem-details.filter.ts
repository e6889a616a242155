import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BusinessTimeRequiredError } from '@kuhina/application';
import { DomainError } from '@kuhina/domain';
import { AppendTooLargeError, DeletedStreamError, EventIdConflictError, IdempotencyClaimConflictError, WrongExpectedRevisionError } from '@kuhina/event-store';
import { IdempotencyKeyReusedError, RateLimitedError, RequestValidationError, ServerBusyError } from './http-problems';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';
import { ApiErrors } from './api-errors';

const HTTP_CODES: Record<number, [string, string]> = {
  400: [ApiErrors.REQUEST_MALFORMED, 'Malformed request'],
  401: [ApiErrors.UNAUTHENTICATED, 'Unauthenticated'],
  403: [ApiErrors.FORBIDDEN, 'Forbidden'],
  404: [ApiErrors.ROUTE_NOT_FOUND, 'Not found'],
  405: [ApiErrors.METHOD_NOT_ALLOWED, 'Method not allowed'],
  413: [ApiErrors.REQUEST_TOO_LARGE, 'Payload too large'],
  415: [ApiErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE, 'Unsupported media type'],
  503: [ApiErrors.SERVICE_UNAVAILABLE, 'Not available yet'],
};

const DOMAIN_STATUS = { validation: HttpStatus.BAD_REQUEST, 'not-found': HttpStatus.NOT_FOUND, conflict: HttpStatus.CONFLICT, unprocessable: HttpStatus.UNPROCESSABLE_ENTITY } as const;

/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json with a stable `code`.
 * Never a stack trace; an unexpected error is logged with the request id and answered 500 without detail.
 */
export function toProblem(error: unknown, request: { id?: string; url?: string; headers?: Record<string, unknown> }): ProblemDetails {
  const instance = request.url?.split('?')[0];
  const make = (status: number, code: string, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemDetails => ({
    type: problemType(code),
    title,
    status,
    detail,
    code,
    instance,
    requestId: request.id,
    ...extra,
  });

  if (error instanceof RequestValidationError) {
    return make(400, ApiErrors.REQUEST_INVALID, 'The request is not valid', error.message, { errors: error.errors });
  }
  if (error instanceof BusinessTimeRequiredError) {
    // Names the field like a validation problem, so that a form can point at it.
    return make(422, error.code, 'Say when this happened', error.message, {
      details: error.details,
      errors: [{ field: `body.${error.field}`, rule: 'required', message: error.message }],
    });
  }
  if (error instanceof DomainError) {
    const status = DOMAIN_STATUS[error.kind];
    const title = status === 404 ? 'Not found' : status === 400 ? 'The request breaks a rule' : 'Not allowed in the current state';
    return make(status, error.code, title, error.message, Object.keys(error.details).length > 0 ? { details: error.details } : {});
  }
  if (error instanceof WrongExpectedRevisionError) {
    // With If-Match the client stated the revision it saw: a mismatch is a failed precondition.
    if (request.headers?.['if-match'] !== undefined) {
      return make(412, ApiErrors.STALE_REVISION, 'The resource changed since you read it', `${error.stream} is at revision ${String(error.actual)}, not ${String(error.expected)}; read it again.`, {
        currentRevision: error.actual,
      });
    }
    return make(409, ApiErrors.CONCURRENT_WRITE, 'Too many concurrent changes', 'Other writes kept changing this resource; try again.');
  }
  if (error instanceof EventIdConflictError) {
    return make(409, error.code, 'Conflicting retry', error.message);
  }
  // Production-storage refusals (KurrentDB): nothing was written; the client learns why instead of a 500.
  if (error instanceof AppendTooLargeError) {
    return make(413, error.code, 'Too large to store at once', error.message, { bytes: error.bytes, limitBytes: error.limitBytes });
  }
  if (error instanceof DeletedStreamError) {
    return make(410, error.code, 'Deleted in the event store', error.message);
  }
  if (error instanceof RateLimitedError) {
    return make(429, error.code, 'Too many requests', error.message, { scope: error.scope, limit: error.limit, windowSeconds: error.windowSeconds, retryAfterSeconds: error.retryAfterSeconds });
  }
  if (error instanceof ServerBusyError) {
    return make(503, error.code, 'Busy', error.message, { retryAfterSeconds: error.retryAfterSeconds });
  }
  if (error instanceof IdempotencyKeyReusedError || error instanceof IdempotencyClaimConflictError) {
    return make(422, error.code, 'Idempotency-Key reused with another request', error.message);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [code, title] = HTTP_CODES[status] ?? [`HTTP.${status}`, 'Error'];
    const response = error.getResponse();
    const message = status === 413 ? 'The request body is larger than 1 MiB.' : typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return make(status, (response as { code?: string }).code ?? code, title, message);
  }
  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    // Fastify's own refusals: malformed JSON, body too large, unsupported media type.
    const code =
      fastify.statusCode === 413 ? ApiErrors.REQUEST_TOO_LARGE : fastify.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? ApiErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE : fastify.statusCode === 400 ? ApiErrors.REQUEST_MALFORMED : `HTTP.${fastify.statusCode}`;
    const detail = fastify.statusCode === 413 ? 'The request body is larger than 1 MiB.' : String(fastify.message ?? 'Bad request');
    return make(fastify.statusCode, code, fastify.statusCode === 413 ? 'Payload too large' : 'Bad request', detail);
  }
  return make(500, 'INTERNAL', 'Internal error', 'Something went wrong on our side; the request id identifies it in the logs. Nothing was recorded by this request unless its answer said so.');
}

/**
 * What the connection-level refusals answer (Node's parser, before any request object exists): 431 for headers over
 * Node's limit, 408 for headers or body that did not arrive in time, 400 for bytes that are not HTTP.
 */
export function clientErrorProblem(status: 400 | 408 | 431): ProblemDetails {
  const [code, title, detail] =
    status === 431
      ? [ApiErrors.REQUEST_HEADERS_TOO_LARGE, 'Request header fields too large', 'The request headers are larger than the server accepts; send fewer or shorter headers.']
      : status === 408
        ? [ApiErrors.REQUEST_TIMEOUT, 'Request timeout', 'The request (headers and body) did not arrive in time; nothing was recorded.']
        : [ApiErrors.REQUEST_MALFORMED, 'Malformed request', 'The request is not valid HTTP.'];
  return { type: problemType(code), title, status, detail, code };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error, request);
    if (problem.status >= 500) this.logger.error(`${request.id} ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendProblem(reply, problem);
  }
}

/** Answers a problem; a 429 or 503 that knows when to come back says so in `Retry-After` (RFC 9110) as well as in the body. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (typeof problem.retryAfterSeconds === 'number') void reply.header('retry-after', String(problem.retryAfterSeconds));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}
