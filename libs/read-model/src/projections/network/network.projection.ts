import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import { roleOf } from '@kuhina/domain';
import type {
  AttendanceRecorded,
  CoOrganizerAdded,
  CollaborationDetailsUpdated,
  CollaborationPartnerAdded,
  CollaborationRecorded,
  ParticipantRegistered,
  ParticipantWaitlisted,
  ResourcePledged,
  WorkshopAddedToChain,
  WorkshopCancelled,
  WorkshopHeld,
  WorkshopPlanned,
  WorkshopRescheduled,
} from '@kuhina/domain';
import { alreadyApplied, asIdMap, idMap, lookupThen, mutatorProjection, eventPositionText, type ViewLookup } from '../../projection';
import type { PutOptions } from '../../read-store.port';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';
import { COLLABORATION_WORKSHOP_INDEX } from './collaboration-workshop-index.projection';
import type { CollaborationWorkshopIndexView } from './collaboration-workshop-index.view';
import {
  NETWORK_ATTENDED_AT_INDEX,
  NETWORK_COLLABORATIONS_COLLECTION,
  NETWORK_WORKSHOPS_COLLECTION,
  networkRegistrationId,
  type NetworkCollaborationView,
  type NetworkOrigin,
  type NetworkRegistrationDocument,
  type NetworkWorkshopDocument,
  type NetworkWorkshopsDocument,
} from './network.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */

/** Collaborations keep the business time of their own events; a workshop's facts only their position (see network.view.ts). */
const originOf = (event: RecordedEvent, workshopId: string): NetworkOrigin => ({
  workshopId,
  date: event.metadata.occurredAt,
  position: eventPositionText(event),
});

/** Sets `id` to `value` unless it is already there (the first fact stays; a replay changes nothing). */
function setFirst<T>(map: Record<string, T>, id: string, value: T): void {
  if (!(id in map)) map[id] = value;
}

async function chainOfWorkshop(lookup: ViewLookup, workshopId: string): Promise<string | null> {
  const entry = await lookup.get<WorkshopChainIndexView>(WORKSHOP_CHAIN_INDEX, workshopId);
  return entry === null ? null : entry.chainId;
}

// ------------------------------------------------------------------------------------------------
// network: one document per workshop of a chain
// ------------------------------------------------------------------------------------------------

type WorkshopNetworkEvent = Recorded<
  | WorkshopAddedToChain
  | WorkshopPlanned
  | WorkshopRescheduled
  | WorkshopHeld
  | WorkshopCancelled
  | CoOrganizerAdded
  | ParticipantRegistered
  | ParticipantWaitlisted
  | AttendanceRecorded
  | ResourcePledged
>;

const WORKSHOP_EVENT_TYPES: readonly WorkshopNetworkEvent['type'][] = [
  'WorkshopAddedToChain',
  'WorkshopPlanned',
  'WorkshopRescheduled',
  'WorkshopHeld',
  'WorkshopCancelled',
  'CoOrganizerAdded',
  'ParticipantRegistered',
  'ParticipantWaitlisted',
  'AttendanceRecorded',
  'ResourcePledged',
];
const workshopHandled: ReadonlySet<string> = new Set(WORKSHOP_EVENT_TYPES);

const newWorkshop = (workshopId: string, chainId: string, createdBy: NetworkOrigin): NetworkWorkshopDocument => ({
  workshopId,
  chainId,
  title: null,
  startsAt: null,
  heldOn: null,
  order: null,
  cancelled: false,
  createdBy,
  coOrganizers: idMap(),
  pledges: idMap(),
  lastPosition: '-1',
});

/** The events kept in a document per registration (the workshop's document only moves its position). */
const perRegistration: ReadonlySet<string> = new Set(['ParticipantRegistered', 'ParticipantWaitlisted', 'AttendanceRecorded']);

/** A registration's document after its registration or attendance (changed in place; a new one if there is none). */
function applyToRegistration(view: NetworkRegistrationDocument | undefined, event: Recorded<ParticipantRegistered | ParticipantWaitlisted | AttendanceRecorded>): NetworkRegistrationDocument {
  const { workshopId, registrationId } = event.data;
  const current = view ?? { workshopId, registrationId, organizationId: null, attendance: null, lastPosition: '-1' };
  if (event.type !== 'AttendanceRecorded') {
    current.organizationId = event.data.organizationId;
    return current;
  }
  // A second attendance (or a replay) keeps the first; the assembly keeps a person's first over their registrations.
  if (current.attendance === null) {
    const organizationId = event.data.organizationId ?? current.organizationId ?? null;
    current.attendance = { personId: event.data.personId, organizationId, role: roleOf(event.data), position: eventPositionText(event) };
  }
  return current;
}

/**
 * The workshop document after `event`, changed in place (the position guard and lastPosition are the caller's);
 * undefined when there is no document and the event does not make one. Each fact gets an object of its own.
 */
