import { randomBytes, randomUUID } from 'node:crypto';
import { chainDecider, chainStream, personDecider, personStream, workshopDecider, workshopStream, type ChainCommand, type EncryptedPersonalData, type WorkshopCommand, type WorkshopPlan } from '@kuhina/domain';
import { BlindIndex, PersonalDataCipher, SqliteKeyStore } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RegisterPerson } from '../register-person/register-person.command';
import { RegisterPersonHandler } from '../register-person/register-person.handler';
import { PersonalDataEraser } from './personal-data-eraser';
import { InvalidRetentionDateError, RetentionRun } from './retention-run';

const AT = '2017-03-01T09:00:00.000Z';
const PLAN: WorkshopPlan = {
  chainId: null,
  title: 'Työpaja: sosiaaliset innovaatiot',
  theme: 'Järjestötyön tulevaisuus',
  method: 'Futures workshop',
  kind: 'co-development',
  format: 'in-person',
  location: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
  startsAt: '2017-04-19T10:00:00.000Z',
  endsAt: '2017-04-19T13:30:00.000Z',
  targetGroups: ['NGO workers'],
  access: 'open',
  capacity: 45,
  coOrganizerIds: [],
};

describe('RetentionRun (embedded SQLite log and keys.db)', () => {
  let harness: EventStoreHarness;
  let keys: SqliteKeyStore;
  let cipher: PersonalDataCipher;
  let sut: RetentionRun;
  const chain2017 = randomUUID();
  const chain2023 = randomUUID();
  const workshop2017 = randomUUID();
  const workshop2023 = randomUUID();
  const people: Record<'anna' | 'ben' | 'gus', string> = { anna: '', ben: '', gus: '' };

  const chain = (chainId: string, command: Omit<ChainCommand, 'at'>) => harness.handler.handle(chainDecider, chainStream(chainId), { ...command, at: AT } as ChainCommand, harness.context());
  const workshop = (workshopId: string, command: Omit<WorkshopCommand, 'at'>) => harness.handler.handle(workshopDecider, workshopStream(workshopId), { ...command, at: AT } as WorkshopCommand, harness.context());
  const sealedOf = async (personId: string) => ((await harness.eventsOf(personStream(personId)))[0]!.data as { personalData: EncryptedPersonalData }).personalData;
  const typesOf = async (personId: string) => (await harness.eventsOf(personStream(personId))).map((event) => event.type);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    keys = new SqliteKeyStore(harness.dir, randomBytes(32));
    cipher = new PersonalDataCipher(keys);
    const register = new RegisterPersonHandler(harness.handler, cipher, new BlindIndex(randomBytes(32)));
    for (const name of ['anna', 'ben', 'gus'] as const) {
      const email = `${name}@example.org`;
      people[name] = (await register.execute(new RegisterPerson({ personalData: { name, email, phone: null }, organizationId: null, at: AT }, harness.context()))).personId;
    }
    for (const [chainId, workshopId, year, paidOn] of [
      [chain2017, workshop2017, '2017', '2017-11-30'],
      [chain2023, workshop2023, '2023', '2023-11-30'],
    ] as const) {
      await chain(chainId, { type: 'StartChain', data: { chainId, name: `Chain ${year}`, fundingProgramme: 'ESF', esfOperationId: `ESF-${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, description: '' } });
      await workshop(workshopId, { type: 'PlanWorkshop', data: { workshopId, ...PLAN, chainId } });
      await chain(chainId, { type: 'AddWorkshopToChain', data: { chainId, workshopId } });
      await workshop(workshopId, { type: 'OpenRegistration', data: { workshopId } });
      await chain(chainId, { type: 'RecordLastPayment', data: { chainId, paidOn } });
    }
    const register2 = (workshopId: string, personId: string) =>
      workshop(workshopId, { type: 'RegisterParticipant', data: { workshopId, registrationId: randomUUID(), personId, organizationId: null, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] } });
    await register2(workshop2017, people.anna);
    await register2(workshop2017, people.ben);
    await register2(workshop2023, people.ben);
    await register2(workshop2023, people.gus);
    // A small page size: the plan must read the whole log across pages.
    sut = new RetentionRun(harness.store, new PersonalDataEraser(harness.handler, harness.store, keys), { pageSize: 3, clock: () => new Date('2024-01-02T08:00:00.000Z') });
  });
  afterEach(async () => {
    await keys.close();
    await harness.cleanup();
  });

  it('a dry run lists only the people of the 2017 chain who are not in the 2023 one, and changes nothing', async () => {
    const head = await harness.store.headPosition();

    const report = await sut.run('2024-01-01', { dryRun: true });

    expect(report.due).toEqual([{ personId: people.anna, chains: [{ chainId: chain2017, retentionEndsOn: '2022-12-31' }] }]);
    expect(report.chains).toEqual(
      expect.arrayContaining([
        { chainId: chain2017, retentionEndsOn: '2022-12-31', over: true },
        { chainId: chain2023, retentionEndsOn: '2028-12-31', over: false },
      ]),
    );
    expect(report.eventsRead).toBe(Number(head));
    expect(report.erased).toEqual([]);
    expect(await harness.store.headPosition()).toBe(head);
    expect(await cipher.decrypt(await sealedOf(people.anna))).toMatchObject({ name: 'anna' });
  });

  it('a real run erases them with actor retention and destroys their key; a second run does nothing', async () => {
    const report = await sut.run('2024-01-01', { dryRun: false });
    const head = await harness.store.headPosition();
    const again = await sut.run('2024-01-01', { dryRun: false });

    expect(report.erased).toEqual([people.anna]);
    const [, erased] = await harness.store.readStream(personStream(people.anna));
    expect(erased).toMatchObject({ type: 'PersonalDataErased', data: { erasedBy: 'retention', reason: `ESF+ retention period over (chain ${chain2017} ended 2022-12-31)` }, metadata: { actor: 'retention' } });
    expect(await cipher.decrypt(await sealedOf(people.anna))).toBeNull();
    expect(await cipher.decrypt(await sealedOf(people.ben))).toMatchObject({ name: 'ben' });
    expect(await typesOf(people.gus)).toEqual(['PersonCreated']);
    expect([again.due, again.erased, again.completed]).toEqual([[], [], []]);
    expect(await harness.store.headPosition()).toBe(head);
  });

  it('finishes an erasure that was recorded but whose key survived, whoever recorded it', async () => {
    await harness.handler.handle(personDecider, personStream(people.gus), { type: 'ErasePersonalData', data: { personId: people.gus, reason: 'data subject request', erasedBy: 'office' }, at: AT }, harness.context());

    const report = await sut.run('2024-01-01', { dryRun: false });

    expect(report.completed).toEqual([people.gus]);
    expect(await cipher.decrypt(await sealedOf(people.gus))).toBeNull();
    expect(await typesOf(people.gus)).toEqual(['PersonCreated', 'PersonalDataErased']);
  });

  it('erases nobody while every chain is still within retention', async () => {
    const report = await sut.run('2022-12-31', { dryRun: false });

    expect(report.due).toEqual([]);
    expect(await typesOf(people.anna)).toEqual(['PersonCreated']);
  });

  it('refuses a date that is not a calendar day', async () => {
    await expect(sut.plan('2024-02-30')).rejects.toBeInstanceOf(InvalidRetentionDateError);
    await expect(sut.plan('1.1.2024')).rejects.toBeInstanceOf(InvalidRetentionDateError);
  });
});
