import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkshopErrors } from '@kuhina/domain';
import { WORKSHOP_FEEDBACK_COLLECTION, type WorkshopFeedbackView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetFeedbackQuery } from './get-feedback.query';

/** Feedback of a workshop: ratings and comments, never who gave anonymous feedback. */
@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery, WorkshopFeedbackView> {
  constructor(private readonly views: ViewReader) {}

  execute({ workshopId }: GetFeedbackQuery): Promise<WorkshopFeedbackView> {
    return this.views.one<WorkshopFeedbackView>(WORKSHOP_FEEDBACK_COLLECTION, workshopId, WorkshopErrors.NOT_FOUND, 'feedback for workshop');
  }
}