function applyToWorkshop(view: NetworkWorkshopDocument | undefined, event: WorkshopNetworkEvent, key: string): NetworkWorkshopDocument | undefined {
  switch (event.type) {
    case 'WorkshopAddedToChain': {
      const current = view ?? newWorkshop(key, event.data.chainId, originOf(event, key));
      current.chainId = event.data.chainId;
      current.order = event.data.order;
      return current;
    }
    case 'WorkshopPlanned': {
      const { chainId, title, startsAt, coOrganizerIds } = event.data;
      // A plan naming no chain reaches an existing document only (the workshop was added to a chain first).
      const current = view ?? (chainId === null ? undefined : newWorkshop(key, chainId, originOf(event, key)));
      if (current === undefined) return undefined;
      for (const organizationId of coOrganizerIds) setFirst(current.coOrganizers, organizationId, eventPositionText(event));
      current.title = title;
      current.startsAt = startsAt;
      return current;
    }
    default:
      break;
  }
  // Every other fact needs the document: without it the chain of the workshop is unknown (and a replay
  // of the network alone, with the index already complete, must not see facts the live run skipped).
  if (view === undefined) return undefined;
  switch (event.type) {
    case 'WorkshopRescheduled':
      view.startsAt = event.data.startsAt;
      break;
    case 'WorkshopHeld':
      view.heldOn = event.data.heldOn;
      break;
    case 'WorkshopCancelled':
      view.cancelled = true;
      break;
    case 'CoOrganizerAdded':
      setFirst(view.coOrganizers, event.data.organizationId, eventPositionText(event));
      break;
    case 'ResourcePledged':
      setFirst(view.pledges, event.data.pledgeId, { organizationId: event.data.organizationId, position: eventPositionText(event) });
      break;
    default:
      break;
  }
  return view;
}

/** The document's maps, as idMaps (they are plain objects when read from the store): the draft gains ids in them. */
function draftMaps(view: NetworkWorkshopDocument): void {
  view.coOrganizers = asIdMap(view.coOrganizers);
  view.pledges = asIdMap(view.pledges);
}

/** Chain order first (as the workshop-chain index lists them); workshops not yet ordered last, by start. */
const workshopSortKey = (view: NetworkWorkshopDocument): string =>
  view.order === null ? `~${view.startsAt ?? ''}` : String(view.order).padStart(6, '0');

/**
 * The network facts of each workshop of a chain (attendances with their organisation and role, co-organisers,
 * pledges), each with the log position that brought it in; the workshop's date (start, held day) dates them all. One small document
 * per workshop, and one per registration (its organisation and attendance), keep every event's work constant whatever
 * the size of the workshop; `networkWorkshopsOf` and `assembleNetwork` derive the chain's graph at query time.
 * Needs the workshop-chain index earlier in the projector's array.
 */
