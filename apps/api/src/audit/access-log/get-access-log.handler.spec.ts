import { randomBytes } from 'node:crypto';
import { PersonalDataAccessLog } from '@kuhina/application';
import { pseudonym, type PrivacySecrets } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { GetAccessLogHandler } from './get-access-log.handler';
import { GetAccessLogQuery } from './get-access-log.query';

describe('GetAccessLogHandler', () => {
  let harness: EventStoreHarness;
  let sut: GetAccessLogHandler;
  const secrets: PrivacySecrets = { masterKey: randomBytes(32), blindIndexKey: randomBytes(32), pseudonymKey: randomBytes(32) };
  const aino = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const eero = '6a8b0c1e-2f3a-4b5d-8e9f-1a3c5e7a9b0d';
  const workshopId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const alias = (id: string) => pseudonym(id, secrets.pseudonymKey);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    const log = new PersonalDataAccessLog(harness.store, { clock: () => new Date('2026-11-27T08:00:00.000Z') });
    await log.record({ accessedBy: 'office', role: 'backoffice', people: [aino, eero], endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId }, requestId: 'req-1' });
    await log.record({ accessedBy: 'office', role: 'backoffice', people: [eero], endpoint: { method: 'GET', route: '/people/:id', id: eero }, requestId: 'req-2' });
    sut = new GetAccessLogHandler(harness.store, secrets);
  });
  afterEach(() => harness.cleanup());

  it('lists the accesses that revealed the person, with everyone in each answer as a pseudonym', async () => {
    const answer = await sut.execute(new GetAccessLogQuery(aino));

    expect(answer).toEqual({
      personId: aino,
      pseudonym: alias(aino),
      accesses: [
        {
          at: '2026-11-27T08:00:00.000Z',
          accessedBy: 'office',
          role: 'backoffice',
          endpoint: { method: 'GET', route: '/workshops/:id/registrations', id: workshopId },
          requestId: 'req-1',
          people: [alias(aino), alias(eero)],
          eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          position: expect.stringMatching(/^\d+$/),
        },
      ],
    });
    expect(JSON.stringify(answer.accesses[0]!.people)).not.toContain(eero);
  });

  it('shows a person named by the endpoint id or by the request id only as a pseudonym', async () => {
    const log = new PersonalDataAccessLog(harness.store);
    await log.record({ accessedBy: 'office', role: 'backoffice', people: [aino], endpoint: { method: 'GET', route: '/people/:id', id: aino }, requestId: `why-${eero.toUpperCase()}` });

    const answer = await sut.execute(new GetAccessLogQuery(eero));

    const entry = answer.accesses.find((access) => access.endpoint.route === '/people/:id')!;
    expect(entry.endpoint.id).toBe(alias(eero));
    expect(JSON.stringify(answer.accesses)).not.toContain(eero);
    const own = (await sut.execute(new GetAccessLogQuery(aino))).accesses.find((access) => access.requestId.startsWith('why-'))!;
    expect([own.endpoint.id, own.requestId]).toEqual([alias(aino), `why-${alias(eero)}`]);
  });

  it('answers an empty list for a person nobody looked at', async () => {
    const nobody = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    expect(await sut.execute(new GetAccessLogQuery(nobody))).toEqual({ personId: nobody, pseudonym: alias(nobody), accesses: [] });
  });
});
