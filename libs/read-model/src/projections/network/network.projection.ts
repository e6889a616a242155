import type { RecordedEvent } from '@kuhina/event-store';
import type {
  AttendanceRecorded,
  ChainStarted,
  CoOrganizerAdded,
  CollaborationPartnerAdded,
  CollaborationRecorded,
  ParticipantRegistered,
  ParticipantWaitlisted,
  ResourcePledged,
  WorkshopAddedToChain,
  WorkshopCancelled,
  WorkshopPlanned,
  WorkshopRescheduled,
} from '@kuhina/domain';
import type { Projection, ViewLookup } from '../../projection';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';
import { COLLABORATION_WORKSHOP_INDEX } from './collaboration-workshop-index.projection';
import type { CollaborationWorkshopIndexView } from './collaboration-workshop-index.view';
import {
  NETWORK_COLLECTION,
  NETWORK_EDGE_DIRECTED,
  organizationNodeId,
  personNodeId,
  workshopNodeId,
  type NetworkEdge,
  type NetworkEdgeType,
  type NetworkFacts,
  type NetworkNode,
  type NetworkOrigin,
  type NetworkView,
  type WorkshopNode,
} from './network.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type Recorded<E> = E extends { type: infer T extends string; data: infer D } ? RecordedEvent<T, D> : never;
type HandledEvent = Recorded<
  | ChainStarted
  | WorkshopAddedToChain
  | WorkshopPlanned
  | WorkshopRescheduled
  | WorkshopCancelled
  | CoOrganizerAdded
  | ParticipantRegistered
  | ParticipantWaitlisted
  | AttendanceRecorded
  | ResourcePledged
  | CollaborationRecorded
  | CollaborationPartnerAdded
>;

const EVENT_TYPES: readonly HandledEvent['type'][] = [
  'ChainStarted',
  'WorkshopAddedToChain',
  'WorkshopPlanned',
  'WorkshopRescheduled',
  'WorkshopCancelled',
  'CoOrganizerAdded',
  'ParticipantRegistered',
  'ParticipantWaitlisted',
  'AttendanceRecorded',
  'ResourcePledged',
  'CollaborationRecorded',
  'CollaborationPartnerAdded',
];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

const alreadyApplied = (view: NetworkView | undefined, event: RecordedEvent): boolean =>
  view !== undefined && event.position <= BigInt(view.lastPosition);

const empty = (chainId: string): NetworkView => ({
  chainId,
  nodes: {},
  edges: {},
  facts: { registrationOrganizations: {}, attendingOrganizations: {}, pledges: {}, collaborations: {} },
  lastPosition: '-1',
});

const originOf = (event: RecordedEvent, workshopId: string): NetworkOrigin => ({
  workshopId,
  date: event.metadata.occurredAt,
  position: event.position.toString(),
});

// ------------------------------------------------------------------------------------------------
// A copy-on-write draft of one document. A chain's network holds tens of thousands of edges: copying the
// edge map once per changed edge made replays quadratic, so each map is copied at most once per event,
// on its first write, and the fresh copy is then changed in place. The input view is never mutated.
// ------------------------------------------------------------------------------------------------

class NetworkDraft {
  private nodes: Record<string, NetworkNode> | null = null;
  private edges: Record<string, NetworkEdge> | null = null;
  private facts: Partial<NetworkFacts> = {};

  constructor(private readonly base: NetworkView) {}

  node(id: string): NetworkNode | undefined {
    return (this.nodes ?? this.base.nodes)[id];
  }

  /** Adds the node unless it exists: the first event that brought it in stays its origin. */
  addNode(node: NetworkNode): void {
    if (this.node(node.id) === undefined) this.putNode(node);
  }

  putNode(node: NetworkNode): void {
    (this.nodes ??= { ...this.base.nodes })[node.id] = node;
  }

  edge(id: string): NetworkEdge | undefined {
    return (this.edges ?? this.base.edges)[id];
  }

