import { MemoryReadStore } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { workshopDecider, workshopStream } from '@kuhina/domain';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { AT, givenWorkshop, markHeld, openRegistration, RAUMA_PLAN, registration } from '../workshop-fixtures.spec-helper';
import { GetWorkshopHandler } from './get-workshop.handler';
import { GetWorkshopQuery } from './get-workshop.query';

describe('GetWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let sut: GetWorkshopHandler;
  const workshopId = '39bf5ef6-1728-43ca-9fe6-f708192a3b4c';
  const r = (n: number) => `e7000000-0000-4000-8000-00000000000${n}`;
  const p = (n: number) => `f7000000-0000-4000-8000-00000000000${n}`;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    sut = new GetWorkshopHandler(harness.handler, new ViewReader(new MemoryReadStore()));
  });
  afterEach(() => harness.cleanup());

  it('answers plan, status and counts (no person ids) with the revision', async () => {
    await givenWorkshop(
      harness.handler,
      harness.context,
      workshopId,
      { capacity: 2 },
      openRegistration(workshopId),
      registration(workshopId, r(1), p(1)),
      registration(workshopId, r(2), p(2)),
      registration(workshopId, r(3), p(3)),
      registration(workshopId, r(4), p(4)),
      { type: 'CancelRegistration', data: { workshopId, registrationId: r(4), reason: '' }, at: AT },
      markHeld(workshopId),
      { type: 'RecordAttendance', data: { workshopId, attendees: [{ registrationId: r(1), mode: 'on-site' }] }, at: AT },
    );

    const view = await sut.execute(new GetWorkshopQuery(workshopId));

    expect(view).toEqual({
      revision: 9,
      workshop: {
        workshopId,
        status: 'held',
        chainId: null,
        title: RAUMA_PLAN.title,
        theme: RAUMA_PLAN.theme,
        method: RAUMA_PLAN.method,
        kind: 'co-development',
        format: 'in-person',
        access: 'open',
        location: RAUMA_PLAN.location,
        startsAt: RAUMA_PLAN.startsAt,
        endsAt: RAUMA_PLAN.endsAt,
        targetGroups: RAUMA_PLAN.targetGroups,
        capacity: 2,
        coOrganizerIds: [],
        heldOn: '2023-04-19',
        reportedAt: null,
        cancelledAt: null,
        counts: { registered: 2, waitlisted: 1, cancelled: 1, attended: 1, invited: 0 },
        detail: null,
      },
    });
    expect(JSON.stringify(view)).not.toContain(p(1));
  });

  it('answers the capacity as changed after planning, not as planned', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'ChangeCapacity', data: { workshopId, capacity: null }, at: AT }, harness.context());

    expect((await sut.execute(new GetWorkshopQuery(workshopId))).workshop).toMatchObject({ capacity: null, status: 'planned' });
  });

  it('refuses an unknown id with WORKSHOP.NOT_FOUND', async () => {
    await expect(sut.execute(new GetWorkshopQuery(workshopId))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND', kind: 'not-found' });
  });
});
