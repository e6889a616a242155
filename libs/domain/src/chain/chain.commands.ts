import type { DomainCommand } from '../shared/decider';
import type { ExpenseCategory, FundingSource, PlanningMeetingKind } from '../workshop/workshop.events';
import type { StaffHours } from '../staff/staff.events';
import type { FlatRateBasis } from './chain.events';
import type { ChainDetails } from './chain.events';
import type { Debrief } from '../workshop/debrief/debrief';

/**
 * followsChainId: the earlier chain this one continues (its lessons are read with this one's); null or absent for none.
 * Set when the chain starts and never changed, so succession can never run in a circle.
 */
export type StartChain = DomainCommand<'StartChain', { chainId: string; followsChainId?: string | null } & ChainDetails>;

/** Fields left out (or undefined) stay as they are. */
export type UpdateChainDetails = DomainCommand<'UpdateChainDetails', { chainId: string } & Partial<ChainDetails>>;

export type AddWorkshopToChain = DomainCommand<'AddWorkshopToChain', { chainId: string; workshopId: string }>;

/** The date of the last payment to the beneficiary; it starts the ESF retention clock. */
export type RecordLastPayment = DomainCommand<'RecordLastPayment', { chainId: string; paidOn: string }>;

/** A planning meeting held for the chain as a whole; heldOn: ISO date YYYY-MM-DD. */
export type RecordChainMeeting = DomainCommand<
  'RecordChainMeeting',
  { chainId: string; meetingId: string; heldOn: string; kind: PlanningMeetingKind; online: boolean; organizationIds: string[]; notes: string }
>;

export type RecordChainExpense = DomainCommand<
  'RecordChainExpense',
  { chainId: string; expenseId: string; category: ExpenseCategory; amountCents: number; fundingSource: FundingSource; receiptReference: string; description: string; incurredOn: string }
>;
export type VoidChainExpense = DomainCommand<'VoidChainExpense', { chainId: string; expenseId: string; reason: string }>;
export type CorrectChainExpense = DomainCommand<
  'CorrectChainExpense',
  { chainId: string; expenseId: string; amountCents: number; category: ExpenseCategory; fundingSource: FundingSource; receiptReference: string; reason: string }
>;

/** Hours a staff member spent on the chain as a whole. The person's hourly rate is checked by the use case. */
export type RecordChainStaffHours = DomainCommand<'RecordChainStaffHours', StaffHours & { chainId: string }>;
export type VoidChainStaffHours = DomainCommand<'VoidChainStaffHours', { chainId: string; entryId: string; reason: string }>;

/** basisPoints: 4000 = 40 %; null withdraws the flat rate. */
export type DeclareFlatRate = DomainCommand<'DeclareFlatRate', { chainId: string; basisPoints: number | null; basis: FlatRateBasis; reference: string }>;

export type CloseChain = DomainCommand<'CloseChain', { chainId: string; reason: string }>;

/** The chain's own debrief (what worked, what to develop); a different record later revises it. */
export type RecordChainDebrief = DomainCommand<'RecordChainDebrief', { chainId: string } & Debrief>;

export type ChainCommand =
  | StartChain
  | UpdateChainDetails
  | AddWorkshopToChain
  | RecordChainMeeting
  | RecordChainExpense
  | VoidChainExpense
  | CorrectChainExpense
  | RecordChainStaffHours
  | VoidChainStaffHours
  | DeclareFlatRate
  | RecordLastPayment
  | CloseChain
  | RecordChainDebrief;
