import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import type { FeedbackSubmitted, WorkshopPlanned } from '@kuhina/domain';
import { alreadyApplied, byWorkshopOf, mutatorProjection, eventPositionText } from '../../projection';
import {
  WORKSHOP_FEEDBACK_COLLECTION,
  type FeedbackSummary,
  type RatingDistribution,
  type WorkshopFeedbackItem,
  type WorkshopFeedbackView,
} from './workshop-feedback.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type HandledEvent = Recorded<WorkshopPlanned | FeedbackSubmitted>;

const EVENT_TYPES: readonly HandledEvent['type'][] = ['WorkshopPlanned', 'FeedbackSubmitted'];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** Recomputed from the items on every change, so a replayed submission cannot be counted twice. */
export function summarizeFeedback(items: readonly Pick<WorkshopFeedbackItem, 'rating'>[]): FeedbackSummary {
  const distribution: RatingDistribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  for (const { rating } of items) {
    const bucket = RATINGS.find((r) => Number(r) === rating);
    if (bucket !== undefined) distribution[bucket] += 1;
    total += rating;
  }
  const average = items.length === 0 ? null : Math.round((total / items.length) * 100) / 100;
  return { count: items.length, average, distribution };
}

/** Adds (or, replayed, replaces) the item in place and recomputes the summary. */
function submitted(view: WorkshopFeedbackView, event: Recorded<FeedbackSubmitted>): void {
  const { feedbackId, rating, comment, submittedAt, anonymous, registrationId } = event.data;
  const item: WorkshopFeedbackItem = {
    feedbackId,
    rating,
    comment,
    submittedAt,
    anonymous,
    // The event keeps the link for the once-per-registration rule; the view drops it.
    registrationId: anonymous ? null : registrationId,
  };
  const index = view.items.findIndex((existing) => existing.feedbackId === feedbackId);
  if (index === -1) view.items.push(item);
  else view.items[index] = item;
  view.summary = summarizeFeedback(view.items);
}

/** GET /workshops/:id/feedback — the feedback items of a workshop and their summary. */
export const workshopFeedbackProjection = mutatorProjection<WorkshopFeedbackView>({
  name: 'workshop-feedback',
  version: 1,
  collection: WORKSHOP_FEEDBACK_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf: byWorkshopOf(handled),

  apply(view: WorkshopFeedbackView | undefined, recorded: RecordedEvent, key: string): WorkshopFeedbackView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = recorded as HandledEvent;
    // WorkshopPlanned only makes the empty document exist: an existing workshop has no feedback yet, not 404.
    const draft = view ?? { workshopId: key, items: [], summary: summarizeFeedback([]), lastPosition: '-1' };
    if (event.type === 'FeedbackSubmitted') submitted(draft, event);
    draft.lastPosition = eventPositionText(recorded);
    return draft;
  },
});
