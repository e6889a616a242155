import { isoDatePart } from '../shared/iso-date';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import type {
  AddCollaborationPartner,
  CollaborationCommand,
  EndCollaboration,
  RecordCollaboration,
  UpdateCollaborationDetails,
} from './collaboration.commands';
import { CollaborationErrors } from './collaboration.errors';
import type { CollaborationDetails, CollaborationEvent } from './collaboration.events';
import type { ActiveCollaboration, CollaborationState, EndedCollaboration } from './collaboration.state';

const collaborationField = fieldChecks(CollaborationErrors.BLANK_FIELD, { date: CollaborationErrors.INVALID_DATE });

const requireNotBeforeStart = (date: string, startedOn: string, field: string): void => {
  if (date < startedOn) {
    throw invalid(CollaborationErrors.DATE_BEFORE_START, `${field} ${date} is before the start ${startedOn}`, { field, [field]: date, startedOn });
  }
};

function validatePartners(organizationIds: unknown): void {
  if (!Array.isArray(organizationIds)) {
    throw invalid(CollaborationErrors.TOO_FEW_PARTNERS, 'organizationIds must list at least two organisations');
  }
  organizationIds.forEach((id: unknown, index) => collaborationField.text(id, `organizationIds[${index}]`));
  const duplicate = organizationIds.find((id: string, index) => organizationIds.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw invalid(CollaborationErrors.DUPLICATE_PARTNER, `Organization ${duplicate} is listed twice`, { organizationId: duplicate });
  }
  if (organizationIds.length < 2) {
    throw invalid(CollaborationErrors.TOO_FEW_PARTNERS, 'A collaboration joins at least two organisations', { count: organizationIds.length });
  }
}

function existing(state: CollaborationState, collaborationId: string): ActiveCollaboration | EndedCollaboration {
  switch (state.status) {
    case 'empty':
      throw notFound(CollaborationErrors.NOT_FOUND, `Collaboration ${collaborationId} does not exist`, { collaborationId });
    case 'active':
    case 'ended':
      if (state.collaborationId !== collaborationId) {
        throw invalid(CollaborationErrors.ID_MISMATCH, `Command for collaboration ${collaborationId} sent to ${state.collaborationId}`, {
          collaborationId,
          streamCollaborationId: state.collaborationId,
        });
      }
      return state;
    default:
      return assertNever(state, 'collaboration state');
  }
}

const ended = (collaboration: EndedCollaboration) =>
  conflict(CollaborationErrors.ENDED, `Collaboration ${collaboration.collaborationId} has ended`, {
    collaborationId: collaboration.collaborationId,
    endedOn: collaboration.endedOn,
  });

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, index) => id === b[index]);

function record(command: RecordCollaboration, state: CollaborationState): CollaborationEvent[] {
  const { collaborationId, organizationIds, sparkedByWorkshopId, title, description, startedOn } = command.data;
  collaborationField.text(collaborationId, 'collaborationId');
  validatePartners(organizationIds);
  collaborationField.idOrNull(sparkedByWorkshopId, 'sparkedByWorkshopId');
  collaborationField.text(title, 'title');
  collaborationField.anyText(description, 'description');
  collaborationField.date(startedOn, 'startedOn');
  if (state.status !== 'empty') {
    const same =
      state.collaborationId === collaborationId &&
      sameList(state.foundingOrganizationIds, organizationIds) &&
      state.sparkedByWorkshopId === sparkedByWorkshopId &&
      state.title === title &&
      state.description === description &&
      state.startedOn === startedOn;
    if (same) return [];
    throw conflict(CollaborationErrors.ALREADY_EXISTS, `Collaboration ${state.collaborationId} already exists`, {
      collaborationId: state.collaborationId,
    });
  }
  return [
    {
      type: 'CollaborationRecorded',
      data: { collaborationId, organizationIds: [...organizationIds], sparkedByWorkshopId, title, description, startedOn, at: command.at },
    },
  ];
}

