import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventTrace } from '@kuhina/application';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { TraceEventQuery } from './trace-event.query';

@QueryHandler(TraceEventQuery)
export class TraceEventHandler implements IQueryHandler<TraceEventQuery, EventTrace> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ eventId, role }: TraceEventQuery): Promise<EventTrace> {
    return this.workers.run({ kind: 'trace', eventId, revealPeople: role === 'backoffice' });
  }
}
