import type { ConsentPurpose, ChainCommand, CollaborationCommand, EmailClaimCommand, OrganizationCommand, PersonCommand, StaffCommand, WorkshopCommand } from '@kuhina/domain';

/** Every domain command an entry point (API, CLI, seed) may send. */
export type AnyDomainCommand = ChainCommand | CollaborationCommand | EmailClaimCommand | OrganizationCommand | PersonCommand | StaffCommand | WorkshopCommand;

/** Other aggregates a command names, which must exist before it is decided (null entries are skipped). */
export interface References {
  organizations?: readonly (string | null)[];
  /** Must exist and not be erased. */
  people?: readonly string[];
  workshops?: readonly (string | null)[];
  /** Chains named by another chain (the one it follows). */
  chains?: readonly (string | null)[];
  /** Must be staff members (an hourly rate set) with a rate covering the day: an hour recorded must have a cost. */
  staffOn?: readonly { personId: string; day: string }[];
  /** Must exist, not be erased, and have consented to the purpose on that day (withdrawals win). */
  consentedOn?: readonly { personId: string; purpose: ConsentPurpose; day: string }[];
}

type ReferencesOf = { [T in AnyDomainCommand['type']]: ((data: Extract<AnyDomainCommand, { type: T }>['data']) => References) | null };

/**
 * What each command names, declared once for every entry point: the API, the CLI and the demo seed run the same
 * checks. A mapped type over every command type, so a new command cannot be added without saying what it names.
 * null: the command names nothing outside its own stream (or what it names is checked by its use case, e.g. the
 * chain of a planned workshop, which must also be open).
 */
const REFERENCES: ReferencesOf = {
  // chain
  // A chain naming itself is not looked up: the decider refuses it as CHAIN.FOLLOWS_ITSELF, not as an unknown chain.
  StartChain: (d) => ({ organizations: [d.hubOrganizationId ?? null], chains: [d.followsChainId === d.chainId ? null : (d.followsChainId ?? null)] }),
  UpdateChainDetails: (d) => ({ organizations: [d.hubOrganizationId ?? null] }),
  // Sent by PlanWorkshop's use case right after the workshop is planned.
  AddWorkshopToChain: null,
  RecordChainMeeting: (d) => ({ organizations: d.organizationIds }),
  RecordLastPayment: null,
  CloseChain: null,
  RecordChainDebrief: null,
  RecordChainExpense: null,
  VoidChainExpense: null,
  CorrectChainExpense: null,
  // The person must be a staff member with a rate on that day: checked with the references (reference-checks.ts, requireStaffOn).
  RecordChainStaffHours: (d) => ({ staffOn: [{ personId: d.personId, day: d.workedOn }] }),
  VoidChainStaffHours: null,
  DeclareFlatRate: null,
  // collaboration
  RecordCollaboration: (d) => ({ organizations: d.organizationIds, workshops: [d.sparkedByWorkshopId] }),
  AddCollaborationPartner: (d) => ({ organizations: [d.organizationId] }),
  UpdateCollaborationDetails: null,
  EndCollaboration: null,
  // e-mail claims (internal to RegisterPerson)
  ClaimEmail: null,
  ReleaseEmail: null,
  // organisation
  RegisterOrganization: null,
  UpdateOrganizationDetails: null,
  // A contact is a person who must exist and not be erased; removing one names nothing to check.
  AddContactPerson: (d) => ({ people: [d.personId] }),
  RemoveContactPerson: null,
  RecordOffer: null,
  UpdateOffer: null,
  WithdrawOffer: null,
  // person
  CreatePerson: (d) => ({ organizations: [d.organizationId] }),
  UpdatePersonalData: null,
  ChangeAffiliation: (d) => ({ organizations: [d.organizationId] }),
  ErasePersonalData: null,
  GiveConsent: null,
  WithdrawConsent: null,
  // workshop
  PlanWorkshop: (d) => ({ organizations: d.coOrganizerIds }),
  RescheduleWorkshop: null,
  AddCoOrganizer: (d) => ({ organizations: [d.organizationId] }),
  ChangeCapacity: null,
  OpenRegistration: null,
  CloseRegistration: null,
  InvitePerson: (d) => ({ people: [d.personId] }),
  RegisterParticipant: (d) => ({ organizations: [d.organizationId], people: [d.personId] }),
  CancelRegistration: null,
  RecordAttendance: null,
  PledgeResource: (d) => ({ organizations: [d.organizationId] }),
  FulfilPledge: null,
  WithdrawPledge: null,
  RecordExpense: null,
  RecordStaffHours: (d) => ({ staffOn: [{ personId: d.personId, day: d.workedOn }] }),
  VoidStaffHours: null,
  // staff members: the person must exist (and not be erased)
  SetHourlyRate: (d) => ({ people: [d.personId] }),
  VoidExpense: null,
  CorrectExpense: null,
  SubmitFeedback: null,
  CollectCitizenInput: null,
  ForwardCitizenInputSummary: null,
  RecordPlanningMeeting: (d) => ({ organizations: d.organizationIds }),
  RecordSustainabilityPractices: null,
  MarkHeld: null,
  CancelWorkshop: null,
  ReportWorkshop: null,
  RecordWorkshopDebrief: null,
  // Only people who consented to be told about future workshops, on the day it was sent (the decider checks the fields;
  // a malformed list names nobody here and is refused there).
  SetRegistrationForm: null,
  CreateRegistrationLink: null,
  RevokeRegistrationLink: null,
  RecordOutreach: (d) => ({
    consentedOn: Array.isArray(d.personIds) && typeof d.sentOn === 'string' ? d.personIds.map((personId) => ({ personId, purpose: 'future-workshops' as const, day: d.sentOn })) : [],
  }),
};

export function referencesOf(command: AnyDomainCommand): References {
  const of = REFERENCES[command.type] as ((data: unknown) => References) | null | undefined;
  return of ? of(command.data) : {};
}
