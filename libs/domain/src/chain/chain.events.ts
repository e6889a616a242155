import type { DomainEvent } from '../shared/decider';
import type { PlanningMeetingKind } from '../workshop/workshop.events';

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

export type ChainClosed = DomainEvent<'ChainClosed', { chainId: string; reason: string; at: string }>;

export type ChainEvent = ChainStarted | ChainDetailsUpdated | WorkshopAddedToChain | ChainMeetingRecorded | LastPaymentRecorded | ChainClosed;

export const CHAIN_EVENT_TYPES = [
  'ChainStarted',
  'ChainDetailsUpdated',
  'WorkshopAddedToChain',
  'ChainMeetingRecorded',
  'LastPaymentRecorded',
  'ChainClosed',
] as const;

export type ChainEventType = (typeof CHAIN_EVENT_TYPES)[number];

// Compile-time proof that the list names every event of the union and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _allChainEventTypesListed: Same<ChainEventType, ChainEvent['type']> = true;