function addPartner(command: AddCollaborationPartner, state: CollaborationState): CollaborationEvent[] {
  const collaboration = existing(state, command.data.collaborationId);
  const { organizationId } = command.data;
  collaborationField.text(organizationId, 'organizationId');
  // A retry after the collaboration ended must still look like success, so membership is checked first.
  if (collaboration.organizationIds.includes(organizationId)) return [];
  if (collaboration.status === 'ended') throw ended(collaboration);
  const joinedOn = collaborationField.date(command.data.joinedOn ?? isoDatePart(command.at), 'joinedOn');
  requireNotBeforeStart(joinedOn, collaboration.startedOn, 'joinedOn');
  return [
    {
      type: 'CollaborationPartnerAdded',
      data: { collaborationId: collaboration.collaborationId, organizationId, joinedOn, at: command.at },
    },
  ];
}

function updateDetails(command: UpdateCollaborationDetails, state: CollaborationState): CollaborationEvent[] {
  const collaboration = existing(state, command.data.collaborationId);
  const { title, description } = command.data;
  if (title !== undefined) collaborationField.text(title, 'title');
  if (description !== undefined) collaborationField.anyText(description, 'description');
  const changes: Partial<CollaborationDetails> = {};
  if (title !== undefined && title !== collaboration.title) changes.title = title;
  if (description !== undefined && description !== collaboration.description) changes.description = description;
  if (Object.keys(changes).length === 0) return [];
  if (collaboration.status === 'ended') throw ended(collaboration);
  return [{ type: 'CollaborationDetailsUpdated', data: { collaborationId: collaboration.collaborationId, ...changes, at: command.at } }];
}

function end(command: EndCollaboration, state: CollaborationState): CollaborationEvent[] {
  const collaboration = existing(state, command.data.collaborationId);
  const { endedOn, outcome } = command.data;
  collaborationField.date(endedOn, 'endedOn');
  collaborationField.text(outcome, 'outcome');
  if (collaboration.status === 'ended') {
    if (collaboration.endedOn === endedOn && collaboration.outcome === outcome) return [];
    throw ended(collaboration);
  }
  requireNotBeforeStart(endedOn, collaboration.startedOn, 'endedOn');
  return [{ type: 'CollaborationEnded', data: { collaborationId: collaboration.collaborationId, endedOn, outcome, at: command.at } }];
}

function decide(command: CollaborationCommand, state: CollaborationState): CollaborationEvent[] {
  switch (command.type) {
    case 'RecordCollaboration':
      return record(command, state);
    case 'AddCollaborationPartner':
      return addPartner(command, state);
    case 'UpdateCollaborationDetails':
      return updateDetails(command, state);
    case 'EndCollaboration':
      return end(command, state);
    default:
      return assertNever(command, 'collaboration command');
  }
}

function evolve(state: CollaborationState, event: CollaborationEvent): CollaborationState {
  switch (event.type) {
    case 'CollaborationRecorded': {
      const { collaborationId, organizationIds, sparkedByWorkshopId, title, description, startedOn, at } = event.data;
      return {
        status: 'active',
        collaborationId,
        organizationIds: [...organizationIds],
        foundingOrganizationIds: [...organizationIds],
        sparkedByWorkshopId,
        title,
        description,
        startedOn,
        recordedAt: at,
      };
    }
    case 'CollaborationPartnerAdded':
      // Events never reach an empty collaboration in a sound stream; ignoring keeps evolve total.
      if (state.status === 'empty') return state;
      return { ...state, organizationIds: [...state.organizationIds, event.data.organizationId] };
    case 'CollaborationDetailsUpdated': {
      if (state.status === 'empty') return state;
      const { title, description } = event.data;
      return { ...state, ...(title !== undefined && { title }), ...(description !== undefined && { description }) };
    }
    case 'CollaborationEnded':
      if (state.status === 'empty') return state;
      return { ...state, status: 'ended', endedOn: event.data.endedOn, outcome: event.data.outcome };
    default:
      return assertNever(event, 'collaboration event');
  }
}

export const collaborationDecider: Decider<CollaborationCommand, CollaborationEvent, CollaborationState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
