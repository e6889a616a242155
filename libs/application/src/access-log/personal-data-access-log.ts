import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore, RecordedEvent } from '@kuhina/event-store';
import { PERSONAL_DATA_ACCESS_STREAM, PERSONAL_DATA_ACCESSED, type PersonalDataAccessedData } from './personal-data-accessed.event';

export type AccessToRecord = Omit<PersonalDataAccessedData, 'at' | 'people'> & { people: readonly string[] };

/** One access as read back, with its place in the log (for `GET /audit/trace/:eventId`). */
export interface RecordedAccess extends PersonalDataAccessedData {
  eventId: string;
  position: bigint;
}

/**
 * Appends and reads the access log: one stream, `personal-data-access`, appended with expected
 * revision `any`. Accesses are independent facts with no invariant between them, so optimistic
 * concurrency would only make concurrent readers fail; the one stream still gives them a single
 * order and one hash chain, so a removed or edited entry shows in `audit verify`.
 */
export interface PersonalDataAccessLogOptions {
  clock?: () => Date;
  /** Events read per page when searching. Default 1000. */
  pageSize?: number;
}

export class PersonalDataAccessLog {
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly store: Pick<EventStore, 'append' | 'readStream'>,
    options: PersonalDataAccessLogOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = Math.max(1, options.pageSize ?? 1000);
  }

  /** Appends one PersonalDataAccessed; rejects when the store cannot take it (the caller must then withhold the answer). */
  record(access: AccessToRecord): Promise<AppendResult> {
    const at = this.clock().toISOString();
    const data: PersonalDataAccessedData = { ...access, people: [...new Set(access.people)], at };
    return this.store.append(
      PERSONAL_DATA_ACCESS_STREAM,
      [
        {
          // Every access is a new fact, even a repeated GET: a fresh id, never one derived from the request.
          id: randomUUID(),
          type: PERSONAL_DATA_ACCESSED,
          data,
          metadata: { occurredAt: at, recordedAt: at, actor: access.accessedBy, correlationId: access.requestId, causationId: null, schemaVersion: 1 },
        },
      ],
      'any',
    );
  }

  /**
   * Every recorded access that revealed `personId`, oldest first.
   * Cost: reads the whole stream (O(all accesses)) on every call, in pages; there is no projection yet
   * (the views are being reworked). A view personId → access positions would make this O(answer).
   */
  async accessesOf(personId: string): Promise<RecordedAccess[]> {
    const found: RecordedAccess[] = [];
    for (let from = 0; ; from += this.pageSize) {
      const page = await this.store.readStream(PERSONAL_DATA_ACCESS_STREAM, { fromRevision: from, maxCount: this.pageSize });
      for (const event of page) {
        const access = accessOf(event);
        if (access?.people.includes(personId)) found.push(access);
      }
      if (page.length < this.pageSize) return found;
    }
  }
}

function accessOf(event: RecordedEvent): RecordedAccess | null {
  if (event.type !== PERSONAL_DATA_ACCESSED) return null;
  const data = event.data as PersonalDataAccessedData;
  if (!Array.isArray(data?.people)) return null;
  return { ...data, eventId: event.id, position: event.position };
}
