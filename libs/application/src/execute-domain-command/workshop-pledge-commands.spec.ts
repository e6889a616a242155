import { workshopStream, type PledgeResource, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { cancelled, givenOrganization, givenWorkshop, pledged, STREET_EVENT_PLAN } from '../workshop-fixtures.spec-helper';
import { DomainCommandExecutor } from './domain-command-executor';

// In-kind pledges of partner organisations through the generic use case (formerly one pass-through handler each).
describe('DomainCommandExecutor: workshop pledge commands', () => {
  let harness: EventStoreHarness;
  let executor: DomainCommandExecutor;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    executor = new DomainCommandExecutor(harness.handler);
  });
  afterEach(() => harness.cleanup());

  describe('PledgeResource', () => {
    const workshopId = 'b1d0c7a2-6f3e-4d5a-9b8c-7e6f5a4b3c21';
    const pledgeId = 'c2e1d8b3-7a4f-4e6b-8c9d-8f7a6b5c4d32';
    const stream = workshopStream(workshopId);
    const at = '2023-05-05T09:00:00.000Z';
    const tent: Omit<PledgeResource['data'], 'workshopId' | 'pledgeId'> = {
      organizationId: 'd3f2e9c4-8b5a-4f7c-9d0e-9a8b7c6d5e43',
      kind: 'venue',
      description: 'Tent space on the pedestrian street, free of charge',
      inKindValueCents: 25_000,
      valuationBasis: 'City of Pori event-site fee for a 3×3 m tent, one day',
    };
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

    beforeEach(async () => {
      // The use case now checks that the pledging organisation exists (see domain-command-executor.spec.ts).
      await givenOrganization(harness.handler, harness.context, tent.organizationId, 'Porin kaupunki');
    });

    it('appends ResourcePledged to workshop-<id>', async () => {
      await given();

      const result = await executor.execute('workshop', { type: 'PledgeResource', data: { workshopId, pledgeId, ...tent }, at }, harness.context());

      expect(result.revision).toBe(1);
      expect((await harness.eventsOf(stream)).slice(1)).toEqual([{ type: 'ResourcePledged', data: { workshopId, pledgeId, ...tent, pledgedAt: at } }]);
    });

    it('refuses an unknown workshop with WORKSHOP.NOT_FOUND and appends nothing', async () => {
      await expect(executor.execute('workshop', { type: 'PledgeResource', data: { workshopId, pledgeId, ...tent }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(stream)).toEqual([]);
    });

    it('refuses a different pledge under a taken id with PLEDGE.ALREADY_EXISTS', async () => {
      await given();
      await executor.execute('workshop', { type: 'PledgeResource', data: { workshopId, pledgeId, ...tent }, at }, harness.context());

      await expect(
        executor.execute('workshop', { type: 'PledgeResource', data: { workshopId, pledgeId, ...tent, inKindValueCents: 30_000 }, at }, harness.context()),
      ).rejects.toMatchObject({
        code: 'PLEDGE.ALREADY_EXISTS',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });

    it('refuses a pledge to a cancelled workshop with WORKSHOP.CANCELLED', async () => {
      await given(cancelled(workshopId));

      await expect(executor.execute('workshop', { type: 'PledgeResource', data: { workshopId, pledgeId, ...tent }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.CANCELLED',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(2);
    });
  });

  describe('FulfilPledge', () => {
    const workshopId = 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c61';
    const pledgeId = 'b0c9d8e7-f6a5-4b4c-9d3e-2f1a0b9c8d72';
    const organizationId = 'c1d0e9f8-a7b6-4c5d-8e4f-3a2b1c0d9e83';
    const stream = workshopStream(workshopId);
    const at = '2023-06-14T17:00:00.000Z';
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, STREET_EVENT_PLAN, ...then);

    it('appends PledgeFulfilled naming the pledging organisation', async () => {
      await given(pledged(workshopId, pledgeId, organizationId));

      const result = await executor.execute('workshop', { type: 'FulfilPledge', data: { workshopId, pledgeId }, at }, harness.context());

      expect(result.revision).toBe(2);
      expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'PledgeFulfilled', data: { workshopId, pledgeId, organizationId, fulfilledAt: at } }]);
    });

    it('refuses a pledge fulfilled already with PLEDGE.NOT_PENDING', async () => {
      await given(pledged(workshopId, pledgeId, organizationId));
      await executor.execute('workshop', { type: 'FulfilPledge', data: { workshopId, pledgeId }, at }, harness.context());

      await expect(executor.execute('workshop', { type: 'FulfilPledge', data: { workshopId, pledgeId }, at }, harness.context())).rejects.toMatchObject({
        code: 'PLEDGE.NOT_PENDING',
        kind: 'conflict',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });

    it('refuses an unknown pledge with PLEDGE.NOT_FOUND', async () => {
      await given();

      await expect(executor.execute('workshop', { type: 'FulfilPledge', data: { workshopId, pledgeId }, at }, harness.context())).rejects.toMatchObject({
        code: 'PLEDGE.NOT_FOUND',
        kind: 'not-found',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(1);
    });
  });

  describe('WithdrawPledge', () => {
    const workshopId = 'e4f3a2b1-c0d9-4e8f-9a7b-6c5d4e3f2a10';
    const pledgeId = 'f5a4b3c2-d1e0-4f9a-8b8c-7d6e5f4a3b21';
    const organizationId = 'a6b5c4d3-e2f1-4a0b-9c9d-8e7f6a5b4c32';
    const stream = workshopStream(workshopId);
    const at = '2023-09-30T09:00:00.000Z';
    const reason = 'Another venue was booked; the offer was not needed';
    const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

    it('appends PledgeWithdrawn with the reason', async () => {
      await given(pledged(workshopId, pledgeId, organizationId));

      const result = await executor.execute('workshop', { type: 'WithdrawPledge', data: { workshopId, pledgeId, reason }, at }, harness.context());

      expect(result.revision).toBe(2);
      expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'PledgeWithdrawn', data: { workshopId, pledgeId, organizationId, reason, withdrawnAt: at } }]);
    });

    it('refuses a fulfilled pledge with PLEDGE.NOT_PENDING', async () => {
      await given(pledged(workshopId, pledgeId, organizationId), { type: 'FulfilPledge', at, data: { workshopId, pledgeId } });

      await expect(executor.execute('workshop', { type: 'WithdrawPledge', data: { workshopId, pledgeId, reason }, at }, harness.context())).rejects.toMatchObject({
        code: 'PLEDGE.NOT_PENDING',
      });
      expect(await harness.eventsOf(stream)).toHaveLength(3);
    });

    it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
      await expect(executor.execute('workshop', { type: 'WithdrawPledge', data: { workshopId, pledgeId, reason }, at }, harness.context())).rejects.toMatchObject({
        code: 'WORKSHOP.NOT_FOUND',
      });
      expect(await harness.eventsOf(stream)).toEqual([]);
    });
  });
});
