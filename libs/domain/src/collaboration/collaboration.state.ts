export interface CollaborationData {
  collaborationId: string;
  /** Founding partners first, then added ones in the order they joined. */
  organizationIds: readonly string[];
  /** The partners named when the collaboration was recorded (makes a repeated RecordCollaboration recognisable). */
  foundingOrganizationIds: readonly string[];
  sparkedByWorkshopId: string | null;
  title: string;
  description: string;
  startedOn: string;
  recordedAt: string;
}

export interface ActiveCollaboration extends CollaborationData {
  status: 'active';
}

export interface EndedCollaboration extends CollaborationData {
  status: 'ended';
  endedOn: string;
  outcome: string;
}

export type CollaborationState = { status: 'empty' } | ActiveCollaboration | EndedCollaboration;
