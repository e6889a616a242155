import { chainStream, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenChain, givenOrganization, RAUMA_PLAN } from '../workshop-fixtures.spec-helper';
import { PlanWorkshopCommand } from './plan-workshop.command';
import { PlanWorkshopHandler } from './plan-workshop.handler';

describe('PlanWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let sut: PlanWorkshopHandler;
  const workshopId = '5b7d2c1e-3f4a-4b8c-9d0e-1f2a3b4c5d6e';
  const chainId = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
  const cityId = '3f0c9a3e-8d8c-4a57-9a51-0b5b1f1c2d3e';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new PlanWorkshopHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends WorkshopPlanned to workshop-<id> and touches no chain when the plan names none', async () => {
    await givenOrganization(harness.handler, harness.context, cityId);

    const result = await sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, coOrganizerIds: [cityId] }, AT, harness.context()));

    expect(result.chain).toBeNull();
    expect(result.workshop.revision).toBe(0);
    expect(await harness.eventsOf(workshopStream(workshopId))).toEqual([{ type: 'WorkshopPlanned', data: { workshopId, ...RAUMA_PLAN, coOrganizerIds: [cityId], plannedAt: AT } }]);
  });

  it('adds the workshop to its chain, and a retry of the same command appends nothing to either stream', async () => {
    await givenChain(harness.handler, harness.context, chainId);
    const context = harness.context();

    const first = await sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, chainId }, AT, context));
    const retry = await sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, chainId }, AT, context));

    expect(await harness.eventsOf(workshopStream(workshopId))).toEqual([{ type: 'WorkshopPlanned', data: expect.objectContaining({ workshopId, chainId }) }]);
    expect((await harness.eventsOf(chainStream(chainId))).slice(1)).toEqual([{ type: 'WorkshopAddedToChain', data: { chainId, workshopId, order: 0, at: AT } }]);
    expect(first.chain!.position! > first.workshop.position!).toBe(true);
    expect(retry).toMatchObject({ workshop: { duplicate: true, position: first.workshop.position }, chain: { duplicate: true, position: first.chain!.position } });
  });

  it('refuses an unknown chain with CHAIN.NOT_FOUND before planning anything', async () => {
    await expect(sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, chainId }, AT, harness.context()))).rejects.toMatchObject({ code: 'CHAIN.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toEqual([]);
  });

  it('refuses an unknown co-organiser with ORGANIZATION.NOT_FOUND before planning anything', async () => {
    await expect(sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, coOrganizerIds: [cityId] }, AT, harness.context()))).rejects.toMatchObject({
      code: 'ORGANIZATION.NOT_FOUND',
      details: { organizationId: cityId },
    });
    expect(await harness.eventsOf(workshopStream(workshopId))).toEqual([]);
  });

  it('refuses another plan under an existing id with WORKSHOP.ALREADY_EXISTS', async () => {
    await sut.execute(new PlanWorkshopCommand(workshopId, RAUMA_PLAN, AT, harness.context()));

    await expect(sut.execute(new PlanWorkshopCommand(workshopId, { ...RAUMA_PLAN, title: 'Työpaja 2' }, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_EXISTS' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(1);
  });
});
