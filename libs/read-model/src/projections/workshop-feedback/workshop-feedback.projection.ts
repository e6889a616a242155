import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import type { FeedbackSubmitted, WorkshopPlanned } from '@kuhina/domain';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import type { PutOptions } from '../../read-store.port';
import { FEEDBACK_OF_INDEX, WORKSHOP_FEEDBACK_COLLECTION, feedbackDocumentId, type FeedbackItemDocument, type WorkshopFeedbackStored } from './workshop-feedback.view';

export { summarizeFeedback } from './workshop-feedback.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type HandledEvent = Recorded<WorkshopPlanned | FeedbackSubmitted>;

const EVENT_TYPES: readonly HandledEvent['type'][] = ['WorkshopPlanned', 'FeedbackSubmitted'];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

/** The workshop's document for every event; a submission's own document beside it. */
function keysOf(event: RecordedEvent): string[] {
  if (!handled.has(event.type)) return [];
  const { workshopId, feedbackId } = event.data as { workshopId?: unknown; feedbackId?: unknown };
  if (typeof workshopId !== 'string') return [];
  return event.type === 'FeedbackSubmitted' && typeof feedbackId === 'string' ? [workshopId, feedbackDocumentId(workshopId, feedbackId)] : [workshopId];
}

/** One feedback item (replayed: the same item again). The event keeps the registration for the once-per-registration rule; the view drops it when anonymous. */
function item(event: Recorded<FeedbackSubmitted>, known: FeedbackItemDocument | undefined): FeedbackItemDocument {
  const { workshopId, feedbackId, rating, comment, submittedAt, anonymous, registrationId } = event.data;
  const order = known?.order ?? eventPositionText(event).padStart(20, '0');
  return { feedbackId, rating, comment, submittedAt, anonymous, registrationId: anonymous ? null : registrationId, workshopId, order, lastPosition: '-1' };
}

/** GET /workshops/:id/feedback — the feedback items of a workshop (one document each) and the workshop's document. */
export const workshopFeedbackProjection = mutatorProjection<WorkshopFeedbackStored>({
  name: 'workshop-feedback',
  // 2: one document per feedback item (the summary at read time), not one list per workshop.
  version: 2,
  collection: WORKSHOP_FEEDBACK_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf,

  apply(view: WorkshopFeedbackStored | undefined, recorded: RecordedEvent, key: string): WorkshopFeedbackStored | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = recorded as HandledEvent;
    // The workshop's document: WorkshopPlanned makes it (an existing workshop has no feedback yet, not 404), and each
    // submission moves its position (the answer's lastPosition).
    const next = key === event.data.workshopId ? (view ?? { workshopId: key, lastPosition: '-1' }) : item(event as Recorded<FeedbackSubmitted>, view as FeedbackItemDocument | undefined);
    next.lastPosition = eventPositionText(recorded);
    return next;
  },

  indexesOf(doc: WorkshopFeedbackStored): PutOptions {
    return 'feedbackId' in doc ? { indexes: { [FEEDBACK_OF_INDEX]: doc.workshopId }, sortKey: doc.order } : {};
  },
});
