import { randomBytes } from 'node:crypto';
import { RegisterPerson, RegisterPersonHandler } from '@kuhina/application';
import { RAUMA_PLAN } from '@kuhina/application/workshop-fixtures.spec-helper';
import { chainDecider, chainStream, organizationDecider, organizationStream, personDecider, personStream, workshopDecider, workshopStream, type ChainCommand, type PersonCommand, type WorkshopCommand } from '@kuhina/domain';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { CHAIN_LESSONS_COLLECTION, partKey, personEntity } from '@kuhina/read-model';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetPersonHandler } from './get-person.handler';
import { GetPersonQuery } from './get-person.query';

describe('GetPersonHandler', () => {
  let harness: EventStoreHarness;
  let keys: MemoryKeyStore;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetPersonHandler;
  const id = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const organizationId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const personalData = { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', phone: '+358 40 123 4567', esf: { gender: 'female' as const, birthYear: 1985 } };
  const notAsked = { given: false, since: null, source: null, wordingVersion: null, history: [] };
  const noConsents = { 'future-workshops': notAsked, 'named-in-reports': notAsked };
  const consent = (command: PersonCommand) => harness.handler.handle(personDecider, personStream(id), command, harness.context());
  const workshop = (workshopId: string, command: Omit<WorkshopCommand, 'at'>, at = '2023-04-19T14:00:00.000Z') =>
    harness.handler.handle(workshopDecider, workshopStream(workshopId), { ...command, at } as WorkshopCommand, harness.context());

  beforeEach(async () => {
    harness = await eventStoreHarness();
    keys = new MemoryKeyStore();
    const cipher = new PersonalDataCipher(keys);
    views = projectedViews(harness.store);
    sut = new GetPersonHandler(views.reader, cipher);
    const affiliation = { organizationId, name: 'Porin kaupunki', sector: 'public-administration' as const, municipality: 'Pori', region: 'Satakunta', businessId: null, website: null };
    await harness.handler.handle(organizationDecider, organizationStream(organizationId), { type: 'RegisterOrganization', data: affiliation, at: '2023-03-01T10:00:00.000Z' }, harness.context());
    const register = new RegisterPersonHandler(harness.handler, cipher, new BlindIndex(randomBytes(32)));
    await register.execute(new RegisterPerson({ personId: id, personalData, organizationId, at: '2023-04-01T10:00:00.000Z' }, harness.context()));
  });
  afterEach(() => harness.cleanup());

  it('answers the decrypted personal data, the affiliation and the revision', async () => {
    await views.catchUp();

    expect(await sut.execute(new GetPersonQuery(id))).toEqual({ revision: 0, person: { id, status: 'active', ...personalData, organizationId, consents: noConsents, chains: [] } });
  });

  it('answers esf null when none was given', async () => {
    const other = '6a8b0c1e-2f3a-4b5d-8e9f-1a3c5e7a9b0d';
    const register = new RegisterPersonHandler(harness.handler, new PersonalDataCipher(keys), new BlindIndex(randomBytes(32)));
    await register.execute(new RegisterPerson({ personId: other, personalData: { name: 'Eero Korhonen', email: null, phone: null }, organizationId: null, at: '2023-04-01T10:00:00.000Z' }, harness.context()));
    await views.catchUp();

    expect((await sut.execute(new GetPersonQuery(other))).person).toEqual({ id: other, status: 'active', name: 'Eero Korhonen', email: null, phone: null, esf: null, organizationId: null, consents: noConsents, chains: [] });
  });

  it('answers every chain the person took part in, by period, with the roles and attendance in each workshop', async () => {
    const chain2023 = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
    const chain2024 = '6c3f1d2f-8b5e-4f9c-8d4b-2e3f4a516273';
    const rauma = '11111111-1111-4111-8111-111111111111';
    const kemi = '22222222-2222-4222-8222-222222222222';
    const details = (name: string, year: number) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `S${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, description: '' });
    const chain = (chainId: string, command: Omit<ChainCommand, 'at'>, at = '2023-01-02T08:00:00.000Z') => harness.handler.handle(chainDecider, chainStream(chainId), { ...command, at } as ChainCommand, harness.context());
    const add = (chainId: string, workshopId: string) => chain(chainId, { type: 'AddWorkshopToChain', data: { chainId, workshopId } });
    const register = (workshopId: string, registrationId: string, role: 'participant' | 'speaker') =>
      workshop(workshopId, { type: 'RegisterParticipant', data: { workshopId, registrationId, personId: id, organizationId, attendanceMode: 'on-site', expectations: null, advanceQuestions: [], role } });
    // Started in reverse order of their periods: the answer orders them by period, not by the log.
    await chain(chain2024, { type: 'StartChain', data: { chainId: chain2024, ...details('Ketju 2024', 2024) } });
    await chain(chain2023, { type: 'StartChain', data: { chainId: chain2023, ...details('Ketju 2023', 2023) } });
    await workshop(kemi, { type: 'PlanWorkshop', data: { workshopId: kemi, ...RAUMA_PLAN, title: 'Kemi', chainId: chain2024, startsAt: '2024-05-02T10:00:00.000Z', endsAt: '2024-05-02T13:00:00.000Z' } });
    await add(chain2024, kemi);
    await workshop(rauma, { type: 'PlanWorkshop', data: { workshopId: rauma, ...RAUMA_PLAN, chainId: chain2023 } });
    await add(chain2023, rauma);
    for (const [workshopId, registrationId, role] of [[kemi, 'r-1', 'speaker'], [rauma, 'r-2', 'participant']] as const) {
      await workshop(workshopId, { type: 'OpenRegistration', data: { workshopId } });
      await register(workshopId, registrationId, role);
    }
    await workshop(rauma, { type: 'MarkHeld', data: { workshopId: rauma, heldOn: '2023-04-19' } });
    await workshop(rauma, { type: 'RecordAttendance', data: { workshopId: rauma, attendees: [{ registrationId: 'r-2', mode: 'on-site' }] } });
    await views.catchUp();

    const { person } = await sut.execute(new GetPersonQuery(id));

    expect(person.status === 'active' && person.chains).toEqual([
      { chainId: chain2023, name: 'Ketju 2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', workshops: [{ workshopId: rauma, title: RAUMA_PLAN.title, startsAt: RAUMA_PLAN.startsAt, order: 0, parts: ['participant'], attended: true }] },
      { chainId: chain2024, name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', workshops: [{ workshopId: kemi, title: 'Kemi', startsAt: '2024-05-02T10:00:00.000Z', order: 0, parts: ['speaker'], attended: false }] },
    ]);

    // Erased: the answer stays { id, status }, though the view keeps the ids and roles (the organisation's history rests on them).
    await keys.destroyKeysOf(id);
    await consent({ type: 'ErasePersonalData', data: { personId: id, reason: 'data subject request', erasedBy: 'office' }, at: '2024-06-02T10:00:00.000Z' });
    await views.catchUp();
    expect((await sut.execute(new GetPersonQuery(id))).person).toEqual({ id, status: 'erased' });
    expect(await views.reader.maybe(CHAIN_LESSONS_COLLECTION, partKey(rauma, personEntity(id)))).toMatchObject({ parts: ['participant'], attended: true });
  });

  it('answers only { id, status: erased } once the personal data is erased', async () => {
    await keys.destroyKeysOf(id);
    await harness.handler.handle(personDecider, personStream(id), { type: 'ErasePersonalData', data: { personId: id, reason: 'data subject request', erasedBy: 'office' }, at: '2024-01-02T10:00:00.000Z' }, harness.context());
    await views.catchUp();

    expect(await sut.execute(new GetPersonQuery(id))).toEqual({ revision: 1, person: { id, status: 'erased' } });
  });

  it('answers the erased shape when the key is already destroyed but the erasure is not yet recorded', async () => {
    await views.catchUp();
    await keys.destroyKeysOf(id);

    expect((await sut.execute(new GetPersonQuery(id))).person).toEqual({ id, status: 'erased' });
  });

  it('keeps the sealed data in the view, never the clear text: the key store is what opens it', async () => {
    await views.catchUp();
    const stored = await views.reader.one<Record<string, unknown>>('people', id, 'PERSON.NOT_FOUND', 'person');

    expect(stored).toMatchObject({ personId: id, status: 'active', personalData: { alg: 'A256GCM', keyId: expect.any(String), ciphertext: expect.any(String) } });
    expect(JSON.stringify(stored)).not.toMatch(/Aino|Virtanen|example\.org|123 4567/);
  });

  it('answers a changed affiliation with the next revision', async () => {
    await harness.handler.handle(personDecider, personStream(id), { type: 'ChangeAffiliation', data: { personId: id, organizationId: null }, at: '2023-05-01T10:00:00.000Z' }, harness.context());
    await views.catchUp();

    expect(await sut.execute(new GetPersonQuery(id))).toEqual({ revision: 1, person: { id, status: 'active', ...personalData, organizationId: null, consents: noConsents, chains: [] } });
  });

  it('answers each purpose as it stands, withdrawals winning, with its history in date order', async () => {
    const form = { personId: id, purpose: 'future-workshops', source: 'form', wordingVersion: 'rauma-2023-v1' } as const;
    await consent({ type: 'GiveConsent', data: { ...form, givenOn: '2023-04-19' }, at: '2023-04-19T12:00:00.000Z' });
    await consent({ type: 'WithdrawConsent', data: { personId: id, purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail', wordingVersion: null }, at: '2023-06-01T12:00:00.000Z' });
    // A paper form typed in after the withdrawal, dated before it: recorded, but the withdrawal wins.
    await consent({ type: 'GiveConsent', data: { ...form, givenOn: '2023-05-10' }, at: '2023-05-10T12:00:00.000Z' });
    await consent({ type: 'GiveConsent', data: { ...form, purpose: 'named-in-reports', source: 'in-person', givenOn: '2023-04-19' }, at: '2023-04-19T12:00:00.000Z' });
    await views.catchUp();

    const { person, revision } = await sut.execute(new GetPersonQuery(id));

    expect(revision).toBe(4);
    expect(person.status === 'active' && person.consents).toEqual({
      'future-workshops': {
        given: false,
        since: '2023-06-01',
        source: 'e-mail',
        wordingVersion: null,
        history: [
          { action: 'given', on: '2023-04-19', source: 'form', wordingVersion: 'rauma-2023-v1', occurredAt: '2023-04-19T12:00:00.000Z' },
          { action: 'given', on: '2023-05-10', source: 'form', wordingVersion: 'rauma-2023-v1', occurredAt: '2023-05-10T12:00:00.000Z' },
          { action: 'withdrawn', on: '2023-06-01', source: 'e-mail', wordingVersion: null, occurredAt: '2023-06-01T12:00:00.000Z' },
        ],
      },
      'named-in-reports': {
        given: true,
        since: '2023-04-19',
        source: 'in-person',
        wordingVersion: 'rauma-2023-v1',
        history: [{ action: 'given', on: '2023-04-19', source: 'in-person', wordingVersion: 'rauma-2023-v1', occurredAt: '2023-04-19T12:00:00.000Z' }],
      },
    });
  });

  it('refuses an unknown id with PERSON.NOT_FOUND', async () => {
    await views.catchUp();
    await expect(sut.execute(new GetPersonQuery('0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6'))).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND', kind: 'not-found' });
  });
});
