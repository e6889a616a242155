import { chainDecider, chainStream, noRegistrations, workshopDecider, workshopStream } from '@kuhina/domain';
import { AT, givenChain, givenWorkshop, markHeld, openRegistration, RAUMA_PLAN, registration } from '@kuhina/application/workshop-fixtures.spec-helper';
import { eventStoreHarness, type EventStoreHarness } from '@kuhina/testing';
import { projectedViews } from '../../common/views/projected-views.spec-helper';
import { GetWorkshopHandler } from './get-workshop.handler';
import { GetWorkshopQuery } from './get-workshop.query';

describe('GetWorkshopHandler', () => {
  let harness: EventStoreHarness;
  let views: ReturnType<typeof projectedViews>;
  let sut: GetWorkshopHandler;
  const workshopId = '39bf5ef6-1728-43ca-9fe6-f708192a3b4c';
  const r = (n: number) => `e7000000-0000-4000-8000-00000000000${n}`;
  const p = (n: number) => `f7000000-0000-4000-8000-00000000000${n}`;

  beforeEach(async () => {
    harness = await eventStoreHarness();
    views = projectedViews(harness.store);
    sut = new GetWorkshopHandler(views.reader);
  });
  afterEach(() => harness.cleanup());

  it('answers plan, status, one set of counts (no person ids) and the detail from the view, with the stream revision', async () => {
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
    await views.catchUp();

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
        counts: { registered: 2, waitlisted: 1, cancelled: 1, attended: 1, invited: 0, staff: noRegistrations().staff },
        programme: [],
        detail: {
          pledges: [],
          expenses: [],
          totals: { inKindPledgedCents: 0, inKindFulfilledCents: 0, expensesCents: 0 },
          dates: { plannedAt: AT, rescheduledAt: null, registrationOpenedAt: AT, registrationClosedAt: '2023-04-19T14:00:00.000Z', heldOn: '2023-04-19', cancelledAt: null, reportedAt: null },
          chainOrder: null,
          reportSummary: null,
          cancellationReason: null,
          citizenInput: { inputs: [], citizensHeard: 0, forwardings: [] },
          planningMeetings: [],
          outreach: [],
          sustainability: null,
        },
      },
    });
    expect(JSON.stringify(view)).not.toContain(p(1));
  });

  it('answers the capacity as changed after planning, not as planned', async () => {
    await givenWorkshop(harness.handler, harness.context, workshopId);
    await harness.handler.handle(workshopDecider, workshopStream(workshopId), { type: 'ChangeCapacity', data: { workshopId, capacity: null }, at: AT }, harness.context());
    await views.catchUp();

    expect((await sut.execute(new GetWorkshopQuery(workshopId))).workshop).toMatchObject({ capacity: null, status: 'planned' });
  });

  it('keeps the workshop stream\'s revision as the ETag when the chain records the workshop in its own stream', async () => {
    const chainId = '5b2f0c1e-7a4d-4e8b-9c3a-1d2e3f405162';
    await givenChain(harness.handler, harness.context, chainId);
    await givenWorkshop(harness.handler, harness.context, workshopId, { chainId }, openRegistration(workshopId));
    await harness.handler.handle(chainDecider, chainStream(chainId), { type: 'AddWorkshopToChain', data: { chainId, workshopId }, at: AT }, harness.context());
    await views.catchUp();

    const view = await sut.execute(new GetWorkshopQuery(workshopId));

    expect(view.revision).toBe(1);
    expect(view.workshop).toMatchObject({ chainId, status: 'registration-open', detail: { chainOrder: 0 } });
  });

  it('refuses an unknown id with WORKSHOP.NOT_FOUND', async () => {
    await views.catchUp();

    await expect(sut.execute(new GetWorkshopQuery(workshopId))).rejects.toMatchObject({ code: 'WORKSHOP.NOT_FOUND', kind: 'not-found' });
  });
});
