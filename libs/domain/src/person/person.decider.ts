import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import type { ChangeAffiliation, CreatePerson, ErasePersonalData, PersonCommand, UpdatePersonalData } from './person.commands';
import { PersonErrors } from './person.errors';
import type { PersonEvent } from './person.events';
import type { ActivePerson, ErasedPerson, PersonState } from './person.state';
import { isEmailBlindIndex, isEncryptedPersonalData, samePersonalData } from './person.validation';

const personField = fieldChecks(PersonErrors.BLANK_FIELD);

function validateSealedData(personalData: unknown, emailBlindIndex: unknown): void {
  // Details never echo the payload: even sealed, personal data stays out of error logs.
  if (!isEncryptedPersonalData(personalData)) {
    throw invalid(PersonErrors.PERSONAL_DATA_INVALID, 'personalData must be an A256GCM envelope with base64 iv, tag and ciphertext');
  }
  if (emailBlindIndex !== null && !isEmailBlindIndex(emailBlindIndex)) {
    throw invalid(PersonErrors.BLIND_INDEX_INVALID, 'emailBlindIndex must be null or a hash token');
  }
}

/** The person the command is about, whether active or erased; refuses a missing or different person. */
function existing(state: PersonState, personId: string): ActivePerson | ErasedPerson {
  switch (state.status) {
    case 'empty':
      throw notFound(PersonErrors.NOT_FOUND, `Person ${personId} does not exist`, { personId });
    case 'active':
    case 'erased':
      if (state.personId !== personId) {
        throw invalid(PersonErrors.ID_MISMATCH, `Command for person ${personId} sent to ${state.personId}`, {
          personId,
          streamPersonId: state.personId,
        });
      }
      return state;
    default:
      return assertNever(state, 'person state');
  }
}

function active(state: PersonState, personId: string): ActivePerson {
  const person = existing(state, personId);
  if (person.status === 'erased') throw conflict(PersonErrors.ERASED, `Person ${personId} was erased`, { personId });
  return person;
}

function create(command: CreatePerson, state: PersonState): PersonEvent[] {
  const { personId, personalData, emailBlindIndex, organizationId } = command.data;
  const esfProfile = command.data.esfProfile ?? null;
  personField.text(personId, 'personId');
  validateSealedData(personalData, emailBlindIndex);
  personField.idOrNull(organizationId, 'organizationId');
  switch (state.status) {
    case 'empty':
      return [{ type: 'PersonCreated', data: { personId, personalData, emailBlindIndex, organizationId, esfProfile, at: command.at } }];
    case 'erased':
      // Never resurrect an erased person, not even by replaying its creation.
      throw conflict(PersonErrors.ERASED, `Person ${state.personId} was erased`, { personId: state.personId });
    case 'active': {
      const same =
        state.personId === personId &&
        samePersonalData(state.personalData, personalData) &&
        state.emailBlindIndex === emailBlindIndex &&
        state.organizationId === organizationId;
      if (same) return [];
      throw conflict(PersonErrors.ALREADY_EXISTS, `Person ${state.personId} already exists`, { personId: state.personId });
    }
    default:
      return assertNever(state, 'person state');
  }
}

function updatePersonalData(command: UpdatePersonalData, state: PersonState): PersonEvent[] {
  const person = active(state, command.data.personId);
  const { personalData, emailBlindIndex } = command.data;
  validateSealedData(personalData, emailBlindIndex);
  // Sealing uses a fresh IV each time, so an identical envelope can only be a retry.
  if (samePersonalData(person.personalData, personalData) && person.emailBlindIndex === emailBlindIndex) return [];
  return [
    {
      type: 'PersonalDataUpdated',
      data: {
        personId: person.personId,
        personalData,
        emailBlindIndex,
        previousEmailBlindIndex: person.emailBlindIndex,
        esfProfile: command.data.esfProfile ?? null,
        at: command.at,
      },
    },
  ];
}

function changeAffiliation(command: ChangeAffiliation, state: PersonState): PersonEvent[] {
  const person = active(state, command.data.personId);
  const { organizationId } = command.data;
  personField.idOrNull(organizationId, 'organizationId');
  if (person.organizationId === organizationId) return [];
  return [
    {
      type: 'PersonAffiliationChanged',
      data: { personId: person.personId, organizationId, previousOrganizationId: person.organizationId, at: command.at },
    },
  ];
}

function erase(command: ErasePersonalData, state: PersonState): PersonEvent[] {
  const { reason, erasedBy } = command.data;
  personField.text(reason, 'reason');
  personField.text(erasedBy, 'erasedBy');
  const person = existing(state, command.data.personId);
  if (person.status === 'erased') return [];
  return [
    {
      type: 'PersonalDataErased',
      data: { personId: person.personId, reason, erasedBy, emailBlindIndex: person.emailBlindIndex, at: command.at },
    },
  ];
}

function decide(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'CreatePerson':
      return create(command, state);
    case 'UpdatePersonalData':
      return updatePersonalData(command, state);
    case 'ChangeAffiliation':
      return changeAffiliation(command, state);
    case 'ErasePersonalData':
      return erase(command, state);
    default:
      return assertNever(command, 'person command');
  }
}

function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonCreated': {
      const { personId, personalData, emailBlindIndex, organizationId, at } = event.data;
      return { status: 'active', personId, personalData: { ...personalData }, emailBlindIndex, organizationId, createdAt: at };
    }
    case 'PersonalDataUpdated':
      // Only an active person changes; anything else cannot come from this decider.
      if (state.status !== 'active') return state;
      return { ...state, personalData: { ...event.data.personalData }, emailBlindIndex: event.data.emailBlindIndex };
    case 'PersonAffiliationChanged':
      if (state.status !== 'active') return state;
      return { ...state, organizationId: event.data.organizationId };
    case 'PersonalDataErased':
      if (state.status === 'empty') return state;
      // Sealed data and blind index leave the state: the cached state must not outlive the erasure.
      return { status: 'erased', personId: state.personId, organizationId: state.organizationId, erasedAt: event.data.at };
    default:
      return assertNever(event, 'person event');
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
