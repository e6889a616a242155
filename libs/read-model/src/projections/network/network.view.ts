export const NETWORK_COLLECTION = 'network';

/** What first brought a node or an edge into the network: the workshop, its business date and its log position. */
export interface NetworkOrigin {
  workshopId: string;
  /** Business time of the event (metadata.occurredAt). */
  date: string;
  /** Log position of the event, as a decimal string. */
  position: string;
}

export interface OrganizationNode {
  /** `org:<organizationId>` */
  id: string;
  type: 'organization';
  entityId: string;
  createdBy: NetworkOrigin;
}

/** People are stored by id; the API pseudonymises them for roles without access to personal data. */
export interface PersonNode {
  /** `person:<personId>` */
  id: string;
  type: 'person';
  entityId: string;
  createdBy: NetworkOrigin;
}

export interface WorkshopNode {
  /** `workshop:<workshopId>` */
  id: string;
  type: 'workshop';
  entityId: string;
  /** Null only when the workshop joined the chain after it was planned (its plan was not routed to this chain). */
  title: string | null;
  startsAt: string | null;
  /** 0-based place in the chain, once WorkshopAddedToChain was seen. */
  order: number | null;
  cancelled: boolean;
  createdBy: NetworkOrigin;
}

export type NetworkNode = OrganizationNode | PersonNode | WorkshopNode;
export type NetworkNodeType = NetworkNode['type'];

export const NETWORK_EDGE_TYPES = ['co-attendance', 'participated', 'co-organised', 'pledged', 'collaboration'] as const;
export type NetworkEdgeType = (typeof NETWORK_EDGE_TYPES)[number];

/** Undirected edges keep `source < target` (lexically); directed ones point from the person/organisation to the workshop. */
export const NETWORK_EDGE_DIRECTED: Readonly<Record<NetworkEdgeType, boolean>> = {
  'co-attendance': false,
  participated: true,
  'co-organised': true,
  pledged: true,
  collaboration: false,
};

export interface NetworkEdge {
  /** `<type>:<source>|<target>` */
  id: string;
  type: NetworkEdgeType;
  source: string;
  target: string;
  /**
   * co-attendance: workshops both organisations attended; pledged: pledges made (withdrawn ones included:
   * the tie was made); collaboration: recorded collaborations joining the pair; otherwise 1.
   */
  weight: number;
  createdBy: NetworkOrigin;
  /** The workshops behind the edge, in the order they added to it. */
  workshops: string[];
}

export interface NetworkFacts {
  /** registrationId → the organisation given at registration (fallback when an attendance names none). */
  registrationOrganizations: Record<string, string | null>;
  /** workshopId → ids of organisations whose people attended it (a set, in order of first attendance). */
  attendingOrganizations: Record<string, string[]>;
  /** pledgeId → who pledged for which workshop. */
  pledges: Record<string, { workshopId: string; organizationId: string }>;
  /** collaborationId → its sparking workshop and partners so far. */
  collaborations: Record<string, { workshopId: string; organizationIds: string[] }>;
}

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
/** GET /network?chainId= — one document per chain: the graph its workshops grew. */
export type NetworkView = {
  chainId: string;
  /** By node id, in the order they joined the network. */
  nodes: Record<string, NetworkNode>;
  /** By edge id, in the order they were created. */
  edges: Record<string, NetworkEdge>;
  /** Raw facts the edges are derived from, kept by id so that a replayed event changes nothing. */
  facts: NetworkFacts;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};

export const organizationNodeId = (organizationId: string): string => `org:${organizationId}`;
export const personNodeId = (personId: string): string => `person:${personId}`;
export const workshopNodeId = (workshopId: string): string => `workshop:${workshopId}`;
