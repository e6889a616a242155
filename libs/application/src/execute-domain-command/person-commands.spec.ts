import { organizationDecider, organizationStream, personDecider, personStream } from '@kuhina/domain';
import { MemoryKeyStore, PersonalDataCipher } from '@kuhina/privacy';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { DomainCommandExecutor } from './domain-command-executor';

// The person commands without logic of their own, through the generic use case (formerly one handler each).
describe('DomainCommandExecutor: person commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('ChangeAffiliation', () => {
    const id = '2d4f6a8b-0c1e-4f3a-9b5d-7e9f1a3c5e7a';
    const rauma = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    const valo = '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    const unknown = '0d6c4f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
    const at = '2023-06-01T09:00:00.000Z';

    beforeEach(async () => {
      for (const [organizationId, name] of [
        [rauma, 'Rauman kaupunki'],
        [valo, 'Valo-Valmennusyhdistys ry'],
      ] as const) {
        await harness.handler.handle(
          organizationDecider,
          organizationStream(organizationId),
          { type: 'RegisterOrganization', data: { organizationId, name, sector: 'ngo', municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null }, at },
          harness.context(),
        );
      }
      const personalData = await new PersonalDataCipher(new MemoryKeyStore()).encrypt(id, { name: 'Aino Virtanen', email: null, phone: null });
      await harness.handler.handle(personDecider, personStream(id), { type: 'CreatePerson', data: { personId: id, personalData, emailBlindIndex: null, organizationId: rauma }, at }, harness.context());
    });

    it('appends PersonAffiliationChanged with the previous organisation', async () => {
      const result = await executor.execute('person', { type: 'ChangeAffiliation', data: { personId: id, organizationId: valo }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(personStream(id)))[1]).toEqual({ type: 'PersonAffiliationChanged', data: { personId: id, organizationId: valo, previousOrganizationId: rauma, at } });
    });

    it('accepts null (no organisation) without looking one up', async () => {
      await executor.execute('person', { type: 'ChangeAffiliation', data: { personId: id, organizationId: null }, at }, harness.context());

      expect((await harness.eventsOf(personStream(id)))[1]!.data).toMatchObject({ organizationId: null, previousOrganizationId: rauma });
    });

    it('refuses an organisation that was never registered with ORGANIZATION.NOT_FOUND', async () => {
      await expect(executor.execute('person', { type: 'ChangeAffiliation', data: { personId: id, organizationId: unknown }, at }, harness.context())).rejects.toMatchObject({
        code: 'ORGANIZATION.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(personStream(id))).toHaveLength(1);
    });

    it('refuses an unknown person with PERSON.NOT_FOUND', async () => {
      await expect(executor.execute('person', { type: 'ChangeAffiliation', data: { personId: unknown, organizationId: valo }, at }, harness.context())).rejects.toMatchObject({
        code: 'PERSON.NOT_FOUND',
      });
      expect(await harness.eventsOf(personStream(unknown))).toEqual([]);
    });

    it('refuses an erased person with PERSON.ERASED', async () => {
      await harness.handler.handle(personDecider, personStream(id), { type: 'ErasePersonalData', data: { personId: id, reason: 'data subject request', erasedBy: 'office' }, at }, harness.context());

      await expect(executor.execute('person', { type: 'ChangeAffiliation', data: { personId: id, organizationId: valo }, at }, harness.context())).rejects.toMatchObject({
        code: 'PERSON.ERASED',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(personStream(id))).toHaveLength(2);
    });
  });
});
