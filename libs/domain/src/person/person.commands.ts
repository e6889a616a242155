import type { ConsentPurpose, ConsentSource } from './consent';
import type { EsfProfile } from './esf-profile';
import type { DomainCommand } from '../shared/decider';
import type { EncryptedPersonalData } from './person.events';

export type CreatePerson = DomainCommand<
  'CreatePerson',
  {
    personId: string;
    personalData: EncryptedPersonalData;
    emailBlindIndex: string | null;
    organizationId: string | null;
    /** ESF+ reporting categories, kept in clear (see esf-profile.ts); null when none were asked. */
    esfProfile?: EsfProfile | null;
  }
>;

/** Replaces the whole sealed personal data (the domain cannot see single fields). */
export type UpdatePersonalData = DomainCommand<
  'UpdatePersonalData',
  { personId: string; personalData: EncryptedPersonalData; emailBlindIndex: string | null; esfProfile?: EsfProfile | null }
>;

export type ChangeAffiliation = DomainCommand<'ChangeAffiliation', { personId: string; organizationId: string | null }>;

export type ErasePersonalData = DomainCommand<'ErasePersonalData', { personId: string; reason: string; erasedBy: string }>;

/** `givenOn`: the day the person agreed (on the form, in the e-mail, in person), never the day it was typed in. */
export type GiveConsent = DomainCommand<'GiveConsent', { personId: string; purpose: ConsentPurpose; givenOn: string; source: ConsentSource; wordingVersion: string }>;

/** `wordingVersion`: the wording of the form used to withdraw, or null (a withdrawal covers every wording). */
export type WithdrawConsent = DomainCommand<
  'WithdrawConsent',
  { personId: string; purpose: ConsentPurpose; withdrawnOn: string; source: ConsentSource; wordingVersion: string | null }
>;

export type PersonCommand = CreatePerson | UpdatePersonalData | ChangeAffiliation | ErasePersonalData | GiveConsent | WithdrawConsent;
