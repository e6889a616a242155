import type { FeedbackSubmitted } from '@kuhina/domain';
import { ProjectionSpec, recorded, type ProjectionOutcome } from '@kuhina/testing';
import { summarizeFeedback, workshopFeedbackProjection as sut } from './workshop-feedback.projection';
import { FEEDBACK_OF_INDEX, feedbackDocumentId, type FeedbackItemDocument, type WorkshopFeedbackItem, type WorkshopFeedbackStored } from './workshop-feedback.view';

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

/** The workshop's items as the reader lists them (by sort key), without the bookkeeping fields, and their summary. */
function answer(outcome: ProjectionOutcome<WorkshopFeedbackStored>) {
  const listed = [...outcome.documents].filter(([id]) => outcome.putOptions.get(id)?.indexes?.[FEEDBACK_OF_INDEX] === W);
  listed.sort(([a], [b]) => (outcome.putOptions.get(a)!.sortKey! < outcome.putOptions.get(b)!.sortKey! ? -1 : 1));
  const items: WorkshopFeedbackItem[] = listed.map(([, doc]) => {
    const { workshopId: _w, order: _o, lastPosition: _p, ...item } = doc as FeedbackItemDocument;
    return item;
  });
  return { items, summary: summarizeFeedback(items), lastPosition: outcome.documents.get(W)?.lastPosition };
}

describe('workshop-feedback projection', () => {
  it('WorkshopPlanned creates the workshop\'s document: no feedback yet, not 404', async () => {
    const planned = plan();
    await ProjectionSpec.for(sut).given([]).when(planned).then({ workshopId: W, lastPosition: planned.position.toString() });
  });

  it('FeedbackSubmitted with a registration writes the item\'s own document, listed by the workshop, and moves the workshop\'s position', async () => {
    const planned = plan();
    const submitted = feedback('f1', 4, { registrationId: 'r1', comment: 'Good table talks' });
    await ProjectionSpec.for(sut)
      .given([planned])
      .when(submitted)
      .then((_view, outcome) => {
        expect(outcome.keys).toEqual([W, feedbackDocumentId(W, 'f1')]);
        expect(answer(outcome)).toEqual({
          items: [{ feedbackId: 'f1', rating: 4, comment: 'Good table talks', submittedAt: '2023-10-11T12:30:00+03:00', anonymous: false, registrationId: 'r1' }],
          summary: { count: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } },
          lastPosition: submitted.position.toString(),
        });
        expect(outcome.putOptions.get(feedbackDocumentId(W, 'f1'))).toEqual({ indexes: { [FEEDBACK_OF_INDEX]: W }, sortKey: submitted.position.toString().padStart(20, '0') });
      });
  });

  it('anonymous feedback given by a registered participant does not reveal who gave it', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(feedback('f1', 2, { registrationId: 'r7', anonymous: true, comment: 'Too short' }))
      .then((_view, outcome) => {
        expect(answer(outcome).items[0]).toMatchObject({ anonymous: true, registrationId: null });
        expect(JSON.stringify([...outcome.documents])).not.toContain('r7');
      });
  });

  it('the summary counts, averages to 2 decimals and distributes the ratings', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), feedback('f1', 5), feedback('f2', 4)])
      .when(feedback('f3', 4))
      .then((_view, outcome) => expect(answer(outcome).summary).toEqual({ count: 3, average: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } }));
  });

  it('feedback arriving before the plan is projected still gets a document', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(feedback('f1', 3))
      .then((view, outcome) => {
        expect(view).toMatchObject({ workshopId: W });
        expect(answer(outcome).summary).toMatchObject({ count: 1, average: 3 });
      });
  });

  it('is idempotent if applied twice (a replayed submission is counted once)', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), feedback('f1', 1)])
      .when(feedback('f2', 5))
      .then((_view, outcome) => {
        expect(answer(outcome).items.map((i) => i.feedbackId)).toEqual(['f1', 'f2']);
        expect(answer(outcome).summary).toMatchObject({ count: 2, average: 3 });
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
