import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound, unprocessable } from '../shared/domain-error';
import { fieldChecks } from '../shared/field-checks';
import { isoDatePart } from '../shared/iso-date';
import { TEXT } from '../shared/rules';
import { CONSENT_PURPOSES, CONSENT_SOURCES, type ConsentRecord } from './consent';
import type { ChangeAffiliation, CreatePerson, ErasePersonalData, GiveConsent, PersonCommand, UpdatePersonalData, WithdrawConsent } from './person.commands';
import { PersonErrors } from './person.errors';
import type { PersonEvent } from './person.events';
import type { ActivePerson, ErasedPerson, PersonState } from './person.state';
import { isEmailBlindIndex, isEncryptedPersonalData, samePersonalData } from './person.validation';

const personField = fieldChecks(PersonErrors.BLANK_FIELD);
const consentField = fieldChecks(PersonErrors.CONSENT_INVALID);

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

const DAY_MS = 86_400_000;

/**
 * The day of a consent must not lie after the fact's business time: a consent given tomorrow would let a date typed
 * in by mistake outvote a real withdrawal. One day of slack, as `at` is in UTC and the day is Finnish (UTC+2/+3).
 */
function consentDay(day: unknown, field: 'givenOn' | 'withdrawnOn', at: string): string {
  const on = consentField.date(day, field);
  const atDay = isoDatePart(at);
  const latest = atDay === null ? null : new Date(Date.parse(`${atDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  if (latest !== null && on > latest) {
    throw unprocessable(PersonErrors.CONSENT_DATE_AFTER_FACT, `${field} ${on} lies after the business time of the fact (${at})`, { field, value: on, occurredAt: at });
  }
  return on;
}

function wordingVersionOf(value: unknown, nullable: boolean): string | null {
  if (nullable && value === null) return null;
  const text = consentField.text(value, 'wordingVersion');
  const expected = `a non-blank text of at most ${TEXT.CODE.maxLength} characters${nullable ? ', or null' : ''}`;
  if (text.length > TEXT.CODE.maxLength) throw invalid(PersonErrors.CONSENT_INVALID, `wordingVersion must be ${expected}`, { field: 'wordingVersion', expected, value });
  return text;
}

const sameRecord = (a: ConsentRecord, b: ConsentRecord): boolean =>
  a.purpose === b.purpose && a.action === b.action && a.on === b.on && a.source === b.source && a.wordingVersion === b.wordingVersion;

/** Every consent is recorded, even one a later-dated withdrawal already beats (withdrawals win when it is read); only a retry of the same record is not. */
function giveConsent(command: GiveConsent, state: PersonState): PersonEvent[] {
  const person = active(state, command.data.personId);
  const purpose = consentField.oneOf(command.data.purpose, CONSENT_PURPOSES, 'purpose');
  const source = consentField.oneOf(command.data.source, CONSENT_SOURCES, 'source');
  const wordingVersion = wordingVersionOf(command.data.wordingVersion, false)!;
  const givenOn = consentDay(command.data.givenOn, 'givenOn', command.at);
  if (person.consents.some((record) => sameRecord(record, { purpose, action: 'given', on: givenOn, source, wordingVersion }))) return [];
  return [{ type: 'ConsentGiven', data: { personId: person.personId, purpose, givenOn, source, wordingVersion, at: command.at } }];
}

/** A withdrawal is recorded even with no consent to withdraw: it still beats a consent typed in later with an earlier date. */
function withdrawConsent(command: WithdrawConsent, state: PersonState): PersonEvent[] {
  const person = active(state, command.data.personId);
  const purpose = consentField.oneOf(command.data.purpose, CONSENT_PURPOSES, 'purpose');
  const source = consentField.oneOf(command.data.source, CONSENT_SOURCES, 'source');
  const wordingVersion = wordingVersionOf(command.data.wordingVersion, true);
  const withdrawnOn = consentDay(command.data.withdrawnOn, 'withdrawnOn', command.at);
  if (person.consents.some((record) => sameRecord(record, { purpose, action: 'withdrawn', on: withdrawnOn, source, wordingVersion }))) return [];
  return [{ type: 'ConsentWithdrawn', data: { personId: person.personId, purpose, withdrawnOn, source, wordingVersion, at: command.at } }];
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
    case 'GiveConsent':
      return giveConsent(command, state);
    case 'WithdrawConsent':
      return withdrawConsent(command, state);
    default:
      return assertNever(command, 'person command');
  }
}

function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonCreated': {
      const { personId, personalData, emailBlindIndex, organizationId, at } = event.data;
      return { status: 'active', personId, personalData: { ...personalData }, emailBlindIndex, organizationId, createdAt: at, consents: [] };
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
    case 'ConsentGiven': {
      // An erased person keeps no consent (the decider refuses new ones too).
      if (state.status !== 'active') return state;
      const { purpose, givenOn, source, wordingVersion } = event.data;
      return { ...state, consents: [...state.consents, { purpose, action: 'given', on: givenOn, source, wordingVersion }] };
    }
    case 'ConsentWithdrawn': {
      if (state.status !== 'active') return state;
      const { purpose, withdrawnOn, source, wordingVersion } = event.data;
      return { ...state, consents: [...state.consents, { purpose, action: 'withdrawn', on: withdrawnOn, source, wordingVersion }] };
    }
    default:
      return assertNever(event, 'person event');
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
