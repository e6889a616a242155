import { seededRandom } from '@kuhina/domain';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { countConnectedComponents, largestConnectedComponent } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { density } from 'graphology-metrics/graph/density';
import modularity from 'graphology-metrics/graph/modularity';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { NetworkEdgeType, NetworkOrigin } from '@kuhina/read-model';
import type { NetworkAnswer, NetworkAnswerNode } from '../network-graph';

// ------------------------------------------------------------------------------------------------
// The graph the algorithms run on
// ------------------------------------------------------------------------------------------------

// Type aliases, not interfaces: graphology's `Attributes` is an index signature, which only aliases satisfy.
export type NetworkGraphNodeAttributes = {
  type: NetworkAnswerNode['type'];
  label: string | null;
  entityId: string;
  sector: string | null;
  region: string | null;
  startsAt: string | null;
  order: number | null;
  createdBy: NetworkOrigin;
};

export type NetworkGraphEdgeAttributes = {
  /** Sum of the weights of the typed edges joining the pair. */
  weight: number;
  /** The typed edges behind this tie, in the order they appear in the answer. */
  types: NetworkEdgeType[];
  weightsByType: Partial<Record<NetworkEdgeType, number>>;
  edgeIds: string[];
  /** Union of the typed edges' workshops, first appearance first. */
  workshops: string[];
  /** Origin of the first typed edge of the pair (the answer lists edges in creation order). */
  createdBy: NetworkOrigin;
};

export type NetworkGraph = UndirectedGraph<NetworkGraphNodeAttributes, NetworkGraphEdgeAttributes>;

/**
 * The answer as one simple, undirected, weighted graphology graph.
 *
 * Why this shape: the answer is a typed multigraph with mixed directions (person→workshop, org→workshop,
 * org–org), and several of the graphology algorithms refuse that — Louvain throws on a mixed graph and
 * `modularity` throws on mixed or multi graphs. Direction carries no information here (every directed edge
 * points at a workshop), so each pair of nodes becomes one undirected edge whose weight is the sum of the
 * weights of the typed edges joining it (e.g. an organisation that co-organised and pledged to a workshop:
 * 1 + pledges). The typed edges stay visible in the attributes (`types`, `weightsByType`, `edgeIds`).
 * An edge whose end is not a node of the answer makes graphology throw: the answer is inconsistent.
 */
export function toGraphology(answer: NetworkAnswer): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph<NetworkGraphNodeAttributes, NetworkGraphEdgeAttributes>();
  for (const node of answer.nodes) {
    graph.addNode(node.id, {
      type: node.type,
      label: node.label,
      entityId: node.entityId,
      sector: node.sector ?? null,
      region: node.region ?? null,
      startsAt: node.startsAt ?? null,
      order: node.order ?? null,
      createdBy: node.createdBy,
    });
  }
  for (const edge of answer.edges) {
    // A stable key per pair, whichever way the typed edge points.
    const key = edge.source < edge.target ? `${edge.source}|${edge.target}` : `${edge.target}|${edge.source}`;
    if (!graph.hasEdge(key)) {
      graph.addEdgeWithKey(key, edge.source, edge.target, {
        weight: edge.weight,
        types: [edge.type],
        weightsByType: { [edge.type]: edge.weight },
        edgeIds: [edge.id],
        workshops: [...edge.workshops],
        createdBy: edge.createdBy,
      });
      continue;
    }
    graph.updateEdgeAttributes(key, (tie) => ({
      ...tie,
      weight: tie.weight + edge.weight,
      types: tie.types.includes(edge.type) ? tie.types : [...tie.types, edge.type],
      weightsByType: { ...tie.weightsByType, [edge.type]: (tie.weightsByType[edge.type] ?? 0) + edge.weight },
      edgeIds: [...tie.edgeIds, edge.id],
      workshops: [...tie.workshops, ...edge.workshops.filter((workshop) => !tie.workshops.includes(workshop))],
    }));
  }
  return graph;
}

// ------------------------------------------------------------------------------------------------
// Metrics
// ------------------------------------------------------------------------------------------------

export interface NodeMetrics {
  id: string;
  type: NetworkAnswerNode['type'];
  label: string | null;
  sector: string | null;
  region: string | null;
  /** Distinct neighbours. */
  degree: number;
  /** Sum of the weights of the node's ties. */
  weightedDegree: number;
  /** Normalised, unweighted betweenness (share of shortest paths between other pairs through the node). */
  betweenness: number;
  /** Louvain community (0-based). */
  community: number;
}

