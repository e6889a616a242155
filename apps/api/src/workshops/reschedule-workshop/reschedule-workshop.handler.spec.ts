import { workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld, RAUMA_PLAN } from '../workshop-fixtures.spec-helper';
import { RescheduleWorkshopCommand } from './reschedule-workshop.command';
import { RescheduleWorkshopHandler } from './reschedule-workshop.handler';

describe('RescheduleWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let sut: RescheduleWorkshopHandler;
  const workshopId = '6c8e3d2f-4a5b-4c9d-8e1f-2a3b4c5d6e7f';
  const later = { startsAt: '2023-04-26T10:00:00.000Z', endsAt: '2023-04-26T13:30:00.000Z', location: { venue: 'Rauman pääkirjasto', municipality: 'Rauma', region: 'Satakunta' } };

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new RescheduleWorkshopHandler(harness.handler);
  });
  afterEach(() => harness.cleanup());

  it('appends WorkshopRescheduled with the previous dates', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);

    const result = await sut.execute(new RescheduleWorkshopCommand(workshopId, later, AT, harness.context()));

    expect(result.revision).toBe(1);
    expect((await harness.eventsOf(workshopStream(workshopId))).slice(1)).toEqual([
      { type: 'WorkshopRescheduled', data: { workshopId, ...later, previousStartsAt: RAUMA_PLAN.startsAt, previousEndsAt: RAUMA_PLAN.endsAt, rescheduledAt: AT } },
    ]);
  });

  it('refuses a held workshop with WORKSHOP.ALREADY_HELD and an unknown one with WORKSHOP.NOT_FOUND', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId, {}, markHeld(workshopId));

    await expect(sut.execute(new RescheduleWorkshopCommand(workshopId, later, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.ALREADY_HELD' });
    await expect(sut.execute(new RescheduleWorkshopCommand('7d9f4e3a-5b6c-4d0e-9f2a-3b4c5d6e7f80', later, AT, harness.context()))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND' });
    expect(await harness.eventsOf(workshopStream(workshopId))).toHaveLength(2);
  });
});
