/** Where a workshop belongs: the routing table from workshop events to chain-wide views. */
export type WorkshopChainIndexView = {
  workshopId: string;
  chainId: string;
  /** 0-based place in the chain; null while only the plan names the chain (WorkshopAddedToChain follows it). */
  order: number | null;
  lastPosition: string;
};
