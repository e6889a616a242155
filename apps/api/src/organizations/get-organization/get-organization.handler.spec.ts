import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { RegisterOrganizationCommand } from '../register-organization/register-organization.command';
import { RegisterOrganizationHandler } from '../register-organization/register-organization.handler';
import { GetOrganizationHandler } from './get-organization.handler';
import { GetOrganizationQuery } from './get-organization.query';

describe('GetOrganizationHandler', () => {
  let harness: EventStoreHarness;
  let sut: GetOrganizationHandler;
  const id = '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new GetOrganizationHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('answers the registered organisation with its revision', async () => {
    const details = { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education' as const, municipality: 'Kemi', region: 'Lappi', businessId: null, website: null };
    await new RegisterOrganizationHandler(harness.handler).execute(new RegisterOrganizationCommand(id, details, '2023-02-01T09:00:00.000Z', harness.context()));

    expect(await sut.execute(new GetOrganizationQuery(id))).toMatchObject({ revision: 0, organization: { status: 'registered', organizationId: id, ...details } });
  });

  it('refuses an unknown id with ORGANIZATION.NOT_FOUND', async () => {
    await expect(sut.execute(new GetOrganizationQuery(id))).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found' });
  });
});
