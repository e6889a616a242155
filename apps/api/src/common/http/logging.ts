import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { clientRequestId } from './request-id';

export const createLogger = (level: string = process.env.KUHINA_LOG_LEVEL ?? 'info'): Logger =>
  pino({
    level,
    base: { service: 'kuhina-api' },
    // Belt and braces: these never reach a log line, whatever a future log call passes.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', '*.authorization'], censor: '[redacted]' },
  });

/**
 * Nest's bookkeeping at start-up: one line per module, controller and route (~140 lines). Useful when a route is
 * missing, noise otherwise: kept at debug level (KUHINA_LOG_LEVEL=debug shows them); the start-up banner says the rest.
 */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's own messages (start-up, errors) as pino lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context !== undefined && START_UP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/** One line per request: method, route, status, duration, key name, request id (and the client's own) — never the key or the body. */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        reqId: request.id,
        clientRequestId: clientRequestId(request.headers['x-request-id']),
        method: request.method,
        url: request.url.split('?')[0],
        route: request.routeOptions.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        actor: request.principal?.name,
      },
      'request',
    );
    done();
  });
}
