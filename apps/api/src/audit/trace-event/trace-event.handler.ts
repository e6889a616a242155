import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditReader, type EventTrace } from '@kuhina/application';
import { TraceEventQuery } from './trace-event.query';

@QueryHandler(TraceEventQuery)
export class TraceEventHandler implements IQueryHandler<TraceEventQuery, EventTrace> {
  constructor(private readonly audit: AuditReader) {}

  execute({ eventId, role }: TraceEventQuery): Promise<EventTrace> {
    return this.audit.trace(eventId, { revealPeople: role === 'backoffice' });
  }
}
