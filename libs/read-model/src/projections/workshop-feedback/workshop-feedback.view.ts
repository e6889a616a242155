export const WORKSHOP_FEEDBACK_COLLECTION = 'workshop-feedback';

export interface WorkshopFeedbackItem {
  feedbackId: string;
  rating: number;
  comment: string | null;
  submittedAt: string;
  anonymous: boolean;
  /** Null when anonymous: the view must not reveal who gave anonymous feedback. */
  registrationId: string | null;
}

export type RatingDistribution = Record<'1' | '2' | '3' | '4' | '5', number>;

export interface FeedbackSummary {
  count: number;
  /** Mean rating rounded to 2 decimals; null without feedback. */
  average: number | null;
  distribution: RatingDistribution;
}

/** Index of a workshop's feedback documents (value: the workshop id), listed in the order submitted. */
export const FEEDBACK_OF_INDEX = 'feedbackOf';

/** Id of one feedback's own document in the collection (a workshop id has no colon). */
export const feedbackDocumentId = (workshopId: string, feedbackId: string): string => `${workshopId}:f:${feedbackId}`;

// Type aliases, not interfaces: only aliases are assignable to the store's `Record<string, unknown>` documents.

/**
 * The collection holds small documents only, so that a submission writes two of a fixed size however much feedback the
 * workshop has (issue 17):
 * - `<workshopId>` (WorkshopFeedbackDocument): made by WorkshopPlanned (or the first feedback), and moved to the
 *   position of each submission, so that the answer's `lastPosition` stays what it was;
 * - `<workshopId>:f:<feedbackId>` (FeedbackItemDocument): one per feedback, indexed by `feedbackOf`.
 * The summary is worked out by the reader from the items it lists anyway (`summarizeFeedback`).
 */
export type WorkshopFeedbackDocument = {
  workshopId: string;
  lastPosition: string;
};

/** One feedback item; `order` (the submission's log position, 20 digits) is its sort key. */
export type FeedbackItemDocument = { [K in keyof WorkshopFeedbackItem]: WorkshopFeedbackItem[K] } & {
  workshopId: string;
  order: string;
  lastPosition: string;
};

/** Any document of the collection. */
export type WorkshopFeedbackStored = WorkshopFeedbackDocument | FeedbackItemDocument;

/** GET /workshops/:id/feedback: the workshop's document with its items and their summary. */
export type WorkshopFeedbackView = {
  workshopId: string;
  /** In the order submitted; one entry per feedback id. */
  items: WorkshopFeedbackItem[];
  summary: FeedbackSummary;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** The summary of these items (the reader's, from the items it lists; never a counter moved per event). */
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
