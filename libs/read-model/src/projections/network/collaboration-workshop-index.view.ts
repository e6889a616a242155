// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/** Routing table: which workshop sparked a collaboration (only collaborations sparked by one are indexed). */
export type CollaborationWorkshopIndexView = {
  collaborationId: string;
  sparkedByWorkshopId: string;
  lastPosition: string;
};
