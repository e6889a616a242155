import { randomBytes } from 'node:crypto';
import { RegisterPerson, RegisterPersonHandler } from '@kuhina/application';
import { AT, givenWorkshop, markHeld, openRegistration, registration } from '@kuhina/application/workshop-fixtures.spec-helper';
import { personDecider, personStream, workshopDecider, workshopStream } from '@kuhina/domain';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { ListRegistrationsHandler } from './list-registrations.handler';
import { ListRegistrationsQuery } from './list-registrations.query';

describe('ListRegistrationsHandler', () => {
  let harness: EventStoreHarness;
  let keys: MemoryKeyStore;
  let views: ReturnType<typeof projectedViews>;
  let sut: ListRegistrationsHandler;
  const workshopId = '39bf5ef6-1728-43ca-9fe6-f708192a3b4c';
  const r = (n: number) => `e7000000-0000-4000-8000-00000000000${n}`;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    keys = new MemoryKeyStore();
    views = projectedViews(harness.store);
    sut = new ListRegistrationsHandler(views.reader, new PersonalDataCipher(keys));
  });
  afterEach(() => harness.cleanup());

  const person = async (name: string, email: string | null): Promise<string> =>
    (await new RegisterPersonHandler(harness.handler, new PersonalDataCipher(keys), new BlindIndex(randomBytes(32))).execute(new RegisterPerson({ personalData: { name, email, phone: null }, organizationId: null, at: AT }, harness.context()))).personId;

  it('lists every registration with the person decrypted from the person view, and the same counts as GET /workshops/:id', async () => {
    const aino = await person('Aino Virtanen', 'aino.virtanen@example.org');
    const eero = await person('Eero Korhonen', null);
    const helmi = await person('Helmi Mäkinen', null);
    await givenWorkshop(harness.handler, harness.context, workshopId, { capacity: 1 }, openRegistration(workshopId), registration(workshopId, r(1), aino), registration(workshopId, r(2), eero), registration(workshopId, r(3), helmi));
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'CancelRegistration', data: { workshopId, registrationId: r(3), reason: '' }, at: AT }, harness.context());
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), markHeld(workshopId), harness.context());
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r(1), mode: 'on-site' }] }, at: AT }, harness.context());
    await views.catchUp();

    const answer = await sut.execute(new ListRegistrationsQuery(workshopId));

    expect(answer.counts).toEqual({ registered: 1, waitlisted: 1, cancelled: 1, attended: 1, invited: 0 });
    expect(answer.registrations.map((entry) => [entry.registrationId, entry.status, entry.person])).toEqual([
      [r(1), 'registered', { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', erased: false }],
      [r(2), 'waitlisted', { name: 'Eero Korhonen', email: null, erased: false }],
      [r(3), 'cancelled', { name: 'Helmi Mäkinen', email: null, erased: false }],
    ]);
  });

  it('shows an erased person as erased, also while the key is destroyed but the erasure not yet recorded', async () => {
    const aino = await person('Aino Virtanen', 'aino.virtanen@example.org');
    const eero = await person('Eero Korhonen', null);
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId), registration(workshopId, r(1), aino), registration(workshopId, r(2), eero));
    await keys.destroyKeysOf(aino);
    await harness.handler.handle(personDecider, personStream(aino), { type: 'ErasePersonalData', data: { personId: aino, reason: 'data subject request', erasedBy: 'office' }, at: AT }, harness.context());
    await keys.destroyKeysOf(eero);
    await views.catchUp();

    const answer = await sut.execute(new ListRegistrationsQuery(workshopId));

    expect(answer.registrations.map((entry) => entry.person)).toEqual([
      { name: null, email: null, erased: true },
      { name: null, email: null, erased: true },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/Virtanen|Korhonen|example\.org/);
  });

  it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new ListRegistrationsQuery(workshopId))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND', kind: 'not-found' });
  });
});
