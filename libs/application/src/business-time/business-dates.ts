import type { ChainCommand, ChainState, CollaborationCommand, CollaborationState, WorkshopCommand, WorkshopState } from '@kuhina/domain';
import type { AnyDomainCommand } from '../execute-domain-command/command-references';
import {
  CLOCK,
  chainFact,
  dayAt,
  collaborationAsk,
  collaborationFact,
  ownDate,
  registerFact,
  workshopFact,
  workshopOwnDate,
  type BusinessDateRule,
} from './business-date-rules';

export type CommandType = AnyDomainCommand['type'];

/** Withdrawing an offer: now, unless the offer ended (`availableUntil`) longer ago than the margin; then say when. */
const offerWithdrawal: BusinessDateRule<{ offerId: string }, unknown> = {
  records: 'when the offer was withdrawn',
  defaults: "the time of the request; refused with 422 BUSINESS_TIME.REQUIRED when the offer's `availableUntil` lies more than KUHINA_BACKDATE_MARGIN_DAYS (default 30) days back: give `occurredAt`.",
  infer: (data, state) => {
    const offers = (state as { offers?: Record<string, { availableUntil: string | null }> }).offers;
    const until = offers && Object.hasOwn(offers, data.offerId) ? offers[data.offerId]!.availableUntil : null;
    return until === null ? CLOCK : { kind: 'ask', since: dayAt(until, null), why: `this offer ended on ${until}` };
  },
};
type DataOf<T extends CommandType> = Extract<AnyDomainCommand, { type: T }>['data'];
/** The state of the stream a command is decided on: what its rule may infer the date from. */
type StateOf<T extends CommandType> = T extends ChainCommand['type']
  ? ChainState
  : T extends WorkshopCommand['type']
    ? WorkshopState
    : T extends CollaborationCommand['type']
      ? CollaborationState
      : unknown;

/**
 * Data fields that default to the write's business time when the request leaves them out (they used to default to
 * the request's `occurredAt` or the clock in the controllers; now to the inferred date).
 */
export const TIME_DEFAULTED_FIELDS = {
  CollectCitizenInput: 'collectedAt',
  ForwardCitizenInputSummary: 'forwardedAt',
} as const satisfies { [T in CommandType]?: keyof DataOf<T> };

type BusinessDates = { [T in CommandType]: BusinessDateRule<DataOf<T>, StateOf<T>> };

/**
 * The business date of every write when the request gives no `occurredAt`, declared once for every entry point and
 * for the OpenAPI document: a mapped type over every command type, so a new command cannot be added without its rule.
 * Facts of a workshop default to the workshop's own date (a chain entered afterwards lands on its real dates); facts
 * that carry their own day default to it; register facts (organisations, people) to the clock. Nothing defaults to
 * the future. Where nothing can be inferred and what the write is about lies far back, the client must say when.
 */