export const networkProjection = mutatorProjection<NetworkWorkshopsDocument>({
  name: 'network',
  // 2: per-workshop documents instead of one graph per chain. 3: facts dated by the workshop (heldOn kept), attendances with roles.
  // 4: registrations and attendances in a document per registration, not in the workshop's document.
  version: 4,
  collection: NETWORK_WORKSHOPS_COLLECTION,
  eventTypes: WORKSHOP_EVENT_TYPES,
  readsFrom: [WORKSHOP_CHAIN_INDEX],

  keysOf(event: RecordedEvent, lookup: ViewLookup): string[] | Promise<string[]> {
    if (!workshopHandled.has(event.type)) return [];
    const routed = event as WorkshopNetworkEvent;
    const { workshopId } = routed.data;
    if (routed.type === 'WorkshopAddedToChain') return [workshopId];
    if (routed.type === 'WorkshopPlanned' && routed.data.chainId !== null) return [workshopId];
    // A workshop in no chain is in no network. Its index entry comes with the events that make the workshop's document
    // (in step: the index runs first, and a rebuild of this projection rebuilds the index with it), so a registration
    // or attendance routed here belongs to a workshop whose document exists; that document moves its position too
    // (a constant write: it holds no registration), the registration's own document takes the fact.
    const keys = perRegistration.has(routed.type) ? [workshopId, networkRegistrationId(workshopId, (routed.data as { registrationId: string }).registrationId)] : [workshopId];
    return lookupThen<WorkshopChainIndexView, string[]>(lookup, WORKSHOP_CHAIN_INDEX, workshopId, (entry) => (entry === null ? [] : keys));
  },

  apply(view: NetworkWorkshopsDocument | undefined, recorded: RecordedEvent, key: string): NetworkWorkshopsDocument | undefined {
    if (!workshopHandled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = recorded as WorkshopNetworkEvent;
    let next: NetworkWorkshopsDocument | undefined;
    if (key !== event.data.workshopId) {
      next = applyToRegistration(view as NetworkRegistrationDocument | undefined, event as Recorded<ParticipantRegistered | ParticipantWaitlisted | AttendanceRecorded>);
    } else if (perRegistration.has(event.type)) {
      next = view;
    } else {
      if (view) draftMaps(view as NetworkWorkshopDocument);
      next = applyToWorkshop(view as NetworkWorkshopDocument | undefined, event, key);
    }
    if (next === undefined) return view;
    next.lastPosition = eventPositionText(recorded);
    return next;
  },

  indexesOf(doc: NetworkWorkshopsDocument): PutOptions {
    if ('registrationId' in doc) return doc.attendance === null ? {} : { indexes: { [NETWORK_ATTENDED_AT_INDEX]: doc.workshopId } };
    return { indexes: { chainId: doc.chainId }, sortKey: workshopSortKey(doc) };
  },
});

// ------------------------------------------------------------------------------------------------
// network-collaborations: one document per collaboration sparked by a workshop of a chain
// ------------------------------------------------------------------------------------------------

type CollaborationNetworkEvent = Recorded<CollaborationRecorded | CollaborationPartnerAdded | CollaborationDetailsUpdated>;

const COLLABORATION_EVENT_TYPES: readonly CollaborationNetworkEvent['type'][] = ['CollaborationRecorded', 'CollaborationPartnerAdded', 'CollaborationDetailsUpdated'];
const collaborationHandled: ReadonlySet<string> = new Set(COLLABORATION_EVENT_TYPES);

// `project` may not look anything up, yet the document must know its chain (for the chainId index):
// the key carries the chain that `keysOf` found. Chain ids are UUIDs, so the first '/' separates them.
const KEY_SEPARATOR = '/';

/** Document id of a collaboration in the network-collaborations collection: `<chainId>/<collaborationId>`. */
export const networkCollaborationKey = (chainId: string, collaborationId: string): string => `${chainId}${KEY_SEPARATOR}${collaborationId}`;

const chainOfKey = (key: string): string => key.slice(0, key.indexOf(KEY_SEPARATOR));

/**
 * The collaboration document after `event`, changed in place; undefined when the event changes nothing (no
 * document to change, or nothing to change in it: its lastPosition then stays as it was).
 */
function applyToCollaboration(view: NetworkCollaborationView | undefined, event: CollaborationNetworkEvent, key: string): NetworkCollaborationView | undefined {
  switch (event.type) {
    case 'CollaborationRecorded': {
      const { collaborationId, sparkedByWorkshopId, organizationIds, title } = event.data;
      if (sparkedByWorkshopId === null) return undefined;
      // Recorded again onto an existing document (a replay) only fills in missing partners: later titles stay.
      const current = view ?? { collaborationId, chainId: chainOfKey(key), workshopId: sparkedByWorkshopId, title, partners: idMap(), lastPosition: '-1' };
      current.partners = asIdMap(current.partners);
      for (const organizationId of organizationIds) setFirst(current.partners, organizationId, originOf(event, current.workshopId));
      return current;
    }
    case 'CollaborationPartnerAdded':
      if (view === undefined) return undefined;
      view.partners = asIdMap(view.partners);
      setFirst(view.partners, event.data.organizationId, originOf(event, view.workshopId));
      return view;
    case 'CollaborationDetailsUpdated':
      if (view === undefined || event.data.title === undefined) return undefined;
      view.title = event.data.title;
      return view;
    default:
      return undefined;
  }
}

/**
 * The partners of each collaboration sparked by a workshop of a chain, each with when they joined.
 * Needs the workshop-chain and collaboration-workshop indexes earlier in the projector's array.
 */
export const networkCollaborationsProjection = mutatorProjection<NetworkCollaborationView>({
  name: NETWORK_COLLABORATIONS_COLLECTION,
  version: 1,
  collection: NETWORK_COLLABORATIONS_COLLECTION,
  eventTypes: COLLABORATION_EVENT_TYPES,
  readsFrom: [COLLABORATION_WORKSHOP_INDEX, WORKSHOP_CHAIN_INDEX],

  async keysOf(event: RecordedEvent, lookup: ViewLookup): Promise<string[]> {
    if (!collaborationHandled.has(event.type)) return [];
    const routed = event as CollaborationNetworkEvent;
    const { collaborationId } = routed.data;
    let workshopId: string | null;
    if (routed.type === 'CollaborationRecorded') {
      workshopId = routed.data.sparkedByWorkshopId;
    } else {
      const entry = await lookup.get<CollaborationWorkshopIndexView>(COLLABORATION_WORKSHOP_INDEX, collaborationId);
      workshopId = entry === null ? null : entry.sparkedByWorkshopId;
    }
    // A collaboration sparked by no workshop (or by one in no chain) belongs to no chain's network.
    const chainId = workshopId === null ? null : await chainOfWorkshop(lookup, workshopId);
    return chainId === null ? [] : [networkCollaborationKey(chainId, collaborationId)];
  },

  apply(view: NetworkCollaborationView | undefined, recorded: RecordedEvent, key: string): NetworkCollaborationView | undefined {
    if (!collaborationHandled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const next = applyToCollaboration(view, recorded as CollaborationNetworkEvent, key);
    if (next === undefined) return view;
    next.lastPosition = eventPositionText(recorded);
    return next;
  },

  indexesOf(view: NetworkCollaborationView): PutOptions {
    return { indexes: { chainId: view.chainId } };
  },
});
