import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors } from '@kuhina/domain';
import {
  FEEDBACK_OF_INDEX,
  WORKSHOP_FEEDBACK_COLLECTION,
  summarizeFeedback,
  type FeedbackItemDocument,
  type WorkshopFeedbackDocument,
  type WorkshopFeedbackItem,
  type WorkshopFeedbackView,
} from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetFeedbackQuery } from './get-feedback.query';

/** The largest page the read store gives. */
const PAGE = 1000;

/** Feedback of a workshop: ratings and comments, never who gave anonymous feedback. */
@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery, WorkshopFeedbackView> {
  constructor(private readonly views: ViewReader) {}

  /**
   * The workshop's document, then its items (one document each, in the order submitted) and their summary, worked out
   * here from the items listed: no event rewrites a list or moves a shared counter.
   */
  async execute({ workshopId }: GetFeedbackQuery): Promise<WorkshopFeedbackView> {
    const workshop = await this.views.one<WorkshopFeedbackDocument>(WORKSHOP_FEEDBACK_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'feedback for workshop');
    const items: WorkshopFeedbackItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.views.page<FeedbackItemDocument>(WORKSHOP_FEEDBACK_COLLECTION, { where: { index: FEEDBACK_OF_INDEX, value: workshopId }, cursor, limit: PAGE });
      for (const { doc } of page.items) {
        const { feedbackId, rating, comment, submittedAt, anonymous, registrationId } = doc;
        items.push({ feedbackId, rating, comment, submittedAt, anonymous, registrationId });
      }
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return { workshopId: workshop.workshopId, items, summary: summarizeFeedback(items), lastPosition: workshop.lastPosition };
  }
}
