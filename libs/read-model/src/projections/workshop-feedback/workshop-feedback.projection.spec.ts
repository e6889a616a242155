import type { FeedbackSubmitted } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { summarizeFeedback, workshopFeedbackProjection as sut } from './workshop-feedback.projection';

const W = '33333333-3333-4333-8333-333333333333';

const plan = () =>
  recorded('WorkshopPlanned', {
    workshopId: W,
    chainId: null,
    title: 'SEWF 2023 satellite',
    theme: 'Social enterprises',
    method: 'table groups',
    kind: 'co-development',
    format: 'in-person',
    location: { venue: 'Helsinki', municipality: 'Helsinki', region: 'Uusimaa' },
    startsAt: '2023-10-11T09:00:00+03:00',
    endsAt: '2023-10-11T12:00:00+03:00',
    targetGroups: ['social enterprises'],
    access: 'invitation-only',
    capacity: 30,
    coOrganizerIds: [],
    plannedAt: '2023-06-01T10:00:00+03:00',
  });

const feedback = (feedbackId: string, rating: number, data: Partial<FeedbackSubmitted['data']> = {}) =>
  recorded('FeedbackSubmitted', {
    workshopId: W,
    feedbackId,
    registrationId: null,
    anonymous: false,
    rating,
    comment: null,
    submittedAt: '2023-10-11T12:30:00+03:00',
    ...data,
  } satisfies FeedbackSubmitted['data']);

describe('workshop-feedback projection', () => {
  it('WorkshopPlanned creates an empty feedback document', async () => {
    const planned = plan();
    await ProjectionSpec.for(sut)
      .given([])
      .when(planned)
      .then({
        workshopId: W,
        items: [],
        summary: { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
        lastPosition: planned.position.toString(),
      });
  });

  it('FeedbackSubmitted with a registration lists the item with its registration', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(feedback('f1', 4, { registrationId: 'r1', comment: 'Good table talks' }))
      .then((view) =>
        expect(view?.items).toEqual([
          { feedbackId: 'f1', rating: 4, comment: 'Good table talks', submittedAt: '2023-10-11T12:30:00+03:00', anonymous: false, registrationId: 'r1' },
        ]),
      );
  });

  it('anonymous feedback given by a registered participant does not reveal who gave it', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(feedback('f1', 2, { registrationId: 'r7', anonymous: true, comment: 'Too short' }))
      .then((view) => {
        expect(view?.items[0]).toMatchObject({ anonymous: true, registrationId: null });
        expect(JSON.stringify(view)).not.toContain('r7');
      });
  });

  it('the summary counts, averages to 2 decimals and distributes the ratings', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), feedback('f1', 5), feedback('f2', 4)])
      .when(feedback('f3', 4))
      .then((view) => expect(view?.summary).toEqual({ count: 3, average: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } }));
  });

  it('feedback arriving before the plan is projected still gets a document', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(feedback('f1', 3))
      .then((view) => expect(view).toMatchObject({ workshopId: W, summary: { count: 1, average: 3 } }));
  });

  it('is idempotent if applied twice (a replayed submission is counted once)', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), feedback('f1', 1)])
      .when(feedback('f2', 5))
      .then((view) => {
        expect(view?.items.map((i) => i.feedbackId)).toEqual(['f1', 'f2']);
        expect(view?.summary).toMatchObject({ count: 2, average: 3 });
      });
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), feedback('f1', 4)])
      .when(recorded('WorkshopHeld', { workshopId: W, heldOn: '2023-10-11' }))
      .thenNothingChanges();
  });

  it('summarizeFeedback of nothing has no average', () => {
    expect(summarizeFeedback([])).toEqual({ count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });
});
