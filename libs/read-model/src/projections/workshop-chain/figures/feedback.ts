import type { ChainWorkshop, FeedbackSummary, Rating, WorkshopChainView } from '../workshop-chain.view';
import { RATINGS, sumOf } from './common';

/** From the distribution: ratings are integers 1..5 (the domain refuses others), so the mean is exact. */
export function feedbackFrom(distribution: Record<Rating, number>): FeedbackSummary {
  const count = sumOf(RATINGS, (rating) => distribution[rating]);
  const sum = sumOf(RATINGS, (rating) => Number(rating) * distribution[rating]);
  return { count, average: count === 0 ? null : Math.round((sum / count) * 100) / 100, distribution };
}

export function feedbackSummary(ratings: number[]): FeedbackSummary {
  const distribution: Record<Rating, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const rating of ratings) {
    const bucket = String(rating);
    if (Object.hasOwn(distribution, bucket)) distribution[bucket as Rating]++;
  }
  return feedbackFrom(distribution);
}

/** A feedback rating set (`was`: the rating it replaced). */
export function feedbackChanged(view: WorkshopChainView, workshop: ChainWorkshop, was: number | undefined, now: number): void {
  const bucket = (rating: number | undefined): Rating | null => {
    const key = String(rating);
    return rating !== undefined && (RATINGS as readonly string[]).includes(key) ? (key as Rating) : null;
  };
  moveFeedback(workshop.feedback, bucket(was), bucket(now));
  moveFeedback(view.totals.feedback, bucket(was), bucket(now));
}

function moveFeedback(summary: FeedbackSummary, from: Rating | null, to: Rating | null): void {
  if (from) summary.distribution[from]--;
  if (to) summary.distribution[to]++;
  const { count, average } = feedbackFrom(summary.distribution);
  summary.count = count;
  summary.average = average;
}
