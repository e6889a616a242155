import { RAUMA_PLAN } from '@kuhina/application/workshop-fixtures.spec-helper';
import { chainDecider, chainStream, organizationDecider, organizationStream, workshopDecider, workshopStream, type ChainCommand, type WorkshopCommand } from '@kuhina/domain';
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
      organization: { status: 'registered', organizationId: id, ...details, registeredAt: '2023-02-01T09:00:00.000Z', contacts: [], contactCount: 0, offers: [], pledges: [], chains: [] },
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

  it('answers every chain it took part in, by period, each workshop with how it took part (co-organiser, pledger, the roles of its people)', async () => {
    const chain2023 = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
    const chain2024 = '6c3f1d2f-8b5e-4f9c-8d4b-2e3f4a516273';
    const rauma = '11111111-1111-4111-8111-111111111111';
    const pori = '33333333-3333-4333-8333-333333333333';
    const kemi = '22222222-2222-4222-8222-222222222222';
    const alone = '44444444-4444-4444-8444-444444444444';
    const chainDetails = (name: string, year: number) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `S${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, description: '' });
    const chain = (chainId: string, command: Omit<ChainCommand, 'at'>) => harness.handler.handle(chainDecider, chainStream(chainId), { ...command, at: '2023-01-02T08:00:00.000Z' } as ChainCommand, harness.context());
    const workshop = (workshopId: string, command: Omit<WorkshopCommand, 'at'>) =>
      harness.handler.handle(workshopDecider, workshopStream(workshopId), { ...command, at: '2023-04-19T14:00:00.000Z' } as WorkshopCommand, harness.context());
    const plan = (workshopId: string, chainId: string | null, title: string, startsAt: string, more: Record<string, unknown> = {}) =>
      workshop(workshopId, { type: 'PlanWorkshop', data: { workshopId, ...RAUMA_PLAN, title, chainId, startsAt, endsAt: startsAt.replace('T10', 'T13'), ...more } });
    await register();
    await chain(chain2024, { type: 'StartChain', data: { chainId: chain2024, ...chainDetails('Ketju 2024', 2024) } });
    await chain(chain2023, { type: 'StartChain', data: { chainId: chain2023, ...chainDetails('Ketju 2023', 2023) } });
    // Pori is added to the chain before Rauma although it is later: the chain's order wins over the dates.
    await plan(pori, chain2023, 'Pori', '2023-07-12T10:00:00.000Z');
    await plan(rauma, chain2023, 'Rauma', '2023-04-19T10:00:00.000Z', { coOrganizerIds: [id] });
    await plan(kemi, chain2024, 'Kemi', '2024-05-02T10:00:00.000Z');
    await plan(alone, null, 'Outside any chain', '2023-11-01T10:00:00.000Z');
    for (const [chainId, workshopId] of [[chain2023, pori], [chain2023, rauma], [chain2024, kemi]] as const) await chain(chainId, { type: 'AddWorkshopToChain', data: { chainId, workshopId } });
    await workshop(pori, { type: 'PledgeResource', data: { workshopId: pori, pledgeId: 'p-1', organizationId: id, kind: 'materials', description: 'Flip charts', inKindValueCents: 5_000, valuationBasis: 'Shop price' } });
    for (const workshopId of [kemi, alone]) {
      await workshop(workshopId, { type: 'OpenRegistration', data: { workshopId } });
      await workshop(workshopId, {
        type: 'RegisterParticipant',
        data: { workshopId, registrationId: `r-${workshopId}`, personId: 'b0000000-0000-4000-8000-000000000001', organizationId: id, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
      });
    }
    await workshop(kemi, { type: 'MarkHeld', data: { workshopId: kemi, heldOn: '2024-05-02' } });
    await workshop(kemi, { type: 'RecordAttendance', data: { workshopId: kemi, attendees: [{ registrationId: `r-${kemi}`, mode: 'on-site' }] } });
    await views.catchUp();

    const { organization, revision } = await sut.execute(new GetOrganizationQuery(id, false));

    // The workshops are other streams: the ETag stays the organisation's own revision.
    expect(revision).toBe(0);
    expect(organization.chains).toEqual([
      {
        chainId: chain2023,
        name: 'Ketju 2023',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        workshops: [
          { workshopId: pori, title: 'Pori', startsAt: '2023-07-12T10:00:00.000Z', order: 0, parts: ['pledger'], attended: false },
          { workshopId: rauma, title: 'Rauma', startsAt: '2023-04-19T10:00:00.000Z', order: 1, parts: ['co-organizer'], attended: false },
        ],
      },
      { chainId: chain2024, name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', workshops: [{ workshopId: kemi, title: 'Kemi', startsAt: '2024-05-02T10:00:00.000Z', order: 0, parts: ['participant'], attended: true }] },
      { chainId: null, name: null, periodStart: null, periodEnd: null, workshops: [{ workshopId: alone, title: 'Outside any chain', startsAt: '2023-11-01T10:00:00.000Z', order: null, parts: ['participant'], attended: false }] },
    ]);
  });

  it('refuses an unknown id with ORGANIZATION.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new GetOrganizationQuery(id))).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found' });
  });
});
