import { organizationStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { DomainCommandExecutor } from './domain-command-executor';

// The organisation commands through the generic use case (formerly one pass-through handler each).
describe('DomainCommandExecutor: organisation commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('RegisterOrganization', () => {
    const id = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
    const at = '2023-02-01T09:00:00.000Z';
    const details = { name: 'Rauman kaupunki', sector: 'public-administration' as const, municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null };

    it('appends OrganizationRegistered to organization-<id>', async () => {
      const result = await executor.execute('organization', { type: 'RegisterOrganization', data: { organizationId: id, ...details }, at }, harness.context());

      expect(result.revision).toBe(0);
      expect(await harness.eventsOf(organizationStream(id))).toEqual([{ type: 'OrganizationRegistered', data: expect.objectContaining({ organizationId: id, ...details }) }]);
    });

    it('refuses a different organisation under an existing id with ORGANIZATION.ALREADY_EXISTS', async () => {
      await executor.execute('organization', { type: 'RegisterOrganization', data: { organizationId: id, ...details }, at }, harness.context());

      await expect(
        executor.execute('organization', { type: 'RegisterOrganization', data: { organizationId: id, ...details, name: 'Porin kaupunki' }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'ORGANIZATION.ALREADY_EXISTS',
      });
      expect(await harness.eventsOf(organizationStream(id))).toHaveLength(1);
    });
  });
});