  putEdge(edge: NetworkEdge): void {
    (this.edges ??= { ...this.base.edges })[edge.id] = edge;
  }

  fact<K extends keyof NetworkFacts>(name: K): NetworkFacts[K] {
    return this.facts[name] ?? this.base.facts[name];
  }

  /** Sets one entry of a fact map (copying the map on its first write in this event). */
  putFact<K extends keyof NetworkFacts>(name: K, id: string, value: NetworkFacts[K][string]): void {
    const map = (this.facts[name] ??= { ...this.base.facts[name] }) as Record<string, NetworkFacts[K][string]>;
    map[id] = value;
  }

  result(lastPosition: string): NetworkView {
    return {
      ...this.base,
      nodes: this.nodes ?? this.base.nodes,
      edges: this.edges ?? this.base.edges,
      facts: { ...this.base.facts, ...this.facts },
      lastPosition,
    };
  }
}

const addOrganization = (draft: NetworkDraft, organizationId: string, origin: NetworkOrigin): void =>
  draft.addNode({ id: organizationNodeId(organizationId), type: 'organization', entityId: organizationId, createdBy: origin });

const addPerson = (draft: NetworkDraft, personId: string, origin: NetworkOrigin): void =>
  draft.addNode({ id: personNodeId(personId), type: 'person', entityId: personId, createdBy: origin });

/** Creates the workshop node (with `origin`) if needed, and applies `change` to it. */
function touchWorkshop(draft: NetworkDraft, workshopId: string, origin: NetworkOrigin, change: Partial<WorkshopNode> = {}): void {
  const id = workshopNodeId(workshopId);
  const existing = draft.node(id);
  if (existing?.type === 'workshop') {
    if (Object.keys(change).length > 0) draft.putNode({ ...existing, ...change });
    return;
  }
  draft.putNode({ id, type: 'workshop', entityId: workshopId, title: null, startsAt: null, order: null, cancelled: false, createdBy: origin, ...change });
}

/** Orders the ends of an undirected edge, so A–B and B–A are one edge. */
function ends(type: NetworkEdgeType, source: string, target: string): [string, string] {
  return NETWORK_EDGE_DIRECTED[type] || source < target ? [source, target] : [target, source];
}

/**
 * Creates the edge (created by `origin`) or updates the existing one. `change` gets the current edge
 * (undefined for a new one) and returns its new weight and workshops.
 */
function putEdge(
  draft: NetworkDraft,
  type: NetworkEdgeType,
  from: string,
  to: string,
  origin: NetworkOrigin,
  change: (edge: NetworkEdge | undefined) => Pick<NetworkEdge, 'weight' | 'workshops'>,
): void {
  const [source, target] = ends(type, from, to);
  const id = `${type}:${source}|${target}`;
  const existing = draft.edge(id);
  draft.putEdge(existing ? { ...existing, ...change(existing) } : { id, type, source, target, createdBy: origin, ...change(undefined) });
}

const withWorkshopListed = (workshops: readonly string[] | undefined, workshopId: string): string[] =>
  workshops === undefined ? [workshopId] : workshops.includes(workshopId) ? [...workshops] : [...workshops, workshopId];

/** An edge that exists once per (end, workshop) pair, weight 1. */
function putSingleEdge(draft: NetworkDraft, type: NetworkEdgeType, from: string, workshopId: string, origin: NetworkOrigin): void {
  if (draft.edge(`${type}:${from}|${workshopNodeId(workshopId)}`) !== undefined) return;
  putEdge(draft, type, from, workshopNodeId(workshopId), origin, () => ({ weight: 1, workshops: [workshopId] }));
}

// ------------------------------------------------------------------------------------------------
// Event handlers
// ------------------------------------------------------------------------------------------------

