import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { KuhinaConfig } from '@kuhina/application';
import { AppModule } from './app.module';
import { describeBusinessDates } from './common/http/business-date-docs';
import { limitJsonNesting } from './common/http/json-body';
import { PROBLEM_CONTENT_TYPE } from './common/problem/problem-details';
import { toProblem } from './common/problem/problem-details.filter';
import { createLogger, logRequests, PinoNestLogger } from './common/http/logging';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app (Fastify) without listening, so tests and `main` start it the same way. */
export async function createApp(config: KuhinaConfig, options: { logLevel?: string } = {}): Promise<NestFastifyApplication> {
  const logger = createLogger(options.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // Refusals Fastify makes before any route runs (a malformed %-escape in the path): problem+json like the rest.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const problem = toProblem(error, request);
      void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
    },
    // Keep a caller's X-Request-Id (it becomes the correlation id of the events), else make one.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Fastify's own JSON parser, behind a nesting limit (limitJsonNesting); no form bodies: the API speaks JSON only.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  limitJsonNesting(fastify);

  await app.register(helmet, {
    // The docs page (Swagger UI) needs inline styles and scripts of its own origin.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
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
