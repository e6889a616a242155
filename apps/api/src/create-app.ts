import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import helmet from 'helmet';
import { NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { KuhinaConfig } from '@kuhina/application';
import { AppModule } from './app.module';
import { describeBusinessDates } from './common/http/business-date-docs';
import { acceptPublicFormBodies, limitJsonNesting } from './common/http/json-body';
import { PROBLEM_CONTENT_TYPE } from './common/problem/problem-details';
import { clientErrorProblem, toProblem } from './common/problem/problem-details.filter';
import { createLogger, logRequests, PinoNestLogger } from './common/http/logging';
import { loadHttpLimits, timeoutCheckInterval, type HttpLimits } from './common/http/http-limits';
import { loadFairShare, registerFairShare, type FairShareLimits } from './common/http/fair-share';
import { ApiKeyRegistry } from './common/auth/api-keys';
import { loadReadWorkerSettings, type ReadWorkerSettings } from './common/read-workers/read-workers';

export const BODY_LIMIT = 1024 * 1024;

/**
 * Scripts only from our own origin, on every page (the network page and the Swagger UI load theirs from files). Inline
 * styles stay allowed: the graph library and the Swagger UI set them, and a style cannot run code.
 */
const CSP = { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] };

/** What the docs page loads (see @nestjs/swagger's HTML); the rest of swagger-ui-dist (package.json, source maps, README) is not served. */
const DOCS_FILES = new Set(['/docs', '/docs/', '/docs/index.html', '/docs/json', '/docs/yaml', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/favicon-32x32.png', '/docs/favicon-16x16.png']);

/**
 * Refusals Node makes before Fastify sees a request (header too large: 431, headers or body too slow: 408, unparsable: 400),
 * as problem+json like every other answer; then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  // A request already being answered has its own status line on the wire; only cut it.
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !answering) {
    const body = JSON.stringify(clientErrorProblem(status));
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

/** Builds the HTTP app (Fastify) without listening, so tests and `main` start it the same way. */
export async function createApp(
  config: KuhinaConfig,
  options: { logLevel?: string; limits?: HttpLimits; fairShare?: FairShareLimits; readWorkers?: ReadWorkerSettings } = {},
): Promise<NestFastifyApplication> {
  const logger = createLogger(options.logLevel);
  const limits = options.limits ?? loadHttpLimits();
  const fairShare = options.fairShare ?? loadFairShare();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // A client that announces a body and never sends it gets 408 after requestTimeout instead of holding the connection.
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: timeoutCheckInterval(limits) },
    clientErrorHandler: answerClientError,
    // Refusals Fastify makes before any route runs (a malformed %-escape in the path): problem+json like the rest.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const problem = toProblem(error, request);
      void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
    },
    // Always our own id: it is the correlation id of the events a request appends, and a client-chosen one could put
    // its events into another request's correlation (the seed's, another user's). A client's own X-Request-Id is
    // logged beside it (clientRequestId) and the answer's X-Request-Id says which id we gave the request.
    genReqId: () => randomUUID(),
    // Behind a reverse proxy: which proxies' X-Forwarded-For to believe, so that per-address limits count clients, not the proxy.
    ...(fairShare.trustProxy === undefined ? {} : { trustProxy: fairShare.trustProxy }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.readWorkers ?? loadReadWorkerSettings()), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Fastify's own JSON parser, behind a nesting limit (limitJsonNesting); form bodies for the public form's pages only.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  limitJsonNesting(fastify);
  acceptPublicFormBodies(fastify);
  // Before helmet and every route: a request without a valid key, or over its share, is answered from its headers.
  await registerFairShare(fastify, app.get(ApiKeyRegistry), fairShare);

  // Security headers, built once: @fastify/helmet built helmet's middleware (and parsed the CSP) again for every request,
  // ~5 % of the API's time under write load (issue 17's profile).
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: CSP } });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  fastify.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if ((path.startsWith('/docs/') || path === '/docs') && !DOCS_FILES.has(path)) {
      const problem = toProblem(new NotFoundException(`No route ${request.method} ${path}`), request);
      void reply.status(404).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
      return;
    }
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // Answers carry personal data and per-key views: no cache keeps them unless a route says otherwise (the UI bundle revalidates).
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  logRequests(fastify, logger);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kuhina back-office API')
      .setDescription(
        [
          'Event-sourced back-office for chains of social-innovation workshops (ESF+).',
          '',
          '* Every write answers `{ id, position }`; `position` is the log position (a decimal string) to pass as `consistentWith` on reads.',
          "* Business time: every write records when its fact happened (`occurredAt`). Without it a workshop's fact is dated by the workshop's own date once that is past, a fact with a date of its own (an expense's `incurredOn`) by that date, and nothing is dated in the future; where no date can be inferred and what the write is about lies far back, the answer is `422 BUSINESS_TIME.REQUIRED`. Each write's description says which date it records (\"Business date\").",
          '* Send `Idempotency-Key` on writes: a retry with the same key and body returns the first answer and appends nothing; the same key with another body is `422`.',
          '* Answers about one resource carry `ETag: "<revision>"`; send it back as `If-Match` to refuse a write on a changed resource (`412`).',
          '* Errors are RFC 9457 `application/problem+json` with a stable `code` and, for validation, `errors[]` naming each field and rule.',
          '* Roles: `backoffice` writes and reads; `analyst` and `auditor` read (people only as pseudonyms) and get `403` on writes and on personal data (`/people/:id`, `/workshops/:id/registrations`).',
          '* `/audit/*` (ledger, indicators, trace, verify, seals) is for `auditor` and `backoffice`; `/audit/access-log` for `auditor` only; `analyst` gets `403` on every audit route. Each route says who may call it.',
          '* Every answer that reveals personal data is first recorded in the access log (`PersonalDataAccessed`); if it cannot be recorded the answer is `503` and shows nothing.',
          '* Analysts: `/network` (with `asOf` / `untilPosition` time travel and `format` exports), `/network/metrics`, and the page `/ui/network?chainId=`.',
          '* Fair sharing: each key, and each address without a valid key, has a share of requests per minute, and each key a smaller share of expensive reads (verification, seals, ledger, indicators, traces, replays by log position, metrics, exports); past it `429 REQUEST.RATE_LIMITED` with `Retry-After`. Expensive reads run on worker threads behind a bounded queue: when it is full, `503 SERVER.BUSY` with `Retry-After`. The key is checked before the body is read.',
        ].join('\n'),
      )
      .setVersion('0.1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (see README: where the generated keys are)' })
      .build(),
  );
  // Which date every write records, from the one table of business-date rules (a test checks that none is missing).
  describeBusinessDates(document);
  SwaggerModule.setup('docs', app, document, { swaggerOptions: { persistAuthorization: true }, jsonDocumentUrl: 'docs/json' });
  return app;
}
