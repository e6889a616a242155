import { chainDecider, chainStream, workshopDecider, workshopStream, type ChainCommand } from '@kuhina/domain';
import { RAUMA_PLAN } from '@kuhina/application/workshop-fixtures.spec-helper';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetChainHandler } from './get-chain.handler';
import { GetChainQuery } from './get-chain.query';

describe('GetChainHandler', () => {
  let harness: EventStoreHarness;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetChainHandler;
  const id = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const details = { name: 'Työpajaketju 2023', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: 'Five workshops' };
  const rauma = '11111111-1111-4111-8111-111111111111';
  const pori = '22222222-2222-4222-8222-222222222222';
  const chain = (command: ChainCommand) => harness.handler.handle(chainDecider, chainStream(id), command, harness.context());

  beforeEach(async () => {
    harness = await eventStoreHarness();
    views = projectedViews(harness.store);
    sut = new GetChainHandler(views.reader);
  });
  afterEach(() => harness.cleanup());

  it('answers the chain with its workshops in order, last payment, retention end and revision', async () => {
    await chain({ type: 'StartChain', data: { chainId: id, ...details }, at: '2023-01-02T08:00:00.000Z' });
    for (const workshopId of [rauma, pori]) await chain({ type: 'AddWorkshopToChain', data: { chainId: id, workshopId }, at: '2023-02-01T08:00:00.000Z' });
    await chain({ type: 'RecordLastPayment', data: { chainId: id, paidOn: '2024-03-28' }, at: '2024-03-28T12:00:00.000Z' });
    await chain({ type: 'CloseChain', data: { chainId: id, reason: 'Operation ended' }, at: '2024-04-02T12:00:00.000Z' });
    await views.catchUp();

    expect(await sut.execute(new GetChainQuery(id))).toEqual({
      revision: 4,
      chain: {
        id,
        ...details,
        status: 'closed',
        startedAt: '2023-01-02T08:00:00.000Z',
        workshopIds: [rauma, pori],
        lastPaidOn: '2024-03-28',
        retentionEndsOn: '2029-12-31',
        hubOrganizationId: null,
        chainMeetings: { partner: 0, coreTeam: 0 },
        chainExpenses: { count: 0, totalCents: 0, byCategory: {}, voidedCount: 0, correctedCount: 0 },
        chainStaffMinutes: { count: 0, totalMinutes: 0, voidedCount: 0, byActivity: { planning: 0, running: 0, 'follow-up': 0, meeting: 0 } },
        closedAt: '2024-04-02T12:00:00.000Z',
        closeReason: 'Operation ended',
        // Neither workshop was planned: the chain names them, the view has no figures for them.
        workshops: [],
        totals: expect.objectContaining({ workshops: 0, registrations: { registered: 0, waitlisted: 0, cancelled: 0 }, attendance: { onSite: 0, remote: 0, total: 0 }, uniqueParticipants: 0 }),
      },
    });
  });

  it('shows a planned workshop of the chain with its figures, and keeps the chain stream\'s revision as the ETag', async () => {
    await chain({ type: 'StartChain', data: { chainId: id, ...details }, at: '2023-01-02T08:00:00.000Z' });
    await harness.handler.handle(workshopDecider, workshopStream(rauma), { type: 'PlanWorkshop', data: { workshopId: rauma, ...RAUMA_PLAN, chainId: id }, at: '2023-02-01T08:00:00.000Z' }, harness.context());
    await chain({ type: 'AddWorkshopToChain', data: { chainId: id, workshopId: rauma }, at: '2023-02-01T08:00:00.000Z' });
    await harness.handler.handle(workshopDecider, workshopStream(rauma), { type: 'OpenRegistration', data: { workshopId: rauma }, at: '2023-02-02T08:00:00.000Z' }, harness.context());
    await views.catchUp();

    const answer = await sut.execute(new GetChainQuery(id));

    expect(answer.revision).toBe(1);
    expect(answer.chain.workshopIds).toEqual([rauma]);
    expect(answer.chain.workshops).toEqual([expect.objectContaining({ workshopId: rauma, order: 0, status: 'registration-open', registrations: { registered: 0, waitlisted: 0, cancelled: 0 } })]);
    expect(answer.chain.workshops[0]).not.toHaveProperty('facts');
    expect(answer.chain.totals.workshops).toBe(1);
  });

  it('refuses an unknown id with CHAIN.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new GetChainQuery(id))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND', kind: 'not-found' });
  });
});
