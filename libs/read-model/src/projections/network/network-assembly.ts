import {
  NETWORK_EDGE_DIRECTED,
  organizationNodeId,
  personNodeId,
  workshopNodeId,
  type NetworkCollaborationView,
  type NetworkEdge,
  type NetworkEdgeType,
  type NetworkNode,
  type NetworkOrigin,
  type NetworkView,
  type NetworkWorkshopView,
} from './network.view';

/** Decimal position strings (no sign, no leading zeros) compared as numbers, without BigInt parsing. */
export const comparePositions = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

// Ties (several nodes or edges created by one event) keep the order the old per-chain document had:
// the workshop before the person before the organisation; the participation before the co-attendance.
const NODE_RANK: Readonly<Record<NetworkNode['type'], number>> = { workshop: 0, person: 1, organization: 2 };
const EDGE_RANK: Readonly<Record<NetworkEdgeType, number>> = { participated: 0, 'co-attendance': 1, 'co-organised': 2, pledged: 3, collaboration: 4 };

interface NodeDraft {
  node: NetworkNode;
  seq: number;
}

/** An edge being assembled: each join is one workshop / pledge / collaboration behind it (weight = joins). */
interface EdgeDraft {
  type: NetworkEdgeType;
  source: string;
  target: string;
  joins: NetworkOrigin[];
  seq: number;
}

/** Mutable only inside one `assembleNetwork` call. */
class NetworkBuilder {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly edges = new Map<string, EdgeDraft>();
  private seq = 0;

  workshop(doc: NetworkWorkshopView): void {
    const id = workshopNodeId(doc.workshopId);
    if (this.nodes.has(id)) return;
    const { title, startsAt, order, cancelled, createdBy } = doc;
    this.nodes.set(id, { node: { id, type: 'workshop', entityId: doc.workshopId, title, startsAt, order, cancelled, createdBy }, seq: this.seq++ });
  }

  organization(organizationId: string, origin: NetworkOrigin): string {
    const id = organizationNodeId(organizationId);
    this.touch(id, origin, () => ({ id, type: 'organization', entityId: organizationId, createdBy: origin }));
    return id;
  }

  person(personId: string, origin: NetworkOrigin): string {
    const id = personNodeId(personId);
    this.touch(id, origin, () => ({ id, type: 'person', entityId: personId, createdBy: origin }));
    return id;
  }

  /** A node is created by the earliest fact that brings it in (its tie order too: `seq` follows `createdBy`). */
  private touch(id: string, origin: NetworkOrigin, create: () => NetworkNode): void {
    const existing = this.nodes.get(id);
    if (existing === undefined) this.nodes.set(id, { node: create(), seq: this.seq++ });
    else if (comparePositions(origin.position, existing.node.createdBy.position) < 0) this.nodes.set(id, { node: { ...existing.node, createdBy: origin }, seq: this.seq++ });
  }

  /** Adds one join (a workshop, pledge or collaboration) to the edge between `from` and `to`. */
  join(type: NetworkEdgeType, from: string, to: string, origin: NetworkOrigin): void {
    const [source, target] = NETWORK_EDGE_DIRECTED[type] || from < to ? [from, to] : [to, from];
    const id = `${type}:${source}|${target}`;
    const existing = this.edges.get(id);
    if (existing === undefined) this.edges.set(id, { type, source, target, joins: [origin], seq: this.seq++ });
    else existing.joins.push(origin);
  }

  result(chainId: string): NetworkView {
    const nodes = [...this.nodes.values()].sort(
      (a, b) => comparePositions(a.node.createdBy.position, b.node.createdBy.position) || NODE_RANK[a.node.type] - NODE_RANK[b.node.type] || a.seq - b.seq,
    );
    const edges: Array<{ edge: NetworkEdge; seq: number }> = [];
    for (const [id, draft] of this.edges) edges.push({ edge: finishEdge(id, draft), seq: draft.seq });
    edges.sort((a, b) => comparePositions(a.edge.createdBy.position, b.edge.createdBy.position) || EDGE_RANK[a.edge.type] - EDGE_RANK[b.edge.type] || a.seq - b.seq);
    return {
      chainId,
      nodes: Object.fromEntries(nodes.map(({ node }) => [node.id, node])),
      edges: Object.fromEntries(edges.map(({ edge }) => [edge.id, edge])),
    };
  }
}

