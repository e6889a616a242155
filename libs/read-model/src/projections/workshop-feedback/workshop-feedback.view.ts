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

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/** GET /workshops/:id/feedback. */
export type WorkshopFeedbackView = {
  workshopId: string;
  /** In the order submitted; one entry per feedback id. */
  items: WorkshopFeedbackItem[];
  summary: FeedbackSummary;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};
