import { organizationDecider, organizationStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetOrganizationHandler } from './get-organization.handler';
import { GetOrganizationQuery } from './get-organization.query';

describe('GetOrganizationHandler', () => {
  let harness: EventStoreHarness;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetOrganizationHandler;
  const id = '9a1c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';
  const details = { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education' as const, municipality: 'Kemi', region: 'Lappi', businessId: null, website: null };
  const register = () =>
    harness.handler.handle(organizationDecider, organizationStream(id), { type: 'RegisterOrganization', data: { organizationId: id, ...details }, at: '2023-02-01T09:00:00.000Z' }, harness.context());

  beforeEach(async () => {
    harness = await eventStoreHarness();
    views = projectedViews(harness.store);
    sut = new GetOrganizationHandler(views.reader);
  });
  afterEach(() => harness.cleanup());

  it('answers the registered organisation with its revision', async () => {
    await register();
    await views.catchUp();

    expect(await sut.execute(new GetOrganizationQuery(id))).toEqual({
      revision: 0,
      organization: { status: 'registered', organizationId: id, ...details, registeredAt: '2023-02-01T09:00:00.000Z', contacts: [], contactCount: 0, offers: [], pledges: [] },
    });
  });

  it('answers the offers, and the contacts to the back-office only, at the revision of the last event', async () => {
    await register();
    const offer = { kind: 'expertise' as const, description: 'Social enterprise know-how', online: true, capacity: null, valueCents: null, availableFrom: null, availableUntil: null };
    await harness.handler.handle(organizationDecider, organizationStream(id), { type: 'RecordOffer', data: { organizationId: id, offerId: 'of-1', ...offer }, at: '2023-03-01T09:00:00.000Z' }, harness.context());
    await views.catchUp();

    const answer = await sut.execute(new GetOrganizationQuery(id));
    expect(answer.revision).toBe(1);
    expect(answer.organization.offers).toEqual([
      { offerId: 'of-1', ...offer, municipality: null, region: null, status: 'active', offeredAt: '2023-03-01T09:00:00.000Z', updatedAt: null, withdrawnAt: null, withdrawalReason: null },
    ]);
    expect((await sut.execute(new GetOrganizationQuery(id, false))).organization).not.toHaveProperty('contacts');
  });

  it('answers the changed details with the next revision', async () => {
    await register();
    await harness.handler.handle(organizationDecider, organizationStream(id), { type: 'UpdateOrganizationDetails', data: { organizationId: id, website: 'https://www.lapinamk.fi' }, at: '2023-03-01T09:00:00.000Z' }, harness.context());
    await views.catchUp();

    expect(await sut.execute(new GetOrganizationQuery(id))).toMatchObject({ revision: 1, organization: { ...details, website: 'https://www.lapinamk.fi' } });
  });

  it('refuses an unknown id with ORGANIZATION.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new GetOrganizationQuery(id))).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found' });
  });
});
