import type { WorkshopRole } from '@kuhina/domain';
import type { NetworkEdge, NetworkNode, NetworkOrigin } from '@kuhina/read-model';

/** A node of the network as the API serves it: labelled, and people only as pseudonyms for analysts and auditors. */
export interface NetworkAnswerNode {
  id: string;
  type: NetworkNode['type'];
  /** Organisation or workshop id; for people a stable pseudonym (the person id only for the backoffice role). */
  entityId: string;
  /** Organisation name, workshop title, or the pseudonym of a person (null for people seen by the backoffice). */
  label: string | null;
  /** Organisations: sector and region from the organisations view. */
  sector?: string | null;
  region?: string | null;
  /** Workshops: start, the day held (YYYY-MM-DD, once held) and 0-based place in the chain. */
  startsAt?: string | null;
  heldOn?: string | null;
  order?: number | null;
  /** People: the roles they had at the workshops in the answer (participant, organiser, host, speaker). */
  roles?: WorkshopRole[];
  createdBy: NetworkOrigin;
}

/** GET /network: the network a chain grew, nodes and edges in the order they were created. */
export interface NetworkAnswer {
  chainId: string;
  nodes: NetworkAnswerNode[];
  edges: NetworkEdge[];
  /** Position of the last event the view includes. */
  lastPosition: string;
}
