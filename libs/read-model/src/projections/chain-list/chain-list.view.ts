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
  workshopCount: number;
  lastPosition: string;
};
