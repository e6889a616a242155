import type { DomainCommand } from '../shared/decider';
import type { CollaborationDetails } from './collaboration.events';

export type RecordCollaboration = DomainCommand<
  'RecordCollaboration',
  {
    collaborationId: string;
    organizationIds: string[];
    sparkedByWorkshopId: string | null;
    title: string;
    description: string;
    startedOn: string;
  }
>;

/** `joinedOn` defaults to the date of the command's business time `at`. */
export type AddCollaborationPartner = DomainCommand<
  'AddCollaborationPartner',
  { collaborationId: string; organizationId: string; joinedOn?: string }
>;

/** Fields left out (or undefined) stay as they are. */
export type UpdateCollaborationDetails = DomainCommand<
  'UpdateCollaborationDetails',
  { collaborationId: string } & Partial<CollaborationDetails>
>;

export type EndCollaboration = DomainCommand<'EndCollaboration', { collaborationId: string; endedOn: string; outcome: string }>;

export type CollaborationCommand = RecordCollaboration | AddCollaborationPartner | UpdateCollaborationDetails | EndCollaboration;
