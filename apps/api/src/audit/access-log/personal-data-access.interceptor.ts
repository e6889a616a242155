import { applyDecorators, Inject, Injectable, Logger, ServiceUnavailableException, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { concatMap, type Observable } from 'rxjs';
import { PersonalDataAccessLog } from '@kuhina/application';
import { EVENT_STORE, errorMessage, type EventStore } from '@kuhina/event-store';
import { ApiErrors } from '../../common/problem/api-errors';

const REVEALED_PEOPLE = 'kuhina:revealed-people';

/** From the answer a route is about to send: the ids of the people whose personal data it reveals. */
export type RevealedPeople<Answer> = (answer: Answer) => readonly string[];

/**
 * Logs the access before the answer leaves: the interceptor appends one PersonalDataAccessed (to the
 * `personal-data-access` stream) naming `revealed(answer)`, and only then lets the answer through.
 * An answer that reveals no one (e.g. an erased person) logs nothing.
 */
export const RevealsPersonalData = <Answer>(revealed: RevealedPeople<Answer>) =>
  applyDecorators(
    SetMetadata(REVEALED_PEOPLE, revealed),
    UseInterceptors(PersonalDataAccessInterceptor),
    ApiResponse({ status: 503, description: 'ACCESS_LOG.UNAVAILABLE: the access could not be recorded in the access log, so the personal data is not shown (fail closed)' }),
  );

/**
 * Fail closed: if the access log cannot take the entry, the answer is replaced by a 503 problem, so
 * personal data is never shown without a record of who saw it.
 */
@Injectable()
export class PersonalDataAccessInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AccessLog');
  private readonly log: PersonalDataAccessLog;

  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.log = new PersonalDataAccessLog(store);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const revealed = this.reflector.get<RevealedPeople<unknown> | undefined>(REVEALED_PEOPLE, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string | undefined> }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        const people = revealed ? revealed(answer) : [];
        if (people.length === 0) return answer;
        const principal = request.principal;
        try {
          await this.log.record({
            accessedBy: principal?.name ?? 'anonymous',
            role: principal?.role ?? 'none',
            people,
            endpoint: { method: request.method, route: request.routeOptions?.url ?? request.url.split('?')[0]!, id: request.params?.id ?? null },
            requestId: String(request.id),
          });
        } catch (error) {
          this.logger.error(`${String(request.id)}: access to personal data not recorded, answer withheld: ${errorMessage(error)}`);
          // Headers set by the route (ETag) describe the withheld answer, not the problem.
          void reply.removeHeader('etag');
          throw new ServiceUnavailableException({ code: ApiErrors.ACCESS_LOG_UNAVAILABLE, message: 'The access to personal data could not be recorded, so the data is not shown; retry shortly.' });
        }
        return answer;
      }),
    );
  }
}
