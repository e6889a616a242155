import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CollaborationErrors } from '@kuhina/domain';
import { COLLABORATION_DETAIL_COLLECTION, type CollaborationDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetCollaborationQuery } from './get-collaboration.query';

/** The answer: the view without its bookkeeping (revision goes to the ETag, the position to X-Projection-Position). */
export type CollaborationView = Omit<CollaborationDetailView, 'collaborationId' | 'revision' | 'lastPosition'> & { id: string };

export interface CollaborationQueryResult {
  collaboration: CollaborationView;
  /** The collaboration stream's revision after the last event the view applied: the ETag. */
  revision: number;
}

/** The collaboration-detail view. */
@QueryHandler(GetCollaborationQuery)
export class GetCollaborationHandler implements IQueryHandler<GetCollaborationQuery, CollaborationQueryResult> {
  constructor(private readonly views: ViewReader) {}

  async execute({ collaborationId }: GetCollaborationQuery): Promise<CollaborationQueryResult> {
    const view = await this.views.one<CollaborationDetailView>(COLLABORATION_DETAIL_COLLECTION, collaborationId, CollaborationErrors.NOT_FOUND, 'collaboration', { collaborationId });
    const { collaborationId: id, revision, lastPosition: _position, ...collaboration } = view;
    return { revision, collaboration: { id, ...collaboration } };
  }
}
