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
// Small immutable updates. Each one is idempotent on its own: a node or edge that exists is kept.
// ------------------------------------------------------------------------------------------------

const withNode = (view: NetworkView, node: NetworkNode): NetworkView =>
  view.nodes[node.id] === undefined ? { ...view, nodes: { ...view.nodes, [node.id]: node } } : view;

const withOrganization = (view: NetworkView, organizationId: string, origin: NetworkOrigin): NetworkView =>
  withNode(view, { id: organizationNodeId(organizationId), type: 'organization', entityId: organizationId, createdBy: origin });

const withPerson = (view: NetworkView, personId: string, origin: NetworkOrigin): NetworkView =>
  withNode(view, { id: personNodeId(personId), type: 'person', entityId: personId, createdBy: origin });

function withWorkshop(view: NetworkView, workshopId: string, origin: NetworkOrigin, change: Partial<WorkshopNode> = {}): NetworkView {
  const id = workshopNodeId(workshopId);
  const existing = view.nodes[id];
  const node: WorkshopNode =
    existing?.type === 'workshop'
      ? { ...existing, ...change }
      : { id, type: 'workshop', entityId: workshopId, title: null, startsAt: null, order: null, cancelled: false, createdBy: origin, ...change };
  return { ...view, nodes: { ...view.nodes, [id]: node } };
}

const withFacts = (view: NetworkView, change: Partial<NetworkView['facts']>): NetworkView => ({
  ...view,
  facts: { ...view.facts, ...change },
});

/** Orders the ends of an undirected edge, so A–B and B–A are one edge. */
function ends(type: NetworkEdgeType, source: string, target: string): [string, string] {
  return NETWORK_EDGE_DIRECTED[type] || source < target ? [source, target] : [target, source];
}

/**
 * Creates the edge (created by `origin`) or updates the existing one. `change` gets the current edge
 * (undefined for a new one) and returns its new weight and workshops.
 */
function withEdge(
  view: NetworkView,
  type: NetworkEdgeType,
  from: string,
  to: string,
  origin: NetworkOrigin,
  change: (edge: NetworkEdge | undefined) => Pick<NetworkEdge, 'weight' | 'workshops'>,
): NetworkView {
  const [source, target] = ends(type, from, to);
  const id = `${type}:${source}|${target}`;
  const existing = view.edges[id];
  const edge: NetworkEdge = existing ? { ...existing, ...change(existing) } : { id, type, source, target, createdBy: origin, ...change(undefined) };
  return { ...view, edges: { ...view.edges, [id]: edge } };
}

const withWorkshopListed = (workshops: readonly string[] | undefined, workshopId: string): string[] =>
  workshops === undefined ? [workshopId] : workshops.includes(workshopId) ? [...workshops] : [...workshops, workshopId];

/** An edge that exists once per (end, workshop) pair, weight 1. */
const withSingleEdge = (view: NetworkView, type: NetworkEdgeType, from: string, workshopId: string, origin: NetworkOrigin): NetworkView =>
  withEdge(view, type, from, workshopNodeId(workshopId), origin, () => ({ weight: 1, workshops: [workshopId] }));

// ------------------------------------------------------------------------------------------------
// Event handlers
// ------------------------------------------------------------------------------------------------

function coOrganised(view: NetworkView, event: RecordedEvent, workshopId: string, organizationId: string): NetworkView {
  const origin = originOf(event, workshopId);
  const next = withOrganization(withWorkshop(view, workshopId, origin), organizationId, origin);
  return withSingleEdge(next, 'co-organised', organizationNodeId(organizationId), workshopId, origin);
}

function attended(view: NetworkView, event: Recorded<AttendanceRecorded>): NetworkView {
  const { workshopId, registrationId, personId } = event.data;
  const origin = originOf(event, workshopId);
  let next = withPerson(withWorkshop(view, workshopId, origin), personId, origin);
  next = withSingleEdge(next, 'participated', personNodeId(personId), workshopId, origin);

  const organizationId = event.data.organizationId ?? next.facts.registrationOrganizations[registrationId] ?? null;
  if (organizationId === null) return next;
  next = withOrganization(next, organizationId, origin);

  const present = next.facts.attendingOrganizations[workshopId] ?? [];
  if (present.includes(organizationId)) return next; // another person of the same organisation, or a replay
  // The new organisation now shares this workshop with every organisation already present.
  for (const other of present) {
    next = withEdge(next, 'co-attendance', organizationNodeId(organizationId), organizationNodeId(other), origin, (edge) => {
      const workshops = withWorkshopListed(edge?.workshops, workshopId);
      return { workshops, weight: workshops.length };
    });
  }
  return withFacts(next, {
    attendingOrganizations: { ...next.facts.attendingOrganizations, [workshopId]: [...present, organizationId] },
  });
}