/** Shares among organisation–organisation ties (co-attendance, collaboration), one tie per pair. */
export interface CrossingShare {
  /** Ties whose two ends have a known value. */
  known: number;
  /** Of those, ties whose ends differ. */
  crossing: number;
  /** crossing / known; null when no tie has both ends known. */
  share: number | null;
}

export interface NetworkSummary {
  nodes: number;
  /** Ties: pairs of nodes joined by at least one typed edge. */
  edges: number;
  /** Typed edges of the answer behind those ties. */
  typedEdges: number;
  /** Of the simple undirected graph; 0 with fewer than two nodes. */
  density: number;
  components: number;
  /** Share of the nodes in the largest connected component; 0 for an empty network. */
  largestComponentShare: number;
  communities: number;
  /** Modularity of the Louvain partition (weighted); null when the network has no edge. */
  modularity: number | null;
  /** Organisation–organisation ties (co-attendance or collaboration), counted once per pair. */
  organizationTies: number;
  crossSector: CrossingShare;
  crossRegion: CrossingShare;
}

export interface GrowthRow {
  workshopId: string;
  /** The workshop's chain (several chains: the rows run by date across them). */
  chainId: string | null;
  title: string | null;
  /** 0-based place in the chain, when known. */
  order: number | null;
  /** The workshop's start; when unknown, when it joined the network. */
  date: string;
  /** Typed edges whose createdBy is this workshop. */
  newTies: number;
  newTiesByType: Partial<Record<NetworkEdgeType, number>>;
  /** Organisation nodes this workshop brought into the network. */
  newOrganizations: number;
  /** People with a `participated` edge to this workshop in the participant role (not those who ran it). */
  participants: number;
  /** Of those, people who also participated in an earlier workshop of the chain. */
  returningParticipants: number;
}

/** What `computeMetrics` derives from the graph alone. */
export interface GraphMetrics {
  network: NetworkSummary;
  nodes: NodeMetrics[];
}

export interface NetworkMetrics extends GraphMetrics {
  /** Null for several chains or `scope=all` (see `chainIds`). */
  chainId: string | null;
  chainIds?: string[];
  lastPosition: string;
  /** One row per workshop, in chain order; across several chains by date (`order` is each chain's own). */
  growth: GrowthRow[];
}

/** Louvain walks the nodes in random order; a fixed seed makes the communities the same on every run. */
export { seededRandom };
export const LOUVAIN_SEED = 0x6b756869; // "kuhi"


/** Everything computed on the graph (the part the benchmark times): centralities, communities, network figures. */
export function computeMetrics(graph: NetworkGraph): GraphMetrics {
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
  // Weights measure strength, not distance: weighted shortest paths would make strong ties look far apart.
  // (graphology's Brandes cannot size its stack for an empty graph, hence the guard.)
  const betweenness = graph.order === 0 ? {} : betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });

  const nodes: NodeMetrics[] = graph.mapNodes((id, attributes) => ({
    id,
    type: attributes.type,
    label: attributes.label,
    sector: attributes.sector,
    region: attributes.region,
    degree: graph.degree(id),
    weightedDegree: weightedDegree(graph, id, 'weight'),
    betweenness: betweenness[id] ?? 0,
    community: communities[id] ?? 0,
  }));

  const order = graph.order;
  return {
    nodes,
    network: {
      nodes: order,
      edges: graph.size,
      typedEdges: graph.reduceEdges((sum, _edge, attributes) => sum + attributes.edgeIds.length, 0),
      density: order < 2 ? 0 : density(graph),
      components: countConnectedComponents(graph),
      largestComponentShare: order === 0 ? 0 : largestConnectedComponent(graph).length / order,
      communities: new Set(Object.values(communities)).size,
      // graphology's modularity refuses an edgeless graph (0/0): there is no partition quality to speak of.
      modularity:
        graph.size === 0 ? null : modularity(graph, { getNodeCommunity: (node) => communities[node] ?? 0, getEdgeWeight: 'weight' }),
      ...organizationTieShares(graph),
    },
  };
}

const ORGANIZATION_TIE_TYPES: ReadonlySet<NetworkEdgeType> = new Set(['co-attendance', 'collaboration']);

