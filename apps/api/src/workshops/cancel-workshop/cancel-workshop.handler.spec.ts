import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld } from '../workshop-fixtures.spec-helper';
import { CancelWorkshopCommand } from './cancel-workshop.command';
import { CancelWorkshopHandler } from './cancel-workshop.handler';

describe('CancelWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let sut: CancelWorkshopHandler;
  const workshopId = '179d3cd4-f506-41a8-9dc4-d5e6f708192a';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new CancelWorkshopHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends WorkshopCancelled with the reason', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);

    const result = await sut.execute(new CancelWorkshopCommand(workshopId, 'Puhujat estyneitä', AT, harness.context()));

    expect(result.state).toMatchObject({ status: 'cancelled' });
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([{ type: 'WorkshopCancelled', data: { workshopId, reason: 'Puhujat estyneitä', cancelledAt: AT } }]);
  });

  it('refuses a held workshop with WORKSHOP.ALREADY_HELD', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

    await expect(sut.execute(new CancelWorkshopCommand(workshopId, 'Liian myöhään', AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
  });
});
