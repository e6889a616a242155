import type { DomainEvent } from '../shared/decider';

export interface CollaborationDetails {
  title: string;
  description: string;
}

export type CollaborationRecorded = DomainEvent<
  'CollaborationRecorded',
  {
    collaborationId: string;
    /** At least two, distinct, in the order given. */
    organizationIds: string[];
    /** The workshop where the partners met, when the collaboration grew out of one. */
    sparkedByWorkshopId: string | null;
    title: string;
    description: string;
    /** ISO date `YYYY-MM-DD`. */
    startedOn: string;
    at: string;
  }
>;

export type CollaborationPartnerAdded = DomainEvent<
  'CollaborationPartnerAdded',
  { collaborationId: string; organizationId: string; /** ISO date, not before startedOn. */ joinedOn: string; at: string }
>;

/** Carries only the fields that changed. */
export type CollaborationDetailsUpdated = DomainEvent<
  'CollaborationDetailsUpdated',
  { collaborationId: string; at: string } & Partial<CollaborationDetails>
>;

export type CollaborationEnded = DomainEvent<
  'CollaborationEnded',
  { collaborationId: string; /** ISO date, not before startedOn. */ endedOn: string; outcome: string; at: string }
>;

export type CollaborationEvent = CollaborationRecorded | CollaborationPartnerAdded | CollaborationDetailsUpdated | CollaborationEnded;

export const COLLABORATION_EVENT_TYPES = [
  'CollaborationRecorded',
  'CollaborationPartnerAdded',
  'CollaborationDetailsUpdated',
  'CollaborationEnded',
] as const;

export type CollaborationEventType = (typeof COLLABORATION_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allCollaborationEventTypesListed: Same<CollaborationEventType, CollaborationEvent['type']> = true;
