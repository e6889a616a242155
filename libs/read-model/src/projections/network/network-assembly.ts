import type { WorkshopRole } from '@kuhina/domain';
import { compareOrigins, comparePositions, networkDateOf, sortedRoles, type NetworkFilter } from './network-dates';
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

// Ties (several nodes or edges created by one event) keep the order the old per-chain document had:
// the workshop before the person before the organisation; the participation before the co-attendance.
const NODE_RANK: Readonly<Record<NetworkNode['type'], number>> = { workshop: 0, person: 1, organization: 2 };
const EDGE_RANK: Readonly<Record<NetworkEdgeType, number>> = { participated: 0, 'co-attendance': 1, 'co-organised': 2, pledged: 3, collaboration: 4 };

interface NodeDraft {
  node: NetworkNode;
  seq: number;
}

/** The roles of the two ends of a join: a participation's role, or the roles each organisation's people had. */
interface JoinRoles {
  role?: WorkshopRole;
  /** A participation's organisation node. */
  organization?: string;
  from?: ReadonlySet<WorkshopRole>;
  to?: ReadonlySet<WorkshopRole>;
}

/** An edge being assembled: each join is one workshop / pledge / collaboration behind it (weight = joins). */
interface EdgeDraft {
  type: NetworkEdgeType;
  source: string;
  target: string;
  joins: NetworkOrigin[];
  seq: number;
  role?: WorkshopRole;
  organization?: string;
  sourceRoles?: Set<WorkshopRole>;
  targetRoles?: Set<WorkshopRole>;
}

const addAll = <T>(into: Set<T> | undefined, values: ReadonlySet<T> | undefined): Set<T> | undefined =>
  values === undefined ? into : new Set([...(into ?? []), ...values]);

/** Mutable only inside one `assembleNetwork` call. */
class NetworkBuilder {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly edges = new Map<string, EdgeDraft>();
  private seq = 0;

  workshop(doc: NetworkWorkshopView, createdBy: NetworkOrigin): void {
    const id = workshopNodeId(doc.workshopId);
    if (this.nodes.has(id)) return;
    const { title, startsAt, heldOn, order, cancelled } = doc;
    this.nodes.set(id, { node: { id, type: 'workshop', entityId: doc.workshopId, title, startsAt, heldOn, order, cancelled, createdBy }, seq: this.seq++ });
  }

  organization(organizationId: string, origin: NetworkOrigin): string {
    const id = organizationNodeId(organizationId);
    this.touch(id, origin, () => ({ id, type: 'organization', entityId: organizationId, createdBy: origin }));
    return id;
  }

  person(personId: string, origin: NetworkOrigin, role: WorkshopRole): string {
    const id = personNodeId(personId);
    this.touch(id, origin, () => ({ id, type: 'person', entityId: personId, createdBy: origin, roles: [] }));
    const draft = this.nodes.get(id)!;
    if (draft.node.type === 'person' && !draft.node.roles.includes(role)) draft.node = { ...draft.node, roles: sortedRoles([...draft.node.roles, role]) };
    return id;
  }

  /** A node is created by the earliest fact that brings it in, by date then position (its tie order too: `seq` follows `createdBy`). */
  private touch(id: string, origin: NetworkOrigin, create: () => NetworkNode): void {
    const existing = this.nodes.get(id);
    if (existing === undefined) this.nodes.set(id, { node: create(), seq: this.seq++ });
    else if (compareOrigins(origin, existing.node.createdBy) < 0) this.nodes.set(id, { node: { ...existing.node, createdBy: origin }, seq: this.seq++ });
  }

  /** Adds one join (a workshop, pledge or collaboration) to the edge between `from` and `to`. */
  join(type: NetworkEdgeType, from: string, to: string, origin: NetworkOrigin, roles: JoinRoles = {}): void {
    const swapped = !NETWORK_EDGE_DIRECTED[type] && from > to;
    const [source, target] = swapped ? [to, from] : [from, to];
    const [sourceRoles, targetRoles] = swapped ? [roles.to, roles.from] : [roles.from, roles.to];
    const id = `${type}:${source}|${target}`;
    const existing = this.edges.get(id) ?? { type, source, target, joins: [], seq: this.seq++ };
    existing.joins.push(origin);
    if (roles.role !== undefined) existing.role = roles.role;
    if (roles.organization !== undefined) existing.organization = roles.organization;
    existing.sourceRoles = addAll(existing.sourceRoles, sourceRoles);
    existing.targetRoles = addAll(existing.targetRoles, targetRoles);
    this.edges.set(id, existing);
  }

  result(chainId: string): NetworkView {
    const nodes = [...this.nodes.values()].sort((a, b) => compareOrigins(a.node.createdBy, b.node.createdBy) || NODE_RANK[a.node.type] - NODE_RANK[b.node.type] || a.seq - b.seq);
    const edges: Array<{ edge: NetworkEdge; seq: number }> = [];
    for (const [id, draft] of this.edges) edges.push({ edge: finishEdge(id, draft), seq: draft.seq });
    edges.sort((a, b) => compareOrigins(a.edge.createdBy, b.edge.createdBy) || EDGE_RANK[a.edge.type] - EDGE_RANK[b.edge.type] || a.seq - b.seq);
    return {
      chainId,
      nodes: Object.fromEntries(nodes.map(({ node }) => [node.id, node])),
      edges: Object.fromEntries(edges.map(({ edge }) => [edge.id, edge])),
    };
  }
}