function pledged(view: NetworkView, event: Recorded<ResourcePledged>): NetworkView {
  const { workshopId, pledgeId, organizationId } = event.data;
  const origin = originOf(event, workshopId);
  const pledges = { ...view.facts.pledges, [pledgeId]: { workshopId, organizationId } };
  const weight = Object.values(pledges).filter((p) => p.workshopId === workshopId && p.organizationId === organizationId).length;
  const next = withOrganization(withWorkshop(withFacts(view, { pledges }), workshopId, origin), organizationId, origin);
  return withEdge(next, 'pledged', organizationNodeId(organizationId), workshopNodeId(workshopId), origin, () => ({
    weight,
    workshops: [workshopId],
  }));
}

/** Joins `newcomer` to each partner with a collaboration edge (called once per new partner of a collaboration). */
function collaborate(view: NetworkView, newcomer: string, partners: readonly string[], origin: NetworkOrigin): NetworkView {
  let next = withOrganization(view, newcomer, origin);
  for (const partner of partners) {
    next = withEdge(next, 'collaboration', organizationNodeId(newcomer), organizationNodeId(partner), origin, (edge) => ({
      weight: (edge?.weight ?? 0) + 1,
      workshops: withWorkshopListed(edge?.workshops, origin.workshopId),
    }));
  }
  return next;
}

function collaborationRecorded(view: NetworkView, event: Recorded<CollaborationRecorded>): NetworkView {
  const { collaborationId, sparkedByWorkshopId, organizationIds } = event.data;
  // Routing sends only collaborations sparked by a workshop of this chain; a replay finds the facts already there.
  if (sparkedByWorkshopId === null || view.facts.collaborations[collaborationId] !== undefined) return view;
  const origin = originOf(event, sparkedByWorkshopId);
  const partners = [...new Set(organizationIds)];
  let next = withWorkshop(view, sparkedByWorkshopId, origin);
  partners.forEach((organizationId, index) => {
    next = collaborate(next, organizationId, partners.slice(0, index), origin);
  });
  return withFacts(next, {
    collaborations: { ...next.facts.collaborations, [collaborationId]: { workshopId: sparkedByWorkshopId, organizationIds: partners } },
  });
}

function partnerAdded(view: NetworkView, event: Recorded<CollaborationPartnerAdded>): NetworkView {
  const { collaborationId, organizationId } = event.data;
  const collaboration = view.facts.collaborations[collaborationId];
  if (collaboration === undefined || collaboration.organizationIds.includes(organizationId)) return view;
  const next = collaborate(view, organizationId, collaboration.organizationIds, originOf(event, collaboration.workshopId));
  return withFacts(next, {
    collaborations: {
      ...next.facts.collaborations,
      [collaborationId]: { ...collaboration, organizationIds: [...collaboration.organizationIds, organizationId] },
    },
  });
}

function apply(view: NetworkView, event: HandledEvent): NetworkView {
  switch (event.type) {
    case 'ChainStarted':
      return view; // makes the (empty) network of the chain exist
    case 'WorkshopAddedToChain': {
      const { workshopId, order } = event.data;
      return withWorkshop(view, workshopId, originOf(event, workshopId), { order });
    }
    case 'WorkshopPlanned': {
      const { workshopId, title, startsAt, coOrganizerIds } = event.data;
      let next = withWorkshop(view, workshopId, originOf(event, workshopId), { title, startsAt });
      for (const organizationId of coOrganizerIds) next = coOrganised(next, event, workshopId, organizationId);
      return next;
    }
    case 'WorkshopRescheduled':
      return withWorkshop(view, event.data.workshopId, originOf(event, event.data.workshopId), { startsAt: event.data.startsAt });
    case 'WorkshopCancelled':
      return withWorkshop(view, event.data.workshopId, originOf(event, event.data.workshopId), { cancelled: true });
    case 'CoOrganizerAdded':
      return coOrganised(view, event, event.data.workshopId, event.data.organizationId);
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
      return withFacts(view, {
        registrationOrganizations: { ...view.facts.registrationOrganizations, [event.data.registrationId]: event.data.organizationId },
      });
    case 'AttendanceRecorded':
      return attended(view, event);
    case 'ResourcePledged':
      return pledged(view, event);
    case 'CollaborationRecorded':
      return collaborationRecorded(view, event);
    case 'CollaborationPartnerAdded':
      return partnerAdded(view, event);
    default:
      return view;
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
    const next = apply(view ?? empty(key), recorded as HandledEvent);
    return { ...next, lastPosition: recorded.position.toString() };
  },
};
