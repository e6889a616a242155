import { randomBytes } from 'node:crypto';
import { RegisterPerson } from '../register-person/register-person.command';
import { RegisterPersonHandler } from '../register-person/register-person.handler';
import { PersonalDataEraser } from '../retention/personal-data-eraser';
import { personStream, type EncryptedPersonalData } from '@kuhina/domain';
import { BlindIndex, MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { ErasePersonCommand } from './erase-person.command';
import { ErasePersonHandler } from './erase-person.handler';

describe('ErasePersonHandler', () => {
  let harness: EventStoreHarness;
  let cipher: PersonalDataCipher;
  let sut: ErasePersonHandler;
  const id = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
  const at = '2024-01-02T10:00:00.000Z';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    const keys = new MemoryKeyStore();
    cipher = new PersonalDataCipher(keys);
    await new RegisterPersonHandler(harness.handler, cipher, new BlindIndex(randomBytes(32))).execute(
      new RegisterPerson({ personId: id, personalData: { name: 'Aino Virtanen', email: 'aino.virtanen@example.org', phone: null }, organizationId: null, at: '2023-04-01T10:00:00.000Z' }, harness.context()),
    );
    sut = new ErasePersonHandler(new PersonalDataEraser(harness.handler, harness.store, keys));
  });
  afterEach(() => harness.cleanup());

  const sealed = async () => ((await harness.eventsOf(personStream(id)))[0]!.data as { personalData: EncryptedPersonalData }).personalData;

  it("records the erasure with the API key's name as erasedBy and shreds the key", async () => {
    const result = await sut.execute(new ErasePersonCommand(id, 'data subject request', at, harness.context({ actor: 'office' })));

    expect(result).toMatchObject({ recorded: true, keysDestroyed: 1, revision: 1 });
    expect((await harness.eventsOf(personStream(id)))[1]).toMatchObject({ type: 'PersonalDataErased', data: { erasedBy: 'office', reason: 'data subject request', at } });
    expect(await cipher.decrypt(await sealed())).toBeNull();
  });

  it('answers a second erasure at the first one’s position, recording nothing', async () => {
    const first = await sut.execute(new ErasePersonCommand(id, 'data subject request', at, harness.context()));

    const second = await sut.execute(new ErasePersonCommand(id, 'data subject request', at, harness.context()));

    expect(second).toMatchObject({ recorded: false, alreadyErased: true, position: first.position, revision: 1 });
    expect(await harness.eventsOf(personStream(id))).toHaveLength(2);
  });

  it('refuses an unknown person with PERSON.NOT_FOUND', async () => {
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

    await expect(sut.execute(new ErasePersonCommand(unknown, 'data subject request', at, harness.context()))).rejects.toMatchObject({ code: 'PERSON.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(personStream(unknown))).toEqual([]);
  });
});
