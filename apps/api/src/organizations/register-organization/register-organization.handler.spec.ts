import { organizationStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RegisterOrganizationCommand } from './register-organization.command';
import { RegisterOrganizationHandler } from './register-organization.handler';

describe('RegisterOrganizationHandler', () => {
  let harness: EventStoreHarness;
  let sut: RegisterOrganizationHandler;
  const id = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const details = { name: 'Rauman kaupunki', sector: 'public-administration' as const, municipality: 'Rauma', region: 'Satakunta', businessId: null, website: null };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RegisterOrganizationHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends OrganizationRegistered to organization-<id>', async () => {
    const result = await sut.execute(new RegisterOrganizationCommand(id, details, '2023-02-01T09:00:00.000Z', harness.context()));

    expect(result.revision).toBe(0);
    expect(await harness.eventsOf(organizationStream(id))).toEqual([{ type: 'OrganizationRegistered', data: expect.objectContaining({ organizationId: id, ...details }) }]);
  });

  it('refuses a different organisation under an existing id with ORGANIZATION.ALREADY_EXISTS', async () => {
    await sut.execute(new RegisterOrganizationCommand(id, details, '2023-02-01T09:00:00.000Z', harness.context()));

    await expect(sut.execute(new RegisterOrganizationCommand(id, { ...details, name: 'Porin kaupunki' }, '2023-02-01T09:00:00.000Z', harness.context()))).rejects.toMatchObject({
      code: 'ORGANIZATION.ALREADY_EXISTS',
    });
    expect(await harness.eventsOf(organizationStream(id))).toHaveLength(1);
  });
});
