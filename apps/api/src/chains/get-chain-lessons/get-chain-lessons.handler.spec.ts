import { chainDecider, chainStream, workshopDecider, workshopStream, type ChainCommand, type Debrief, type WorkshopCommand } from '@kuhina/domain';
import { RAUMA_PLAN } from '@kuhina/application/workshop-fixtures.spec-helper';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetChainLessonsHandler } from './get-chain-lessons.handler';
import { GetChainLessonsQuery } from './get-chain-lessons.query';

describe('GetChainLessonsHandler', () => {
  let harness: EventStoreHarness;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetChainLessonsHandler;
  const chain2023 = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
  const chain2024 = '6c3f1d2f-8b5e-4f9c-8d4b-2e3f4a516273';
  const rauma = '11111111-1111-4111-8111-111111111111';
  const kemi = '22222222-2222-4222-8222-222222222222';
  const city = '0a000000-0000-4000-8000-000000000001';
  const person = 'b0000000-0000-4000-8000-000000000001';
  const newcomer = 'b0000000-0000-4000-8000-000000000002';
  const details = (name: string, year: number) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `S${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, description: '' });
  const debrief: Debrief = { whatWorked: 'The futures workshop', whatToDevelop: 'Outreach earlier', lessons: ['Map partners first'], authorRole: 'joint', heldOn: '2023-04-26' };
  const chain = (chainId: string, command: Omit<ChainCommand, 'at'>, at = '2023-01-02T08:00:00.000Z') => harness.handler.handle(chainDecider, chainStream(chainId), { ...command, at } as ChainCommand, harness.context());
  const workshop = (workshopId: string, command: Omit<WorkshopCommand, 'at'>, at = '2023-04-19T14:00:00.000Z') =>
    harness.handler.handle(workshopDecider, workshopStream(workshopId), { ...command, at } as WorkshopCommand, harness.context());
  const register = (workshopId: string, registrationId: string, personId: string) =>
    workshop(workshopId, { type: 'RegisterParticipant', data: { workshopId, registrationId, personId, organizationId: city, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] } });

  beforeEach(async () => {
    harness = await eventStoreHarness();
    views = projectedViews(harness.store);
    sut = new GetChainLessonsHandler(views.reader);

    // 2023: Rauma, co-organised by the city, a person of the city there; debriefed twice, and the chain once.
    await chain(chain2023, { type: 'StartChain', data: { chainId: chain2023, ...details('Ketju 2023', 2023) } });
    await workshop(rauma, { type: 'PlanWorkshop', data: { workshopId: rauma, ...RAUMA_PLAN, chainId: chain2023, coOrganizerIds: [city] } });
    await chain(chain2023, { type: 'AddWorkshopToChain', data: { chainId: chain2023, workshopId: rauma } });
    await workshop(rauma, { type: 'OpenRegistration', data: { workshopId: rauma } });
    await register(rauma, 'r-1', person);
    await workshop(rauma, { type: 'MarkHeld', data: { workshopId: rauma, heldOn: '2023-04-19' } });
    await workshop(rauma, { type: 'RecordWorkshopDebrief', data: { workshopId: rauma, ...debrief } });
    await workshop(rauma, { type: 'RecordWorkshopDebrief', data: { workshopId: rauma, ...debrief, lessons: [] } });
    await chain(chain2023, { type: 'RecordChainDebrief', data: { chainId: chain2023, ...debrief, heldOn: '2023-12-15' } });

    // 2024 follows 2023: Kemi, where the same person and a newcomer register from the city.
    await chain(chain2024, { type: 'StartChain', data: { chainId: chain2024, ...details('Ketju 2024', 2024), followsChainId: chain2023 } }, '2024-01-02T08:00:00.000Z');
    await workshop(kemi, { type: 'PlanWorkshop', data: { workshopId: kemi, ...RAUMA_PLAN, title: 'Kemi', chainId: chain2024, startsAt: '2024-05-02T10:00:00.000Z', endsAt: '2024-05-02T13:00:00.000Z' } });
    await chain(chain2024, { type: 'AddWorkshopToChain', data: { chainId: chain2024, workshopId: kemi } });
    await workshop(kemi, { type: 'OpenRegistration', data: { workshopId: kemi } });
    await register(kemi, 'r-2', person);
    await register(kemi, 'r-3', newcomer);
    await views.catchUp();
  });
  afterEach(() => harness.cleanup());

  it("answers the chain's lessons, then those of the chain it follows, with debriefs in force and their earlier versions", async () => {
    const { chain: lessons, predecessors } = await sut.execute(new GetChainLessonsQuery(chain2024));

    expect(lessons).toMatchObject({ id: chain2024, followsChainId: chain2023, followedBy: [], debrief: null, workshops: [{ workshopId: kemi, order: 0, title: 'Kemi', debrief: null }] });
    expect(predecessors).toHaveLength(1);
    expect(predecessors[0]).toMatchObject({
      id: chain2023,
      name: 'Ketju 2023',
      followsChainId: null,
      followedBy: [chain2024],
      debrief: { version: 1, heldOn: '2023-12-15', whatWorked: 'The futures workshop' },
      workshops: [{ workshopId: rauma, order: 0, heldOn: '2023-04-19', debrief: { version: 2, lessons: [] }, earlierVersions: [{ version: 1, lessons: ['Map partners first'] }] }],
    });
  });

  it('keeps the history of organisations and people across chains (people only counted)', async () => {
    const { acrossChains } = await sut.execute(new GetChainLessonsQuery(chain2024));

    expect(acrossChains.people).toEqual({ inThisChain: 2, alsoInOtherChains: 1 });
    expect(acrossChains.organizations).toEqual([
      {
        organizationId: city,
        inThisChain: [{ workshopId: kemi, title: 'Kemi', parts: ['participant'], attended: false }],
        otherChains: [{ chainId: chain2023, name: 'Ketju 2023', periodStart: '2023-01-01', workshops: [{ workshopId: rauma, title: RAUMA_PLAN.title, parts: ['co-organizer', 'participant'], attended: false }] }],
      },
    ]);
  });

  it('answers 404 CHAIN.NOT_FOUND for a chain never started', async () => {
    await expect(sut.execute(new GetChainLessonsQuery('7d4e2a3b-9c6f-4a0d-8e5c-3f4a5b627384'))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND' });
  });
});
