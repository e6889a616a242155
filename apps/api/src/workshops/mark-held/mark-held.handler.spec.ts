import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld, openRegistration } from '../workshop-fixtures.spec-helper';
import { MarkHeldCommand } from './mark-held.command';
import { MarkHeldHandler } from './mark-held.handler';

describe('MarkHeldHandler', () => {
  let harness: EventStoreHarness;
  let sut: MarkHeldHandler;
  const workshopId = '068c2bc3-e4f5-4097-8cb3-c4d5e6f70819';

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new MarkHeldHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('closes an open registration and appends WorkshopHeld', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, openRegistration(workshopId));

    const result = await sut.execute(new MarkHeldCommand(workshopId, '2023-04-19', AT, harness.context()));

    expect(result.state).toMatchObject({ status: 'held', heldOn: '2023-04-19' });
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(2)).toEqual([
      { type: 'RegistrationClosed', data: { workshopId, closedAt: AT } },
      { type: 'WorkshopHeld', data: { workshopId, heldOn: '2023-04-19' } },
    ]);
  });

  it('refuses another date once held with WORKSHOP.ALREADY_HELD', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId, '2023-04-19'));

    await expect(sut.execute(new MarkHeldCommand(workshopId, '2023-04-20', AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
  });
});
