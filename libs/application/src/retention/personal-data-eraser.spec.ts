import { randomBytes } from 'node:crypto';
import { emailClaimStream, personDecider, personStream, type EncryptedPersonalData } from '@kuhina/domain';
import { BlindIndex, PersonalDataCipher, SqliteKeyStore } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RegisterPerson } from '../register-person/register-person.command';
import { RegisterPersonHandler } from '../register-person/register-person.handler';
import { PersonalDataEraser } from './personal-data-eraser';

describe('PersonalDataEraser (embedded SQLite log and keys.db)', () => {
  let harness: EventStoreHarness;
  let keys: SqliteKeyStore;
  let cipher: PersonalDataCipher;
  let register: RegisterPersonHandler;
  let sut: PersonalDataEraser;
  const aino = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const email = 'aino.virtanen@example.org';
  const blindIndex = new BlindIndex(randomBytes(32));
  const at = '2024-01-02T10:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    keys = new SqliteKeyStore(harness.dir, randomBytes(32));
    cipher = new PersonalDataCipher(keys);
    register = new RegisterPersonHandler(harness.handler, cipher, blindIndex);
    await register.execute(new RegisterPerson({ personId: aino, personalData: { name: 'Aino Virtanen', email, phone: null }, organizationId: null, at: '2023-04-01T10:00:00.000Z' }, harness.context()));
    sut = new PersonalDataEraser(harness.handler, harness.store, keys);
  });
  afterEach(async () => {
    await keys.close();
    await harness.cleanup();
  });

  const sealed = async (): Promise<EncryptedPersonalData> => ((await harness.eventsOf(personStream(aino)))[0]!.data as { personalData: EncryptedPersonalData }).personalData;
  const typesOf = async (stream: string) => (await harness.eventsOf(stream)).map((event) => event.type);

  it('records PersonalDataErased by the actor, destroys the key so the logged ciphertext no longer decrypts, and frees the e-mail', async () => {
    const result = await sut.erase({ personId: aino, reason: 'data subject request', at }, harness.context({ actor: 'office' }));

    expect(result).toEqual({ personId: aino, recorded: true, alreadyErased: false, keysDestroyed: 1, emailReleased: true, revision: 1, position: expect.any(BigInt) });
    expect((await harness.eventsOf(personStream(aino)))[1]).toEqual({
      type: 'PersonalDataErased',
      data: { personId: aino, reason: 'data subject request', erasedBy: 'office', emailBlindIndex: blindIndex.email(email), at },
    });
    expect(await cipher.decrypt(await sealed())).toBeNull();
    expect(await typesOf(emailClaimStream(blindIndex.email(email)))).toEqual(['EmailClaimed', 'EmailReleased']);
  });

  it('lets the freed e-mail register a new person', async () => {
    await sut.erase({ personId: aino, reason: 'data subject request', at }, harness.context());

    const again = await register.execute(new RegisterPerson({ personalData: { name: 'Aino V.', email, phone: null }, organizationId: null, at }, harness.context()));

    expect(again.created).toBe(true);
    expect(again.personId).not.toBe(aino);
  });

  it('erasing twice records no second event and destroys nothing more', async () => {
    await sut.erase({ personId: aino, reason: 'data subject request', at }, harness.context());

    const second = await sut.erase({ personId: aino, reason: 'second request', at }, harness.context());

    expect(second).toMatchObject({ recorded: false, alreadyErased: true, keysDestroyed: 0, emailReleased: false, revision: 1 });
    expect(await typesOf(personStream(aino))).toEqual(['PersonCreated', 'PersonalDataErased']);
  });

  it('answers a retry with the same command id as the first time, appending nothing', async () => {
    const context = harness.context();
    const first = await sut.erase({ personId: aino, reason: 'data subject request', at }, context);

    const retry = await sut.erase({ personId: aino, reason: 'data subject request', at }, context);

    expect(retry).toMatchObject({ recorded: true, alreadyErased: false, position: first.position, revision: first.revision });
    expect(await typesOf(personStream(aino))).toEqual(['PersonCreated', 'PersonalDataErased']);
    expect(await typesOf(emailClaimStream(blindIndex.email(email)))).toEqual(['EmailClaimed', 'EmailReleased']);
  });

  it('finishes an erasure interrupted after its event: the retry destroys the key and frees the e-mail', async () => {
    // The event is durable but the process stopped before the key was destroyed.
    await harness.handler.handle(personDecider, personStream(aino), { type: 'ErasePersonalData', data: { personId: aino, reason: 'data subject request', erasedBy: 'office' }, at }, harness.context());
    expect(await cipher.decrypt(await sealed())).not.toBeNull();

    const retry = await sut.erase({ personId: aino, reason: 'data subject request', at }, harness.context());

    expect(retry).toMatchObject({ recorded: false, alreadyErased: true, keysDestroyed: 1, emailReleased: true });
    expect(await cipher.decrypt(await sealed())).toBeNull();
    expect(await typesOf(personStream(aino))).toEqual(['PersonCreated', 'PersonalDataErased']);
  });

  it('completeErasure finishes an interrupted erasure but never touches a person who is not erased', async () => {
    const untouched = await sut.completeErasure(aino, at, harness.context());
    expect(untouched).toEqual({ keysDestroyed: 0, emailReleased: false });
    expect(await cipher.decrypt(await sealed())).toMatchObject({ name: 'Aino Virtanen' });

    await harness.handler.handle(personDecider, personStream(aino), { type: 'ErasePersonalData', data: { personId: aino, reason: 'data subject request', erasedBy: 'office' }, at }, harness.context());
    const finished = await sut.completeErasure(aino, at, harness.context());

    expect(finished).toEqual({ keysDestroyed: 1, emailReleased: true });
    expect(await cipher.decrypt(await sealed())).toBeNull();
  });

  it('refuses an unknown person with PERSON.NOT_FOUND and a blank reason with PERSON.BLANK_FIELD, destroying nothing', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.erase({ personId: unknown, reason: 'data subject request', at }, harness.context())).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND', kind: 'not-found' });
    await expect(sut.erase({ personId: aino, reason: ' ', at }, harness.context())).rejects.toMatchObject({ code: 'PERSON.BLANK_FIELD' });
    expect(await harness.eventsOf(personStream(unknown))).toEqual([]);
    expect(await typesOf(personStream(aino))).toEqual(['PersonCreated']);
    expect(await cipher.decrypt(await sealed())).toMatchObject({ name: 'Aino Virtanen' });
  });
});
