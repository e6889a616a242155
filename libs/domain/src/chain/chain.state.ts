import type { StaffHoursEntry } from '../staff/staff-hours';
import type { ExpenseFigures } from '../workshop/workshop.events';
import type { ChainDetails, FlatRateBasis } from './chain.events';
import type { DebriefEntry } from '../workshop/debrief/debrief';

/** An expense of the chain as a whole, as the decider keeps it. */
export interface ChainExpenseEntry extends ExpenseFigures {
  status: 'recorded' | 'voided';
  key: string;
}

export interface ChainData extends ChainDetails {
  chainId: string;
  startedAt: string;
  /** Workshop ids in chain order (index = `order` of WorkshopAddedToChain). */
  workshopIds: readonly string[];
  lastPaidOn: string | null;
  /** Derived from lastPaidOn by `retentionEndsOn` (retention.ts); kept so readers need not recompute it. */
  retentionEndsOn: string | null;
  /** meetingId → fingerprint of the meeting (a retry yields no event, a reused id is refused). */
  meetings: Readonly<Record<string, string>>;
  /** expenseId → the chain's own expenses. */
  expenses: Readonly<Record<string, ChainExpenseEntry>>;
  /** entryId → staff hours spent on the chain as a whole. */
  staffHours: Readonly<Record<string, StaffHoursEntry>>;
  /** The flat rate the chain claims other costs with; null when none. */
  flatRate: { basisPoints: number; basis: FlatRateBasis; reference: string } | null;
  /** The chain this one follows (null: none); absent in states cached before succession. */
  followsChainId?: string | null;
  /** The debrief's fingerprint and version; absent until one is recorded. */
  debrief?: DebriefEntry;
}

export interface ActiveChain extends ChainData {
  status: 'active';
}

export interface ClosedChain extends ChainData {
  status: 'closed';
  closedAt: string;
  closeReason: string;
}

export type ChainState = { status: 'empty' } | ActiveChain | ClosedChain;
