import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { PersonalDataAccessLog } from './personal-data-access-log';
import { PERSONAL_DATA_ACCESS_STREAM } from './personal-data-accessed.event';

describe('PersonalDataAccessLog (embedded SQLite store)', () => {
  let harness: EventStoreHarness;
  let sut: PersonalDataAccessLog;
  const at = new Date('2026-11-27T08:00:00.000Z');
  const aino = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const eero = '6a8b0c1e-2f3a-4b5d-8e9f-1a3c5e7a9b0d';
  const helmi = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
  const workshopId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const access = (people: string[], requestId = 'req-1') => ({
    accessedBy: 'office',
    role: 'backoffice',
    people,
    endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId },
    requestId,
  });

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new PersonalDataAccessLog(harness.store, { clock: () => at, pageSize: 2 });
  });
  afterEach(() => harness.cleanup());

  it('appends one PersonalDataAccessed naming each person once, with the key name as actor and the request id as correlation id', async () => {
    await sut.record(access([aino, eero, aino]));

    const [event, ...more] = await harness.store.readStream(PERSONAL_DATA_ACCESS_STREAM);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: 'PersonalDataAccessed',
      data: { accessedBy: 'office', role: 'backoffice', people: [aino, eero], endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId }, requestId: 'req-1', at: at.toISOString() },
      metadata: { actor: 'office', correlationId: 'req-1', occurredAt: at.toISOString() },
    });
  });

  it('takes concurrent accesses without a concurrency conflict (expected revision any)', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, index) => sut.record(access([aino], `req-${index}`))));

    const events = await harness.store.readStream(PERSONAL_DATA_ACCESS_STREAM);
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(events.map((event) => (event.data as { requestId: string }).requestId)).size).toBe(8);
  });

  it('finds every access that revealed a person, oldest first, across pages, and no other', async () => {
    await sut.record(access([aino, eero], 'req-a'));
    await sut.record(access([eero], 'req-b'));
    await sut.record(access([helmi], 'req-c'));
    await sut.record(access([eero, helmi], 'req-d'));
    await sut.record(access([aino], 'req-e'));

    const found = await sut.accessesOf(eero);

    expect(found.map((entry) => entry.requestId)).toEqual(['req-a', 'req-b', 'req-d']);
    expect(found[0]).toMatchObject({ eventId: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.any(BigInt), people: [aino, eero] });
    expect(await sut.accessesOf('7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70')).toEqual([]);
  });
});
