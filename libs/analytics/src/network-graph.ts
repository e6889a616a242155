import type { WorkshopRole } from '@kuhina/domain';
import type { ChainsNetworkEdge, NetworkNode, NetworkOrigin } from '@kuhina/read-model';

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
  /** The chains whose workshops or collaborations brought the node in (a workshop: its own chain). */
  chains?: string[];
}

/** A tie: one per pair and type, with the chains that made it and what each added to its weight (see ChainsNetworkEdge). */
export type NetworkAnswerEdge = Omit<ChainsNetworkEdge, 'chains' | 'chainWeights'> & Partial<Pick<ChainsNetworkEdge, 'chains' | 'chainWeights'>>;

/** GET /network: the network one chain (or several, or all) grew, nodes and edges in the order they were created. */
export interface NetworkAnswer {
  /** The chain asked for; null for several chains or `scope=all` (see `chainIds`). */
  chainId: string | null;
  /** The chains in the answer, in the order asked (`scope=all`: every chain the views know). */
  chainIds?: string[];
  /** `all` for `scope=all`. */
  scope?: 'all';
  /** Whether people (and their `participated` ties) are in the answer. */
  people?: boolean;
  nodes: NetworkAnswerNode[];
  edges: NetworkAnswerEdge[];
  /** Position of the last event the view includes. */
  lastPosition: string;
}
