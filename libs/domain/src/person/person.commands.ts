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

export type PersonCommand = CreatePerson | UpdatePersonalData | ChangeAffiliation | ErasePersonalData;