function finishEdge(id: string, { type, source, target, joins, role, organization, sourceRoles, targetRoles }: EdgeDraft): NetworkEdge {
  // Stable: joins of one date and position keep the order they were added in.
  if (joins.length > 1) joins.sort(compareOrigins);
  const workshops: string[] = [];
  for (const { workshopId } of joins) if (!workshops.includes(workshopId)) workshops.push(workshopId);
  return {
    id,
    type,
    source,
    target,
    weight: joins.length,
    createdBy: joins[0]!,
    workshops,
    joins,
    ...(role === undefined ? {} : { role }),
    ...(organization === undefined ? {} : { organization }),
    ...(sourceRoles === undefined ? {} : { sourceRoles: sortedRoles(sourceRoles) }),
    ...(targetRoles === undefined ? {} : { targetRoles: sortedRoles(targetRoles) }),
  };
}

/** The entries of a map of positions, earliest first. */
const byPosition = <T>(entries: Array<[string, T]>, position: (value: T) => string): Array<[string, T]> =>
  entries.sort(([, a], [, b]) => comparePositions(position(a), position(b)));

const kept = (filter: NetworkFilter, date: string): boolean => filter.until === undefined || Date.parse(date) <= filter.until;

function addWorkshop(builder: NetworkBuilder, doc: NetworkWorkshopView, filter: NetworkFilter): void {
  // Everything the workshop brought in is dated by the workshop: it is in the cut as a whole, or not at all.
  const date = networkDateOf(doc);
  if (!kept(filter, date)) return;
  const at = (position: string): NetworkOrigin => ({ workshopId: doc.workshopId, date, position });
  const workshop = workshopNodeId(doc.workshopId);
  builder.workshop(doc, at(doc.createdBy.position));
  for (const [organizationId, position] of byPosition(Object.entries(doc.coOrganizers), (p) => p)) {
    builder.join('co-organised', builder.organization(organizationId, at(position)), workshop, at(position));
  }
  const roles = filter.roles === undefined ? null : new Set(filter.roles);
  const attendances = byPosition(Object.entries(doc.attendances), (a) => a.position).filter(([, a]) => roles === null || roles.has(a.role));
  // Each organisation present, with its first attendance and the roles its people had here.
  const present = new Map<string, { position: string; roles: Set<WorkshopRole> }>();
  for (const [personId, { organizationId, role, position }] of attendances) {
    const cameFor = organizationId === null ? {} : { organization: organizationNodeId(organizationId) };
    builder.join('participated', builder.person(personId, at(position), role), workshop, at(position), { role, ...cameFor });
    if (organizationId === null) continue;
    const organization = present.get(organizationId);
    if (organization === undefined) present.set(organizationId, { position, roles: new Set([role]) });
    else organization.roles.add(role);
  }
  // Each organisation, as it arrived, shares this workshop with every organisation already there:
  // the pair is joined by the later of the two attendances.
  const arrivals = [...present].map(([organizationId, { position, roles: had }]) => ({ node: builder.organization(organizationId, at(position)), position, roles: had }));
  for (let newcomer = 1; newcomer < arrivals.length; newcomer++) {
    const { node, position, roles: had } = arrivals[newcomer]!;
    for (let earlier = 0; earlier < newcomer; earlier++) {
      builder.join('co-attendance', node, arrivals[earlier]!.node, at(position), { from: had, to: arrivals[earlier]!.roles });
    }
  }
  for (const [, { organizationId, position }] of byPosition(Object.entries(doc.pledges), (p) => p.position)) {
    builder.join('pledged', builder.organization(organizationId, at(position)), workshop, at(position));
  }
}

function addCollaboration(builder: NetworkBuilder, doc: NetworkCollaborationView, filter: NetworkFilter): void {
  // Collaborations keep their own dates: a partner is in the cut once it had joined.
  const partners = Object.entries(doc.partners)
    .filter(([, origin]) => kept(filter, origin.date))
    .sort(([, a], [, b]) => compareOrigins(a, b))
    .map(([organizationId, origin]) => ({ node: builder.organization(organizationId, origin), origin }));
  for (let newcomer = 1; newcomer < partners.length; newcomer++) {
    const { node, origin } = partners[newcomer]!;
    for (let earlier = 0; earlier < newcomer; earlier++) builder.join('collaboration', node, partners[earlier]!.node, origin);
  }
}

/**
 * The network of a chain from its workshop and collaboration documents: organisations, people and workshops
 * as nodes; co-attendance, participated, co-organised, pledged and collaboration edges, each created by
 * the earliest fact behind it by business date (then log position). What a workshop brought in is dated by the
 * workshop; collaborations by their own dates. `filter.until` keeps what is dated up to then (time travel by business
 * date), `filter.roles` the attendances of those roles. Documents of other chains are ignored. Pure: the same
 * documents give the same network.
 */
export function assembleNetwork(
  chainId: string,
  workshopDocs: readonly NetworkWorkshopView[],
  collaborationDocs: readonly NetworkCollaborationView[],
  filter: NetworkFilter = {},
): NetworkView {
  const builder = new NetworkBuilder();
  const workshops = workshopDocs
    .filter((doc) => doc.chainId === chainId)
    .map((doc) => ({ doc, origin: { workshopId: doc.workshopId, date: networkDateOf(doc), position: doc.createdBy.position } }))
    .sort((a, b) => compareOrigins(a.origin, b.origin));
  for (const { doc } of workshops) addWorkshop(builder, doc, filter);
  for (const doc of collaborationDocs) if (doc.chainId === chainId) addCollaboration(builder, doc, filter);
  return builder.result(chainId);
}
