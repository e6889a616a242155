import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CollaborationErrors } from '@kuhina/domain';
import { COLLABORATION_DETAIL_COLLECTION, type CollaborationDetailView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetCollaborationQuery } from './get-collaboration.query';

export interface CollaborationView {
  id: string;
  title: string;
  description: string;
  status: 'active' | 'ended';
  /** Founding partners first, then added ones in the order they joined. */
  organizationIds: string[];
  foundingOrganizationIds: string[];
  sparkedByWorkshopId: string | null;
  startedOn: string;
  recordedAt: string;
  endedOn: string | null;
  outcome: string | null;
}

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
    return {
      revision: view.revision,
      collaboration: {
        id: view.collaborationId,
        title: view.title,
        description: view.description,
        status: view.status,
        organizationIds: view.organizationIds,
        foundingOrganizationIds: view.foundingOrganizationIds,
        sparkedByWorkshopId: view.sparkedByWorkshopId,
        startedOn: view.startedOn,
        recordedAt: view.recordedAt,
        endedOn: view.endedOn,
        outcome: view.outcome,
      },
    };
  }
}
