import type { RecordedEvent } from '@kuhina/event-store';

/** An event as an auditor cites it: where it sits in the log, who recorded it and when, within which request. */
export interface EventRef {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  /** Log position (decimal string). */
  position: string;
  /** When it happened (business time). */
  occurredAt: string;
  /** When it was recorded (system time). */
  recordedAt: string;
  actor: string;
  correlationId: string;
}

export const eventRef = (event: RecordedEvent): EventRef => ({
  eventId: event.id,
  type: event.type,
  stream: event.stream,
  revision: event.revision,
  position: event.position.toString(),
  occurredAt: event.metadata.occurredAt,
  recordedAt: event.metadata.recordedAt,
  actor: event.metadata.actor,
  correlationId: event.metadata.correlationId,
});

/** A reported number and the events behind it. */
export interface Figure {
  value: number;
  sources: EventRef[];
}

/** Collects a figure's value and its events; the same event counts once as a source. */
export class FigureBuilder {
  private total = 0;
  private readonly refs = new Map<string, EventRef>();

  add(value: number, events: readonly RecordedEvent[]): this {
    this.total += value;
    for (const event of events) if (!this.refs.has(event.id)) this.refs.set(event.id, eventRef(event));
    return this;
  }

  build(): Figure {
    const sources = [...this.refs.values()].sort((a, b) => a.position.length - b.position.length || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return { value: this.total, sources };
  }
}

/** The figures of a report (any object tree whose leaves with `sources` are figures), with their paths. */
export function figuresOf(report: unknown, path = ''): Array<{ path: string; figure: Figure }> {
  if (report === null || typeof report !== 'object') return [];
  if (Array.isArray(report)) return report.flatMap((item, index) => figuresOf(item, `${path}[${figureKey(item) ?? index}]`));
  const record = report as Record<string, unknown>;
  const found: Array<{ path: string; figure: Figure }> = [];
  if (typeof record.value === 'number' && Array.isArray(record.sources)) found.push({ path, figure: record as unknown as Figure });
  for (const [key, value] of Object.entries(record)) if (key !== 'sources') found.push(...figuresOf(value, path === '' ? key : `${path}.${key}`));
  return found;
}

/** Items of lists are named by their id in paths (`expenses.entries[<expenseId>]`), not by their index. */
function figureKey(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  for (const key of ['expenseId', 'pledgeId', 'entryId', 'workshopId', 'organizationId']) if (typeof record[key] === 'string') return record[key] as string;
  return undefined;
}