function organizationTieShares(graph: NetworkGraph): Pick<NetworkSummary, 'organizationTies' | 'crossSector' | 'crossRegion'> {
  const crossSector: CrossingShare = { known: 0, crossing: 0, share: null };
  const crossRegion: CrossingShare = { known: 0, crossing: 0, share: null };
  let organizationTies = 0;
  graph.forEachEdge((_edge, attributes, _source, _target, source, target) => {
    if (source.type !== 'organization' || target.type !== 'organization') return;
    if (!attributes.types.some((type) => ORGANIZATION_TIE_TYPES.has(type))) return;
    organizationTies += 1;
    // A tie with an unknown sector (or region) on either end cannot be called crossing or not: it is left out of
    // that share's denominator rather than counted as "same", which would bias the share down.
    count(crossSector, source.sector, target.sector);
    count(crossRegion, source.region, target.region);
  });
  return { organizationTies, crossSector: withShare(crossSector), crossRegion: withShare(crossRegion) };
}

function count(tally: CrossingShare, a: string | null, b: string | null): void {
  if (!a || !b) return;
  tally.known += 1;
  if (a !== b) tally.crossing += 1;
}

function withShare(tally: CrossingShare): CrossingShare {
  return { ...tally, share: tally.known === 0 ? null : tally.crossing / tally.known };
}

// ------------------------------------------------------------------------------------------------
// Growth along the chain (from the typed answer: merging pairs would hide which workshop made each edge)
// ------------------------------------------------------------------------------------------------

/**
 * Workshops in chain order: `order`, then `startsAt`, then id (unknowns last) so the rows are stable. Across several
 * chains each has its own `order`, so the workshops run by date (a participant returns from any earlier workshop).
 */
export function chainWorkshops(answer: NetworkAnswer): NetworkAnswerNode[] {
  const acrossChains = (answer.chainIds?.length ?? 1) > 1;
  const date = (node: NetworkAnswerNode): string => node.startsAt ?? node.createdBy.date;
  return answer.nodes
    .filter((node) => node.type === 'workshop')
    .sort(
      (a, b) =>
        (acrossChains ? compareNullable(Date.parse(date(a)), Date.parse(date(b))) : 0) ||
        compareNullable(a.order ?? null, b.order ?? null) ||
        compareNullable(a.startsAt ?? null, b.startsAt ?? null) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

function compareNullable<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function chainGrowth(answer: NetworkAnswer): GrowthRow[] {
  const workshops = chainWorkshops(answer);
  const rows = new Map<string, GrowthRow>();
  for (const node of workshops) {
    rows.set(node.entityId, {
      workshopId: node.entityId,
      chainId: node.chains?.[0] ?? answer.chainId,
      title: node.label,
      order: node.order ?? null,
      date: node.startsAt ?? node.createdBy.date,
      newTies: 0,
      newTiesByType: {},
      newOrganizations: 0,
      participants: 0,
      returningParticipants: 0,
    });
  }
  for (const edge of answer.edges) {
    const row = rows.get(edge.createdBy.workshopId);
    if (!row) continue;
    row.newTies += 1;
    row.newTiesByType[edge.type] = (row.newTiesByType[edge.type] ?? 0) + 1;
  }
  for (const node of answer.nodes) {
    const row = node.type === 'organization' ? rows.get(node.createdBy.workshopId) : undefined;
    if (row) row.newOrganizations += 1;
  }

  // Participants per workshop node id, then walk the chain remembering who was seen before. Those who ran a workshop
  // (organisers, hosts, speakers) are no participants, as in the chain view and the ESF+ figures.
  const participantsByWorkshop = new Map<string, Set<string>>();
  for (const edge of answer.edges) {
    if (edge.type !== 'participated' || (edge.role ?? 'participant') !== 'participant') continue;
    const people = participantsByWorkshop.get(edge.target) ?? new Set<string>();
    people.add(edge.source);
    participantsByWorkshop.set(edge.target, people);
  }
  const seen = new Set<string>();
  for (const node of workshops) {
    const row = rows.get(node.entityId);
    const people = participantsByWorkshop.get(node.id) ?? new Set<string>();
    if (!row) continue;
    row.participants = people.size;
    for (const person of people) if (seen.has(person)) row.returningParticipants += 1;
    for (const person of people) seen.add(person);
  }
  return [...rows.values()];
}

/** Everything GET /network/metrics answers: graph metrics plus growth along the chain. */
export function networkMetrics(answer: NetworkAnswer): NetworkMetrics {
  return { chainId: answer.chainId, ...(answer.chainIds === undefined ? {} : { chainIds: answer.chainIds }), lastPosition: answer.lastPosition, ...computeMetrics(toGraphology(answer)), growth: chainGrowth(answer) };
}