function coOrganised(draft: NetworkDraft, event: RecordedEvent, workshopId: string, organizationId: string): void {
  const origin = originOf(event, workshopId);
  touchWorkshop(draft, workshopId, origin);
  addOrganization(draft, organizationId, origin);
  putSingleEdge(draft, 'co-organised', organizationNodeId(organizationId), workshopId, origin);
}

function attended(draft: NetworkDraft, event: Recorded<AttendanceRecorded>): void {
  const { workshopId, registrationId, personId } = event.data;
  const origin = originOf(event, workshopId);
  touchWorkshop(draft, workshopId, origin);
  addPerson(draft, personId, origin);
  putSingleEdge(draft, 'participated', personNodeId(personId), workshopId, origin);

  const organizationId = event.data.organizationId ?? draft.fact('registrationOrganizations')[registrationId] ?? null;
  if (organizationId === null) return;
  addOrganization(draft, organizationId, origin);

  const present = draft.fact('attendingOrganizations')[workshopId] ?? [];
  if (present.includes(organizationId)) return; // another person of the same organisation, or a replay
  // The new organisation now shares this workshop with every organisation already present.
  for (const other of present) {
    putEdge(draft, 'co-attendance', organizationNodeId(organizationId), organizationNodeId(other), origin, (edge) => {
      const workshops = withWorkshopListed(edge?.workshops, workshopId);
      return { workshops, weight: workshops.length };
    });
  }
  draft.putFact('attendingOrganizations', workshopId, [...present, organizationId]);
}

function pledged(draft: NetworkDraft, event: Recorded<ResourcePledged>): void {
  const { workshopId, pledgeId, organizationId } = event.data;
  const origin = originOf(event, workshopId);
  draft.putFact('pledges', pledgeId, { workshopId, organizationId });
  const weight = Object.values(draft.fact('pledges')).filter((p) => p.workshopId === workshopId && p.organizationId === organizationId).length;
  touchWorkshop(draft, workshopId, origin);
  addOrganization(draft, organizationId, origin);
  putEdge(draft, 'pledged', organizationNodeId(organizationId), workshopNodeId(workshopId), origin, () => ({ weight, workshops: [workshopId] }));
}

/** Joins `newcomer` to each partner with a collaboration edge (called once per new partner of a collaboration). */
function collaborate(draft: NetworkDraft, newcomer: string, partners: readonly string[], origin: NetworkOrigin): void {
  addOrganization(draft, newcomer, origin);
  for (const partner of partners) {
    putEdge(draft, 'collaboration', organizationNodeId(newcomer), organizationNodeId(partner), origin, (edge) => ({
      weight: (edge?.weight ?? 0) + 1,
      workshops: withWorkshopListed(edge?.workshops, origin.workshopId),
    }));
  }
}

function collaborationRecorded(draft: NetworkDraft, event: Recorded<CollaborationRecorded>): void {
  const { collaborationId, sparkedByWorkshopId, organizationIds } = event.data;
  // Routing sends only collaborations sparked by a workshop of this chain; a replay finds the facts already there.
  if (sparkedByWorkshopId === null || draft.fact('collaborations')[collaborationId] !== undefined) return;
  const origin = originOf(event, sparkedByWorkshopId);
  const partners = [...new Set(organizationIds)];
  touchWorkshop(draft, sparkedByWorkshopId, origin);
  partners.forEach((organizationId, index) => collaborate(draft, organizationId, partners.slice(0, index), origin));
  draft.putFact('collaborations', collaborationId, { workshopId: sparkedByWorkshopId, organizationIds: partners });
}

function partnerAdded(draft: NetworkDraft, event: Recorded<CollaborationPartnerAdded>): void {
  const { collaborationId, organizationId } = event.data;
  const collaboration = draft.fact('collaborations')[collaborationId];
  if (collaboration === undefined || collaboration.organizationIds.includes(organizationId)) return;
  collaborate(draft, organizationId, collaboration.organizationIds, originOf(event, collaboration.workshopId));
  draft.putFact('collaborations', collaborationId, { ...collaboration, organizationIds: [...collaboration.organizationIds, organizationId] });
}

