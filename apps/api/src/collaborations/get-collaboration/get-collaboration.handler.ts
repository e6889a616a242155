import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { collaborationDecider, CollaborationErrors, collaborationStream, notFound } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
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
  revision: number;
}

/** Answers from the aggregate's state until the network read model takes over. */
@QueryHandler(GetCollaborationQuery)
export class GetCollaborationHandler implements IQueryHandler<GetCollaborationQuery, CollaborationQueryResult> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ collaborationId }: GetCollaborationQuery): Promise<CollaborationQueryResult> {
    const { state, revision } = await this.handler.loadFresh(collaborationDecider, collaborationStream(collaborationId));
    if (state.status === 'empty') throw notFound(CollaborationErrors.NOT_FOUND, `No collaboration ${collaborationId}`, { collaborationId });
    const ended = state.status === 'ended' ? state : null;
    return {
      revision,
      collaboration: {
        id: state.collaborationId,
        title: state.title,
        description: state.description,
        status: state.status,
        organizationIds: [...state.organizationIds],
        foundingOrganizationIds: [...state.foundingOrganizationIds],
        sparkedByWorkshopId: state.sparkedByWorkshopId,
        startedOn: state.startedOn,
        recordedAt: state.recordedAt,
        endedOn: ended?.endedOn ?? null,
        outcome: ended?.outcome ?? null,
      },
    };
  }
}
