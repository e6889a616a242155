import type { DomainEvent } from '../shared/decider';
import type { ExpenseFigures, PlanningMeetingKind } from '../workshop/workshop.events';
import type { StaffHours } from '../staff/staff.events';
import type { Debrief } from '../workshop/debrief/debrief';

/** The descriptive part of a chain, editable until the chain is closed. */
export interface ChainDetails {
  name: string;
  /** e.g. 'ESF+ 2021–2027'. */
  fundingProgramme: string;
  /** The operation (project) code given by the managing authority. */
  esfOperationId: string;
  /** ISO date `YYYY-MM-DD`. */
  periodStart: string;
  /** ISO date `YYYY-MM-DD`, not before periodStart. */
  periodEnd: string;
  description: string;
  /**
   * The hub's own organisation (the competence centre running the chain): it organises, so it is never counted
   * among the organisations the chain supported. Null when not configured (absent in chains started before it).
   */
  hubOrganizationId?: string | null;
}

export const CHAIN_DETAIL_FIELDS = [
  'name',
  'fundingProgramme',
  'esfOperationId',
  'periodStart',
  'periodEnd',
  'description',
  'hubOrganizationId',
] as const satisfies readonly (keyof ChainDetails)[];

export interface ChainStartedData extends ChainDetails {
  chainId: string;
  /** The earlier chain this one follows; null or absent (chains started before succession) for none. */
  followsChainId?: string | null;
  at: string;
}
export type ChainStarted = DomainEvent<'ChainStarted', ChainStartedData>;

/** Carries only the fields that changed. */
export type ChainDetailsUpdated = DomainEvent<'ChainDetailsUpdated', { chainId: string; at: string } & Partial<ChainDetails>>;

export type WorkshopAddedToChain = DomainEvent<
  'WorkshopAddedToChain',
  { chainId: string; workshopId: string; /** 0-based place of the workshop in the chain. */ order: number; at: string }
>;

export type LastPaymentRecorded = DomainEvent<
  'LastPaymentRecorded',
  {
    chainId: string;
    paidOn: string;
    /** The last payment this one replaces, if any. */
    previousPaidOn: string | null;
    /** 31 December, five years after the year of `paidOn` (see retention.ts). */
    retentionEndsOn: string;
    at: string;
  }
>;

/**
 * A planning meeting of the chain as a whole (the core team's meetings serve every workshop, not one):
 * `kind` as for a workshop's planning meetings; `organizationIds` the partners present, if any.
 */
export type ChainMeetingRecorded = DomainEvent<
  'ChainMeetingRecorded',
  { chainId: string; meetingId: string; heldOn: string; kind: PlanningMeetingKind; online: boolean; organizationIds: string[]; notes: string; at: string }
>;

/** An expense of the chain as a whole (not of one workshop), e.g. a licence or the core team's travel to a partner. */
export type ChainExpenseRecorded = DomainEvent<
  'ChainExpenseRecorded',
  ExpenseFigures & { chainId: string; expenseId: string; description: string; incurredOn: string; at: string }
>;
export type ChainExpenseVoided = DomainEvent<'ChainExpenseVoided', { chainId: string; expenseId: string; reason: string; at: string }>;
/** The new figures replace the old ones; `previous` keeps the audit trail readable without a replay. */
export type ChainExpenseCorrected = DomainEvent<
  'ChainExpenseCorrected',
  ExpenseFigures & { chainId: string; expenseId: string; previous: ExpenseFigures; reason: string; at: string }
>;

/** Staff hours spent on the chain as a whole (the core team's meetings, chain-level planning, reporting). */
export type ChainStaffHoursRecorded = DomainEvent<'ChainStaffHoursRecorded', StaffHours & { chainId: string; at: string }>;
export type ChainStaffHoursVoided = DomainEvent<'ChainStaffHoursVoided', { chainId: string; entryId: string; personId: string; reason: string; at: string }>;

/** How "other costs" are claimed: a flat rate of a basis (ESF+ practice: commonly 40 % of direct staff costs). */
export const FLAT_RATE_BASES = ['direct-staff-costs'] as const;
export type FlatRateBasis = (typeof FLAT_RATE_BASES)[number];

/**
 * The chain declares a flat rate (the latest declaration holds): `basisPoints` of the basis (4000 = 40 %), with the
 * reference that allows it (the funding decision, the regulation's article). basisPoints null withdraws it.
 */
export type FlatRateDeclared = DomainEvent<
  'FlatRateDeclared',
  { chainId: string; basisPoints: number | null; basis: FlatRateBasis; reference: string; at: string }
>;

export type ChainClosed = DomainEvent<'ChainClosed', { chainId: string; reason: string; at: string }>;

/** The chain's own debrief, version 1, 2, ...: the latest replaces the earlier ones in views, which stay in the log. */
export type ChainDebriefRecorded = DomainEvent<'ChainDebriefRecorded', Debrief & { chainId: string; version: number; at: string }>;

export type ChainEvent =
  | ChainStarted
  | ChainDetailsUpdated
  | WorkshopAddedToChain
  | ChainMeetingRecorded
  | ChainExpenseRecorded
  | ChainExpenseVoided
  | ChainExpenseCorrected
  | ChainStaffHoursRecorded
  | ChainStaffHoursVoided
  | FlatRateDeclared
  | LastPaymentRecorded
  | ChainClosed
  | ChainDebriefRecorded;

export const CHAIN_EVENT_TYPES = [
  'ChainStarted',
  'ChainDetailsUpdated',
  'WorkshopAddedToChain',
  'ChainMeetingRecorded',
  'ChainExpenseRecorded',
  'ChainExpenseVoided',
  'ChainExpenseCorrected',
  'ChainStaffHoursRecorded',
  'ChainStaffHoursVoided',
  'FlatRateDeclared',
  'LastPaymentRecorded',
  'ChainClosed',
  'ChainDebriefRecorded',
] as const;

export type ChainEventType = (typeof CHAIN_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allChainEventTypesListed: Same<ChainEventType, ChainEvent['type']> = true;
