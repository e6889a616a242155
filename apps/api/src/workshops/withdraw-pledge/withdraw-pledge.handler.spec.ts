import { workshopStream, type WorkshopCommand } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { givenWorkshop, pledged } from '../workshop-fixtures.spec-helper';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';
import { WithdrawPledgeHandler } from './withdraw-pledge.handler';

describe('WithdrawPledgeHandler', () => {
  let harness: EventStoreHarness;
  let sut: WithdrawPledgeHandler;
  const workshopId = 'e4f3a2b1-c0d9-4e8f-9a7b-6c5d4e3f2a10';
  const pledgeId = 'f5a4b3c2-d1e0-4f9a-8b8c-7d6e5f4a3b21';
  const organizationId = 'a6b5c4d3-e2f1-4a0b-9c9d-8e7f6a5b4c32';
  const stream = workshopStream(workshopId);
  const at = '2023-09-30T09:00:00.000Z';
  const reason = 'Another venue was booked; the offer was not needed';
  const given = (...then: WorkshopCommand[]) => givenWorkshop(harness.handler, harness.context, workshopId, {}, ...then);

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new WithdrawPledgeHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends PledgeWithdrawn with the reason', async () => {
    await given(pledged(workshopId, pledgeId, organizationId));

    const result = await sut.execute(new WithdrawPledgeCommand(workshopId, pledgeId, reason, at, harness.context()));

    expect(result.revision).toBe(2);
    expect((await harness.eventsOf(stream)).slice(2)).toEqual([{ type: 'PledgeWithdrawn', data: { workshopId, pledgeId, organizationId, reason, withdrawnAt: at } }]);
  });

  it('refuses a fulfilled pledge with PLEDGE.NOT_PENDING', async () => {
    await given(pledged(workshopId, pledgeId, organizationId), { type: 'FulfilPledge', at, data: { workshopId, pledgeId } });

    await expect(sut.execute(new WithdrawPledgeCommand(workshopId, pledgeId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'PLEDGE.NOT_PENDING' });
    expect(await harness.eventsOf(stream)).toHaveLength(3);
  });

  it('refuses an unknown workshop with WORKSHOP.NOT_FOUND', async () => {
    await expect(sut.execute(new WithdrawPledgeCommand(workshopId, pledgeId, reason, at, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
    expect(await harness.eventsOf(stream)).toEqual([]);
  });
});
