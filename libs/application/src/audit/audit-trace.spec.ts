import type { EventStore, RecordedEvent } from '@kuhina/event-store';
import { AuditReader } from './audit-reader';

const WORKSHOP = 'a0000000-0000-4000-8000-000000000001';
const COMMAND = 'c0000000-0000-4000-8000-000000000001';

let position = 0n;
const event = (id: string, type: string, metadata: { actor: string; correlationId: string; causationId: string | null }): RecordedEvent => {
  position += 1n;
  return {
    id,
    type,
    stream: `workshop-${WORKSHOP}`,
    revision: Number(position) - 1,
    data: { workshopId: WORKSHOP },
    position,
    prevHash: null,
    hash: 'h',
    metadata: { occurredAt: '2023-04-19T10:00:00.000Z', recordedAt: '2023-04-20T10:00:00.000Z', schemaVersion: 1, ...metadata },
  };
};

/** Only what trace reads: the event by id and the whole log in pages. */
const storeOf = (log: RecordedEvent[]): Pick<EventStore, 'readStream' | 'readAll' | 'findEvent'> => ({
  readStream: async (stream) => log.filter((e) => e.stream === stream),
  readAll: async (after, max) => log.filter((e) => after === null || e.position > after).slice(0, max),
  findEvent: async (id) => log.find((e) => e.id === id) ?? null,
});

/** Every path in a JSON value whose value is null. */
const nullsIn = (value: unknown, path = ''): string[] =>
  value === null ? [path] : typeof value === 'object' ? Object.entries(value as object).flatMap(([key, inner]) => nullsIn(inner, `${path}.${key}`)) : [];

describe('AuditReader.trace: who recorded an event and what caused it, said plainly', () => {
  position = 0n;
  const log = [
    event('e0000000-0000-4000-8000-000000000001', 'WorkshopPlanned', { actor: 'Maija Virtanen', correlationId: 'req-1', causationId: COMMAND }),
    event('e0000000-0000-4000-8000-000000000002', 'RegistrationOpened', { actor: 'Maija Virtanen', correlationId: 'req-1', causationId: COMMAND }),
    event('e0000000-0000-4000-8000-000000000003', 'WaitlistPromoted', { actor: 'projector', correlationId: 'req-1', causationId: 'e0000000-0000-4000-8000-000000000002' }),
    event('e0000000-0000-4000-8000-000000000004', 'PersonalDataAccessed', { actor: 'aapo', correlationId: 'req-2', causationId: null }),
  ];
  const sut = new AuditReader(storeOf(log), Buffer.alloc(32, 1));

  it('names the command and the request of an event a command wrote, and the person who sent it', async () => {
    const trace = await sut.trace(log[0]!.id, { revealPeople: true });

    expect(trace.recordedBy).toBe('Maija Virtanen');
    expect(trace.causedBy).toEqual({
      kind: 'command',
      id: COMMAND,
      request: 'req-1',
      summary: `Recorded by Maija Virtanen for command ${COMMAND} in request req-1: written with 1 other event (sameCommand).`,
    });
    expect(trace.event.causationId).toBe(COMMAND);
    expect(trace.sameCommand.map((ref) => ref.eventId)).toEqual([log[1]!.id]);
  });

  it('shows the causing event itself when an event led to it', async () => {
    const trace = await sut.trace(log[2]!.id, { revealPeople: true });

    expect(trace.causedBy).toMatchObject({ kind: 'event', id: log[1]!.id, request: 'req-1', event: { eventId: log[1]!.id, type: 'RegistrationOpened', actor: 'Maija Virtanen' } });
    expect(trace.causedBy.summary).toContain(`in answer to the event RegistrationOpened ${log[1]!.id}`);
    expect(trace.recordedBy).toBe('projector');
  });

  it('leaves out what is not there: an event with no cause names its request only, and no field is null', async () => {
    const trace = await sut.trace(log[3]!.id, { revealPeople: false });

    expect(trace.causedBy).toEqual({ kind: 'request', id: 'req-2', summary: 'Recorded by aapo in request req-2, with no command or event named as its cause.' });
    expect('causationId' in trace.event).toBe(false);
    expect(nullsIn(trace)).toEqual([]);
    for (const event of log.slice(0, 3)) expect(nullsIn(await sut.trace(event.id, { revealPeople: false }))).toEqual([]);
  });

  it('shows every person of the log only as a pseudonym, whatever the event: an access lists the people it revealed', async () => {
    const [aino, eero, staffer] = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'];
    const at = (id: string, type: string, stream: string, data: unknown): RecordedEvent => ({ ...event(id, type, { actor: 'aapo', correlationId: `req-${id}`, causationId: null }), stream, data });
    const people = [
      at('f0000000-0000-4000-8000-000000000001', 'PersonCreated', `person-${aino}`, { personId: aino, personalData: 'sealed' }),
      at('f0000000-0000-4000-8000-000000000002', 'PersonCreated', `person-${eero}`, { personId: eero, personalData: 'sealed' }),
      at('f0000000-0000-4000-8000-000000000003', 'HourlyRateSet', `staff-${staffer}`, { rateCents: 4000 }),
      at('f0000000-0000-4000-8000-000000000004', 'PersonalDataAccessed', 'personal-data-access', {
        people: [aino, eero, staffer],
        endpoint: { method: 'GET', route: '/people/:id', id: eero },
        requestId: `asked-about-${staffer}`,
      }),
    ];
    const reader = new AuditReader(storeOf([...log, ...people]), Buffer.alloc(32, 1));

    const shown = JSON.stringify(await reader.trace(people[3]!.id, { revealPeople: false }));

    for (const id of [aino, eero, staffer]) expect(shown).not.toContain(id);
    expect(JSON.stringify(await reader.trace(people[3]!.id, { revealPeople: true }))).toContain(eero);
  });
});
