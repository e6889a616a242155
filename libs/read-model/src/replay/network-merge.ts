import { compareOrigins, sortedRoles } from '../projections/network/network-dates';
import type { NetworkEdge, NetworkEdgeType, NetworkNode, NetworkOrigin, NetworkView } from '../projections/network/network.view';

/** A node of a network over one or more chains: the chains whose workshops or collaborations brought it in. */
export type ChainsNetworkNode = NetworkNode & { chains: string[] };

/**
 * A tie of a network over one or more chains: still one edge per pair and type (its id, `weight` and `joins` as in one
 * chain, so a weight on any day is still the number of joins up to it), with the chains that made it (in the order named)
 * and what each chain added to its weight.
 */
export type ChainsNetworkEdge = NetworkEdge & { chains: string[]; chainWeights: Record<string, number> };

/** The networks of several chains as one graph: each organisation, person and workshop once. */
export interface ChainsNetworkView {
  chainIds: string[];
  nodes: Record<string, ChainsNetworkNode>;
  edges: Record<string, ChainsNetworkEdge>;
}

export interface MergeOptions {
  /** Leave people and their `participated` ties out (organisations and workshops only); default: keep them. */
  people?: boolean;
}

// The order the assembly gives ties of one origin (see network-assembly.ts): workshop, person, organisation; participation first.
const NODE_RANK: Readonly<Record<NetworkNode['type'], number>> = { workshop: 0, person: 1, organization: 2 };
const EDGE_RANK: Readonly<Record<NetworkEdgeType, number>> = { participated: 0, 'co-attendance': 1, 'co-organised': 2, pledged: 3, collaboration: 4 };

function mergeNode(into: ChainsNetworkNode, node: NetworkNode, chainId: string): ChainsNetworkNode {
  // The earliest fact that brought the node into any of the chains creates it, as within one chain.
  const createdBy = compareOrigins(node.createdBy, into.createdBy) < 0 ? node.createdBy : into.createdBy;
  const chains = into.chains.includes(chainId) ? into.chains : [...into.chains, chainId];
  if (into.type === 'person' && node.type === 'person') return { ...into, createdBy, chains, roles: sortedRoles([...into.roles, ...node.roles]) };
  return { ...into, createdBy, chains };
}

function mergeEdge(into: ChainsNetworkEdge, edge: NetworkEdge, chainId: string): ChainsNetworkEdge {
  // Stable sort: joins of one date and position keep their chain order.
  const joins: NetworkOrigin[] = [...into.joins, ...edge.joins].sort(compareOrigins);
  const workshops: string[] = [];
  for (const { workshopId } of joins) if (!workshops.includes(workshopId)) workshops.push(workshopId);
  const union = (a?: NetworkEdge['sourceRoles'], b?: NetworkEdge['sourceRoles']) => (a === undefined && b === undefined ? undefined : sortedRoles([...(a ?? []), ...(b ?? [])]));
  const sourceRoles = union(into.sourceRoles, edge.sourceRoles);
  const targetRoles = union(into.targetRoles, edge.targetRoles);
  return {
    ...into,
    weight: joins.length,
    createdBy: joins[0]!,
    workshops,
    joins,
    ...(sourceRoles === undefined ? {} : { sourceRoles }),
    ...(targetRoles === undefined ? {} : { targetRoles }),
    chains: into.chains.includes(chainId) ? into.chains : [...into.chains, chainId],
    chainWeights: { ...into.chainWeights, [chainId]: (into.chainWeights[chainId] ?? 0) + edge.weight },
  };
}

/**
 * The networks of several chains (each assembled on its own, live or replayed) as one: a node per organisation, person
 * and workshop; a tie between the same pair of the same type made in two chains is one edge whose joins are those of
 * both chains, with `chains` and `chainWeights` saying which chain made how much of it. Pure; in the order nodes and
 * edges joined any of the networks (business date, then log position), as one chain's network is.
 */
export function mergeNetworks(parts: readonly NetworkView[], options: MergeOptions = {}): ChainsNetworkView {
  const nodes = new Map<string, ChainsNetworkNode>();
  const edges = new Map<string, ChainsNetworkEdge>();
  // Where each node and edge stands in the network of the chain that made it first: facts of one origin come from one
  // chain, and keep that chain's order whatever order the chains are named in.
  const place = new Map<string, number>();
  const keepPeople = options.people !== false;
  for (const part of parts) {
    Object.values(part.nodes).forEach((node, index) => {
      if (!keepPeople && node.type === 'person') return;
      const known = nodes.get(node.id);
      const next = known === undefined ? { ...node, chains: [part.chainId] } : mergeNode(known, node, part.chainId);
      if (next.createdBy === node.createdBy) place.set(node.id, index);
      nodes.set(node.id, next);
    });
    Object.values(part.edges).forEach((edge, index) => {
      if (!keepPeople && (edge.type === 'participated' || !nodes.has(edge.source) || !nodes.has(edge.target))) return;
      const known = edges.get(edge.id);
      const next = known === undefined ? { ...edge, chains: [part.chainId], chainWeights: { [part.chainId]: edge.weight } } : mergeEdge(known, edge, part.chainId);
      if (next.createdBy === edge.createdBy) place.set(edge.id, index);
      edges.set(edge.id, next);
    });
  }
  // One chain keeps the assembly's own order; several are interleaved by when each fact joined.
  const nodeList = [...nodes.values()];
  const edgeList = [...edges.values()];
  const byPlace = (a: { id: string }, b: { id: string }) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0);
  if (parts.length > 1) {
    nodeList.sort((a, b) => compareOrigins(a.createdBy, b.createdBy) || NODE_RANK[a.type] - NODE_RANK[b.type] || byPlace(a, b));
    edgeList.sort((a, b) => compareOrigins(a.createdBy, b.createdBy) || EDGE_RANK[a.type] - EDGE_RANK[b.type] || byPlace(a, b));
  }
  return {
    chainIds: parts.map((part) => part.chainId),
    nodes: Object.fromEntries(nodeList.map((node) => [node.id, node])),
    edges: Object.fromEntries(edgeList.map((edge) => [edge.id, edge])),
  };
}
