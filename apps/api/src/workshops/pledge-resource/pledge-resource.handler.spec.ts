import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { cancelled, givenWorkshop, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { PledgeResourceCommand, type PledgeDetails } from './pledge-resource.command';
import { PledgeResourceHandler } from './pledge-resource.handler';

describe('PledgeResourceHandler', () => {
  let harness: EventStoreHarness;
  let sut: PledgeResourceHandler;
  const workshopId = 'b1d0c7a2-6f3e-4d5a-9b8c-7e6f5a4b3c21';
  const pledgeId = 'c2e1d8b3-7a4f-4e6b-8c9d-8f7a6b5c4d32';
  const stream = workshopStream(workshopId);
  const at = '2023-05-05T09:00:00.000Z';
  const tent: PledgeDetails = {
    organizationId: 'd3f2e9c4-8b5a-4f7c-9d0e-9a8b7c6d5e43',
    kind: 'venue',
    description: 'Tent space on the pedestrian street, free of charge',
    inKindValueCents: 25_000,
    valuationBasis: 'City of Pori event-site fee for a 3×3 m tent, one day',
  };
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new PledgeResourceHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends ResourcePledged to workshop-<id>', async () => {
    await given();

    const result = await sut.execute(new PledgeResourceCommand(workshopId, pledgeId, tent, at, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'ResourcePledged', data: { workshopId, pledgeId, ...tent, pledgedAt: at } }]);
  });

  it('refuses an unknown workshop with WORKSHOP.NOT_FOUND and appends nothing', async () => {
    await expect(sut.execute(new PledgeResourceCommand(workshopId, pledgeId, tent, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND', kind: 'not-found' });
    expect(await harness.eventsOf(stream)).toEqual([]);
  });

  it('refuses a different pledge under a taken id with PLEDGE.ALREADY_EXISTS', async () => {
    await given();
    await sut.execute(new PledgeResourceCommand(workshopId, pledgeId, tent, at, harness.context()));

    await expect(sut.execute(new PledgeResourceCommand(workshopId, pledgeId, { ...tent, inKindValueCents: 30_000 }, at, harness.context()))).rejects.toMatchObject({
      code: 'PLEDGE.ALREADY_EXISTS',
    });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });

  it('refuses a pledge to a cancelled workshop with WORKSHOP.CANCELLED', async () => {
    await given(cancelled(workshopId));

    await expect(sut.execute(new PledgeResourceCommand(workshopId, pledgeId, tent, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.CANCELLED' });
    expect(await harness.eventsOf(stream)).toHaveLength(2);
  });
});
