export const COLLABORATION_DETAIL_COLLECTION = 'collaborations';

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/** GET /collaborations/:id: a collaboration as its stream tells it. */
export type CollaborationDetailView = {
  collaborationId: string;
  title: string;
  description: string;
  status: 'active' | 'ended';
  /** Founding partners first, then added ones in the order they joined. */
  organizationIds: string[];
  foundingOrganizationIds: string[];
  sparkedByWorkshopId: string | null;
  /** ISO date `YYYY-MM-DD`. */
  startedOn: string;
  /** Business time of CollaborationRecorded. */
  recordedAt: string;
  endedOn: string | null;
  outcome: string | null;
  /** Revision of the collaboration's stream after the last event applied: the ETag of GET /collaborations/:id. */
  revision: number;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};
