import type { ChainDetails } from './chain.events';

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