export const BUSINESS_DATES: BusinessDates = {
  // chain
  StartChain: ownDate('when the chain started', 'periodStart', (d) => d.periodStart),
  UpdateChainDetails: chainFact('when the details changed'),
  AddWorkshopToChain: {
    records: 'when the workshop joined the chain',
    defaults: "the planned workshop's business date (sent by `POST /workshops` with the plan's date).",
    infer: () => CLOCK,
  },
  RecordChainMeeting: ownDate('the day the meeting was held', 'heldOn', (d) => d.heldOn),
  RecordLastPayment: ownDate('the day of the last payment', 'paidOn', (d) => d.paidOn),
  RecordChainExpense: ownDate('the day the expense was incurred', 'incurredOn', (d) => d.incurredOn),
  VoidChainExpense: chainFact('when the expense was voided'),
  CorrectChainExpense: chainFact('when the expense was corrected'),
  RecordChainStaffHours: ownDate('the day the hours were worked', 'workedOn', (d) => d.workedOn),
  VoidChainStaffHours: chainFact('when the hours were voided'),
  DeclareFlatRate: chainFact('when the flat rate was declared'),
  CloseChain: chainFact('when the chain was closed'),
  // A debrief typed in afterwards is dated by its meeting, or by the end of the chain it looks back on: never silently today.
  RecordChainDebrief: ownDate<DataOf<'RecordChainDebrief'>, ChainState>('the day of the debrief meeting', 'heldOn', (d) => d.heldOn, {
    defaults: "the chain's `periodEnd` (the debrief of a chain that is over; capped at the time of the request for a chain still running)",
    infer: (_d, state) => (state.status === 'empty' ? CLOCK : { kind: 'date', at: dayAt(state.periodEnd, null) }),
  }),
  // collaboration
  RecordCollaboration: ownDate('when the collaboration started', 'startedOn', (d) => d.startedOn),
  AddCollaborationPartner: ownDate<DataOf<'AddCollaborationPartner'>, CollaborationState>('when the partner joined', 'joinedOn', (d) => d.joinedOn, collaborationAsk),
  UpdateCollaborationDetails: collaborationFact('when the details changed'),
  EndCollaboration: ownDate('when the collaboration ended', 'endedOn', (d) => d.endedOn),
  // e-mail claims, organisations, people: the register as it is now
  ClaimEmail: registerFact('when the e-mail was claimed'),
  ReleaseEmail: registerFact('when the e-mail was released'),
  RegisterOrganization: registerFact('when the organisation was registered'),
  UpdateOrganizationDetails: registerFact('when the details changed'),
  // A partner's contacts and offers are its profile as it stands (register facts); an offer typed in afterwards is dated
  // by the day it became available, and withdrawing one that ended long ago asks when (see offerWithdrawal).
  AddContactPerson: registerFact('when the person became a contact person'),
  RemoveContactPerson: registerFact('when the person stopped being a contact person'),
  RecordOffer: ownDate('when the offer was made', 'availableFrom', (d) => d.availableFrom),
  UpdateOffer: registerFact('when the offer changed'),
  WithdrawOffer: offerWithdrawal,
  CreatePerson: registerFact('when the person was recorded (also the reference day of the age band)'),
  UpdatePersonalData: registerFact('when the personal data changed'),
  ChangeAffiliation: registerFact('when the affiliation changed'),
  ErasePersonalData: registerFact('when the personal data was erased'),
  // Consent facts are history, not register facts: dated by the day the person said so (required), never by the clock.
  GiveConsent: ownDate('when the consent was given', 'givenOn', (d) => d.givenOn),
  WithdrawConsent: ownDate('when the consent was withdrawn', 'withdrawnOn', (d) => d.withdrawnOn),
  // workshop
  PlanWorkshop: {
    records: 'when the workshop was planned',
    defaults: "the workshop's planned `startsAt` when it lies in the past (a chain entered afterwards), else the time of the request.",
    infer: (d) => (typeof d.startsAt === 'string' && d.startsAt !== '' ? { kind: 'date', at: d.startsAt } : CLOCK),
  },
  RescheduleWorkshop: workshopFact('when the workshop was rescheduled'),
  AddCoOrganizer: workshopFact('when the organisation became a co-organiser'),
  ChangeCapacity: workshopFact('when the capacity changed'),
  OpenRegistration: workshopFact('when registration opened'),
  CloseRegistration: workshopFact('when registration closed'),
  InvitePerson: workshopFact('when the person was invited'),
  RegisterParticipant: workshopFact('when the person registered'),
  CancelRegistration: workshopFact('when the registration was cancelled'),
  RecordAttendance: workshopFact('when the attendance happened'),
  PledgeResource: workshopFact('when the resource was pledged'),
  FulfilPledge: workshopFact('when the pledge was fulfilled'),
  WithdrawPledge: workshopFact('when the pledge was withdrawn'),
  RecordExpense: workshopOwnDate('the day the expense was incurred', 'incurredOn', (d) => d.incurredOn),
  VoidExpense: workshopFact('when the expense was voided'),
  CorrectExpense: workshopFact('when the expense was corrected'),
  SubmitFeedback: workshopFact('when the feedback was given'),
  CollectCitizenInput: workshopOwnDate("when the citizens' input was collected (also `collectedAt` when not given)", 'collectedAt', (d) => d.collectedAt),
  ForwardCitizenInputSummary: workshopOwnDate('when the summary was forwarded (also `forwardedAt` when not given)', 'forwardedAt', (d) => d.forwardedAt),
  RecordPlanningMeeting: workshopOwnDate('the day the planning meeting was held', 'heldOn', (d) => d.heldOn),
  RecordSustainabilityPractices: workshopFact('when the practices were recorded'),
  MarkHeld: workshopOwnDate('the day the workshop was held', 'heldOn', (d) => d.heldOn),
  CancelWorkshop: workshopFact('when the workshop was cancelled'),
  ReportWorkshop: workshopFact('when the workshop was reported'),
  RecordStaffHours: workshopOwnDate('the day the hours were worked', 'workedOn', (d) => d.workedOn),
  VoidStaffHours: workshopFact('when the hours were voided'),
  RecordWorkshopDebrief: workshopOwnDate('the day of the debrief meeting', 'heldOn', (d) => d.heldOn),
  // The day it was sent (required): an outreach typed in afterwards is dated by its sending, never by the typing.
  RecordOutreach: ownDate<DataOf<'RecordOutreach'>, WorkshopState>('the day the outreach was sent', 'sentOn', (d) => d.sentOn),
  // The form and its links are set up as they are typed in, ahead of the workshop: the time of the request is what is meant.
  SetRegistrationForm: { records: 'when the form was set', defaults: 'the time of the request (the form is set up as it is typed in).', infer: () => CLOCK },
  CreateRegistrationLink: { records: 'when the link was made', defaults: 'the time of the request.', infer: () => CLOCK },
  RevokeRegistrationLink: { records: 'when the link was revoked', defaults: 'the time of the request.', infer: () => CLOCK },
  // staff members
  SetHourlyRate: registerFact('when the rate was set (the period it covers is in `validFrom`/`validUntil`)'),
};

/** The rule of a command type, without its data and state types (for the resolver and the OpenAPI document). */
export const businessDateRule = (type: CommandType): BusinessDateRule<unknown, unknown> => BUSINESS_DATES[type] as BusinessDateRule<unknown, unknown>;

/** One sentence for the OpenAPI document: what the write's `occurredAt` records, and what it defaults to. */
export function businessDateSentence(type: CommandType): string {
  const rule = businessDateRule(type);
  return `\`occurredAt\` records ${rule.records}; without it: ${rule.defaults}`;
}
