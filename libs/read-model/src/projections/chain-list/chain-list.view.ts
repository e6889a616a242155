export const CHAIN_LIST_COLLECTION = 'chain-list';

/** One line of GET /chains. */
export type ChainListView = {
  chainId: string;
  name: string;
  fundingProgramme: string;
  esfOperationId: string;
  /** ISO date `YYYY-MM-DD`. */
  periodStart: string;
  periodEnd: string;
  status: 'active' | 'closed';
  /** The earlier chain this one follows (GET /chains/:id/lessons walks them); absent or null: none. */
  followsChainId?: string | null;
  workshopCount: number;
  lastPosition: string;
};