function apply(draft: NetworkDraft, event: HandledEvent): void {
  switch (event.type) {
    case 'ChainStarted':
      return; // makes the (empty) network of the chain exist
    case 'WorkshopAddedToChain':
      return touchWorkshop(draft, event.data.workshopId, originOf(event, event.data.workshopId), { order: event.data.order });
    case 'WorkshopPlanned': {
      const { workshopId, title, startsAt, coOrganizerIds } = event.data;
      touchWorkshop(draft, workshopId, originOf(event, workshopId), { title, startsAt });
      for (const organizationId of coOrganizerIds) coOrganised(draft, event, workshopId, organizationId);
      return;
    }
    case 'WorkshopRescheduled':
      return touchWorkshop(draft, event.data.workshopId, originOf(event, event.data.workshopId), { startsAt: event.data.startsAt });
    case 'WorkshopCancelled':
      return touchWorkshop(draft, event.data.workshopId, originOf(event, event.data.workshopId), { cancelled: true });
    case 'CoOrganizerAdded':
      return coOrganised(draft, event, event.data.workshopId, event.data.organizationId);
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
      return draft.putFact('registrationOrganizations', event.data.registrationId, event.data.organizationId);
    case 'AttendanceRecorded':
      return attended(draft, event);
    case 'ResourcePledged':
      return pledged(draft, event);
    case 'CollaborationRecorded':
      return collaborationRecorded(draft, event);
    case 'CollaborationPartnerAdded':
      return partnerAdded(draft, event);
    default:
      return;
  }
}

// ------------------------------------------------------------------------------------------------
// Routing: one document per chain
// ------------------------------------------------------------------------------------------------

async function chainOfWorkshop(lookup: ViewLookup, workshopId: string): Promise<string[]> {
  const entry = await lookup.get<WorkshopChainIndexView>(WORKSHOP_CHAIN_INDEX, workshopId);
  return entry === null ? [] : [entry.chainId];
}

async function route(event: HandledEvent, lookup: ViewLookup): Promise<string[]> {
  switch (event.type) {
    case 'ChainStarted':
    case 'WorkshopAddedToChain':
      return [event.data.chainId];
    case 'WorkshopPlanned':
      return event.data.chainId === null ? chainOfWorkshop(lookup, event.data.workshopId) : [event.data.chainId];
    case 'CollaborationRecorded':
      return event.data.sparkedByWorkshopId === null ? [] : chainOfWorkshop(lookup, event.data.sparkedByWorkshopId);
    case 'CollaborationPartnerAdded': {
      const entry = await lookup.get<CollaborationWorkshopIndexView>(COLLABORATION_WORKSHOP_INDEX, event.data.collaborationId);
      return entry === null ? [] : chainOfWorkshop(lookup, entry.sparkedByWorkshopId);
    }
    default:
      // Every other handled event is a workshop event; a workshop in no chain is in no network.
      return chainOfWorkshop(lookup, event.data.workshopId);
  }
}

/**
 * GET /network — per chain, organisations, people and workshops as nodes and typed edges, each knowing the
 * workshop, business date and log position that created it (so analysts can replay the graph "as of").
 * Needs the workshop-chain index and the collaboration-workshop index earlier in the projector's array.
 */
export const networkProjection: Projection<NetworkView> = {
  name: 'network',
  version: 1,
  collection: NETWORK_COLLECTION,
  eventTypes: EVENT_TYPES,

  async keysOf(event: RecordedEvent, lookup: ViewLookup): Promise<string[]> {
    return handled.has(event.type) ? route(event as HandledEvent, lookup) : [];
  },

  project(view: NetworkView | undefined, recorded: RecordedEvent, key: string): NetworkView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const draft = new NetworkDraft(view ?? empty(key));
    apply(draft, recorded as HandledEvent);
    return draft.result(recorded.position.toString());
  },
};