function finishEdge(id: string, { type, source, target, joins }: EdgeDraft): NetworkEdge {
  // Stable: joins of one position keep the order they were added in.
  if (joins.length > 1) joins.sort((a, b) => comparePositions(a.position, b.position));
  const workshops: string[] = [];
  for (const { workshopId } of joins) if (!workshops.includes(workshopId)) workshops.push(workshopId);
  return { id, type, source, target, weight: joins.length, createdBy: joins[0]!, workshops, joins };
}

/** The entries of a fact map, earliest first. */
function earliestFirst(map: Record<string, NetworkOrigin>): Array<[string, NetworkOrigin]> {
  return Object.entries(map).sort(([, a], [, b]) => comparePositions(a.position, b.position));
}

const byCreation = (a: NetworkWorkshopView, b: NetworkWorkshopView): number => comparePositions(a.createdBy.position, b.createdBy.position);

function addWorkshop(builder: NetworkBuilder, doc: NetworkWorkshopView): void {
  const workshop = workshopNodeId(doc.workshopId);
  builder.workshop(doc);
  for (const [organizationId, origin] of earliestFirst(doc.coOrganizers)) {
    builder.join('co-organised', builder.organization(organizationId, origin), workshop, origin);
  }
  for (const [personId, origin] of earliestFirst(doc.participants)) {
    builder.join('participated', builder.person(personId, origin), workshop, origin);
  }
  // Each organisation, as it arrived, shares this workshop with every organisation already there:
  // the pair is joined by the later of the two attendances.
  const present = earliestFirst(doc.attendingOrganizations).map(([organizationId, origin]) => ({ node: builder.organization(organizationId, origin), origin }));
  for (let newcomer = 1; newcomer < present.length; newcomer++) {
    const { node, origin } = present[newcomer];
    for (let earlier = 0; earlier < newcomer; earlier++) builder.join('co-attendance', node, present[earlier].node, origin);
  }
  const pledges = Object.values(doc.pledges).sort((a, b) => comparePositions(a.origin.position, b.origin.position));
  for (const { organizationId, origin } of pledges) builder.join('pledged', builder.organization(organizationId, origin), workshop, origin);
}

function addCollaboration(builder: NetworkBuilder, doc: NetworkCollaborationView): void {
  const partners = earliestFirst(doc.partners).map(([organizationId, origin]) => ({ node: builder.organization(organizationId, origin), origin }));
  for (let newcomer = 1; newcomer < partners.length; newcomer++) {
    const { node, origin } = partners[newcomer];
    for (let earlier = 0; earlier < newcomer; earlier++) builder.join('collaboration', node, partners[earlier].node, origin);
  }
}

/**
 * The network of a chain from its workshop and collaboration documents: organisations, people and workshops
 * as nodes; co-attendance, participated, co-organised, pledged and collaboration edges, each created by
 * the earliest fact behind it. Time travel does not cut these documents (their workshop fields are the
 * latest): it replays the log into fresh ones (see replay/network-replay.ts). Documents of other chains are ignored. Pure: the same documents give the same network.
 */
export function assembleNetwork(
  chainId: string,
  workshopDocs: readonly NetworkWorkshopView[],
  collaborationDocs: readonly NetworkCollaborationView[],
): NetworkView {
  const builder = new NetworkBuilder();
  const workshops = workshopDocs.filter((doc) => doc.chainId === chainId).sort(byCreation);
  for (const doc of workshops) addWorkshop(builder, doc);
  for (const doc of collaborationDocs) if (doc.chainId === chainId) addCollaboration(builder, doc);
  return builder.result(chainId);
}
