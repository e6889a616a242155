import { Inject, ServiceUnavailableException, applyDecorators, UseInterceptors, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, switchMap, type Observable } from 'rxjs';
import { KUHINA_CONFIG, ReadModelPosition, type KuhinaConfig } from '@kuhina/application';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { RequestValidationError } from '../problem/http-problems';
import { ApiErrors } from '../problem/api-errors';
import { LOG_POSITION } from '@kuhina/domain';

export const PROJECTION_POSITION_HEADER = 'x-projection-position';

/**
 * Read-your-writes for view reads: `?consistentWith=<position>` (the `position` a write answered) waits,
 * a bounded time, until the views include that position; past it the answer is 503 with Retry-After.
 * Every view answer says in `X-Projection-Position` how far the views had got.
 */
@Injectable()
export class ViewReadInterceptor implements NestInterceptor {
  constructor(
    private readonly position: ReadModelPosition,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(KUHINA_CONFIG) private readonly config: KuhinaConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: Record<string, unknown> }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const raw = request.query?.consistentWith;
    let wanted: bigint | null = null;
    if (raw !== undefined) {
      if (typeof raw !== 'string' || !LOG_POSITION.pattern.test(raw)) {
        throw new RequestValidationError([{ field: 'query.consistentWith', rule: 'isNumberString', message: `consistentWith must be ${LOG_POSITION.expected}` }]);
      }
      wanted = BigInt(raw);
    }
    return from(
      (async () => {
        let current = await this.position.current();
        // Only a read that is not there yet looks at the head and waits; the header then says where the wait ended.
        if (wanted !== null && (current === null || current < wanted)) {
          await this.refuseBeyondHead(wanted);
          const timeout = this.config.consistencyTimeoutMs;
          if (!(await this.position.waitFor(wanted, timeout))) {
            void reply.header('retry-after', '1');
            throw new ServiceUnavailableException({
              code: ApiErrors.NOT_YET_CONSISTENT,
              message: `The views have not reached position ${wanted} within ${timeout} ms; retry shortly.`,
            });
          }
          current = await this.position.current();
        }
        void reply.header(PROJECTION_POSITION_HEADER, current === null ? '0' : current.toString());
      })(),
    ).pipe(switchMap(() => next.handle()));
  }

  /**
   * A position past the head of the log was never answered by a write (a write's position is in the log before its
   * answer leaves): no wait can reach it, so say so at once instead of holding the request for the whole timeout.
   */
  private async refuseBeyondHead(wanted: bigint): Promise<void> {
    const head = (await this.events.headPosition()) ?? 0n;
    if (wanted <= head) return;
    throw new RequestValidationError([
      { field: 'query.consistentWith', rule: 'max', message: `consistentWith ${wanted} is past the head of the log (${head}): use a position a write answered` },
    ]);
  }
}

/** Marks a GET that answers from the read model (views). */
export const ViewRead = () =>
  applyDecorators(
    UseInterceptors(ViewReadInterceptor),
    ApiQuery({ name: 'consistentWith', required: false, description: 'Wait (up to a few seconds) until the views include this log position, as answered by a write', example: '1013' }),
    ApiHeader({ name: 'X-Projection-Position', description: '(answer) how far in the log the views had got', required: false }),
    ApiResponse({ status: 503, description: 'The views did not reach `consistentWith` in time (Retry-After: 1)' }),
  );
