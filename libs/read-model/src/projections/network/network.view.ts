/** One small document per workshop of a chain (see NetworkWorkshopView); the network is assembled at query time. */
export const NETWORK_WORKSHOPS_COLLECTION = 'network-workshops';
/** One small document per collaboration sparked by a workshop of a chain (see NetworkCollaborationView). */
export const NETWORK_COLLABORATIONS_COLLECTION = 'network-collaborations';

import type { WorkshopRole } from '@kuhina/domain';

/** What first brought a node or an edge into the network: the workshop, its business date and its log position. */
export interface NetworkOrigin {
  workshopId: string;
  /**
   * Business date: for what a workshop brought in (its node, attendances, co-organisers, pledges), the workshop's own
   * date — the day it was held (at its planned start's time of day) once held, else its planned or rescheduled start —
   * whenever it was recorded; for a collaboration's partners, the business time of the event (their own dates).
   */
  date: string;
  /** Log position of the event, as a decimal string. */
  position: string;
}

// ------------------------------------------------------------------------------------------------
// Stored documents (what the projections write; each event touches one small document)
// ------------------------------------------------------------------------------------------------

/** One person's attendance at a workshop: the organisation they came for, their role, and the event's position. */
export type NetworkAttendance = {
  organizationId: string | null;
  /** Participant for attendances recorded before roles. */
  role: WorkshopRole;
  /** Log position (decimal string) of their first attendance there. */
  position: string;
};

// Type aliases, not interfaces: only aliases are assignable to the store's `Record<string, unknown>` documents.
/**
 * The network facts of one workshop of a chain, listed by `chainId`. Facts keep only the log position that brought
 * them: they are all dated by the workshop's date, which a reschedule or the held day still moves (`networkDateOf`).
 * What grows with the workshop's registrations is not here but in a document per registration
 * (NetworkRegistrationDocument), so that a registration or an attendance never rewrites a list of them all (issue 17).
 */
export type NetworkWorkshopDocument = {
  workshopId: string;
  chainId: string;
  /** Null only when the workshop joined the chain after it was planned (its plan was not routed to this chain). */
  title: string | null;
  startsAt: string | null;
  /** YYYY-MM-DD, once held. */
  heldOn: string | null;
  /** 0-based place in the chain, once WorkshopAddedToChain was seen. */
  order: number | null;
  cancelled: boolean;
  /** The event that brought the workshop into the chain's network; its date only stands in while the workshop's start is unknown. */
  createdBy: NetworkOrigin;
  /** organizationId → log position of when it became a co-organiser. */
  coOrganizers: Record<string, string>;
  /** pledgeId → who pledged, and the log position (withdrawn pledges stay: the tie was made). */
  pledges: Record<string, { organizationId: string; position: string }>;
  /** Log position (decimal string) of the last event applied, registrations and attendances included. */
  lastPosition: string;
};

/** Index of the registration documents that have an attendance (value: the workshop id). */
export const NETWORK_ATTENDED_AT_INDEX = 'attendedAt';

/** Id of a registration's document in the network-workshops collection (a workshop id has no colon). */
export const networkRegistrationId = (workshopId: string, registrationId: string): string => `${workshopId}:r:${registrationId}`;

/** One registration at a workshop of a chain: the organisation given at registration, and the attendance once recorded. */
export type NetworkRegistrationDocument = {
  workshopId: string;
  registrationId: string;
  /** The organisation given at registration (fallback when an attendance names none). */
  organizationId: string | null;
  attendance: (NetworkAttendance & { personId: string }) | null;
  lastPosition: string;
};

/** Any document of the network-workshops collection. */
export type NetworkWorkshopsDocument = NetworkWorkshopDocument | NetworkRegistrationDocument;

/** A workshop's network facts as the assembly takes them: its document with the attendances of its registrations. */
export type NetworkWorkshopView = NetworkWorkshopDocument & {
  /** personId → their first attendance at this workshop. */
  attendances: Record<string, NetworkAttendance>;
  /** Not kept since version 4 of the projection (see NetworkRegistrationDocument); ignored. */
  registrationOrganizations?: Record<string, string | null>;
};

/** A collaboration sparked by a workshop of the chain, with when each partner joined it. Listed by `chainId`. */
export type NetworkCollaborationView = {
  collaborationId: string;
  chainId: string;
  /** The sparking workshop. */
  workshopId: string;
  title: string;
  /** organizationId → when it joined (origin workshop: the sparking one). */
  partners: Record<string, NetworkOrigin>;
  lastPosition: string;
};

// ------------------------------------------------------------------------------------------------
// The assembled network (what GET /network serves; see network-assembly.ts)
// ------------------------------------------------------------------------------------------------

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
  /** The roles they had at the workshops in the network (participant, organiser, host, speaker), in that order. */
  roles: WorkshopRole[];
}

export interface WorkshopNode {
  /** `workshop:<workshopId>` */
  id: string;
  type: 'workshop';
  entityId: string;
  /** Null only when the workshop joined the chain after it was planned (its plan was not routed to this chain). */
  title: string | null;
  startsAt: string | null;
  /** YYYY-MM-DD once held. */
  heldOn: string | null;
  /** 0-based place in the chain, once WorkshopAddedToChain was seen. */
  order: number | null;
  cancelled: boolean;
  /** Dated by the workshop's own date. */
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
  /**
   * Every workshop, pledge or collaboration that added to the weight, by date then log position (`weight` = their
   * number): the weight as of a date is the number of joins up to it (what the network page's slider shows).
   */
  joins: NetworkOrigin[];
  /** participated: the person's role at the workshop. */
  role?: WorkshopRole;
  /** participated: the organisation node (`org:<id>`) the person came for, when known: what folds people into organisations. */
  organization?: string;
  /** co-attendance: the roles the people of the source (target) organisation had at the shared workshops. */
  sourceRoles?: WorkshopRole[];
  targetRoles?: WorkshopRole[];
}

/** GET /network?chainId= — the graph a chain's workshops grew, assembled from the workshop and collaboration documents. */
export type NetworkView = {
  chainId: string;
  /** By node id, in the order they joined the network. */
  nodes: Record<string, NetworkNode>;
  /** By edge id, in the order they were created. */
  edges: Record<string, NetworkEdge>;
};

export const organizationNodeId = (organizationId: string): string => `org:${organizationId}`;
export const personNodeId = (personId: string): string => `person:${personId}`;
export const workshopNodeId = (workshopId: string): string => `workshop:${workshopId}`;
