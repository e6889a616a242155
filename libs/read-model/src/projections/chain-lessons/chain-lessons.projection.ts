import { roleOf, type ChainEvent, type Debrief, type WorkshopEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import type { PutOptions } from '../../read-store.port';
import { alreadyApplied, eventPositionText, mutatorProjection } from '../../projection';
import {
  CHAIN_LESSONS_COLLECTION,
  PART_OF_ENTITY_INDEX,
  PART_OF_WORKSHOP_INDEX,
  organizationEntity,
  partKey,
  personEntity,
  workshopLessonsKey,
  type ChainLessonsDocument,
  type ChainLessonsPartDocument,
  type DebriefHistory,
  type DebriefVersion,
  type OrganizationPart,
} from './chain-lessons.view';

// GET /chains/:id/lessons: the chain's debrief, its workshops' (with title and date), the chain it follows, and the
// history of the organisations and people who took part, across chains. Its own documents only (no lookups): the
// query gathers a chain's workshops by the chainId index and walks followsChainId.

type LessonsEvent = ChainEvent | WorkshopEvent;
const asEvent = (event: RecordedEvent): LessonsEvent => event as unknown as LessonsEvent;

const EVENT_TYPES = [
  'ChainStarted',
  'ChainDetailsUpdated',
  'ChainClosed',
  'ChainDebriefRecorded',
  'WorkshopAddedToChain',
  'WorkshopPlanned',
  'WorkshopRescheduled',
  'WorkshopHeld',
  'WorkshopCancelled',
  'WorkshopDebriefRecorded',
  'CoOrganizerAdded',
  'ResourcePledged',
  'ParticipantRegistered',
  'AttendanceRecorded',
] as const satisfies readonly LessonsEvent['type'][];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

function keysOf(recorded: RecordedEvent): string[] {
  if (!handled.has(recorded.type)) return [];
  const event = asEvent(recorded);
  switch (event.type) {
    case 'ChainStarted':
      // The chain followed learns who follows it.
      return event.data.followsChainId ? [event.data.chainId, event.data.followsChainId] : [event.data.chainId];
    case 'ChainDetailsUpdated':
    case 'ChainClosed':
    case 'ChainDebriefRecorded':
      return [event.data.chainId];
    case 'WorkshopPlanned': {
      const { workshopId, coOrganizerIds } = event.data;
      return [workshopLessonsKey(workshopId), ...new Set(coOrganizerIds.map((id) => partKey(workshopId, organizationEntity(id))))];
    }
    case 'WorkshopAddedToChain':
    case 'WorkshopRescheduled':
    case 'WorkshopHeld':
    case 'WorkshopCancelled':
    case 'WorkshopDebriefRecorded':
      return [workshopLessonsKey(event.data.workshopId)];
    case 'CoOrganizerAdded':
    case 'ResourcePledged':
      return [partKey(event.data.workshopId, organizationEntity(event.data.organizationId))];
    case 'ParticipantRegistered':
    case 'AttendanceRecorded': {
      const { workshopId, personId, organizationId } = event.data;
      const person = partKey(workshopId, personEntity(personId));
      return organizationId === null ? [person] : [person, partKey(workshopId, organizationEntity(organizationId))];
    }
    default:
      return [];
  }
}

const versionOf = (d: Debrief & { version: number }, recordedAt: string): DebriefVersion => ({
  version: d.version,
  whatWorked: d.whatWorked,
  whatToDevelop: d.whatToDevelop,
  lessons: [...d.lessons],
  authorRole: d.authorRole,
  heldOn: d.heldOn ?? null,
  recordedAt,
});

/** The latest version replaces the one in force, which joins the earlier ones; a version seen already changes nothing. */
function revise(doc: DebriefHistory, next: DebriefVersion): void {
  const current = doc.debrief;
  if (current !== null && current.version >= next.version) return;
  if (current !== null) doc.earlierVersions.push(current);
  doc.debrief = next;
}

/** How a person or organisation took part in a workshop (a set: the same fact twice adds nothing). */
function tookPart(doc: ChainLessonsPartDocument, part: string, attended: boolean): ChainLessonsPartDocument {
  if (!doc.parts.includes(part)) doc.parts.push(part);
  if (attended) doc.attended = true;
  return doc;
}

function applyPart(view: ChainLessonsDocument | undefined, event: LessonsEvent, key: string, lastPosition: string): ChainLessonsDocument | undefined {
  const [, workshopId, kind, id] = key.split(':');
  const doc: ChainLessonsPartDocument = view?.kind === 'part' ? view : { kind: 'part', workshopId, entity: `${kind}:${id}`, parts: [], attended: false, lastPosition };
  doc.lastPosition = lastPosition;
  switch (event.type) {
    case 'WorkshopPlanned':
    case 'CoOrganizerAdded':
      return tookPart(doc, 'co-organizer' satisfies OrganizationPart, false);
    case 'ResourcePledged':
      return tookPart(doc, 'pledger' satisfies OrganizationPart, false);
    case 'ParticipantRegistered':
      return tookPart(doc, roleOf(event.data), false);
    case 'AttendanceRecorded':
      return tookPart(doc, roleOf(event.data), true);
    default:
      return view;
  }
}

function applyChain(view: ChainLessonsDocument | undefined, event: ChainEvent, key: string, lastPosition: string): ChainLessonsDocument | undefined {
  if (event.type === 'ChainStarted' && key === event.data.chainId) {
    const { chainId, name, periodStart, periodEnd } = event.data;
    const kept = view?.kind === 'chain' ? view : undefined;
    return {
      kind: 'chain',
      chainId,
      name,
      periodStart,
      periodEnd,
      status: kept?.status ?? 'active',
      followsChainId: event.data.followsChainId ?? null,
      followedBy: kept?.followedBy ?? [],
      debrief: kept?.debrief ?? null,
      earlierVersions: kept?.earlierVersions ?? [],
      lastPosition,
    };
  }
  // Nothing but ChainStarted opens a chain's document.
  if (view?.kind !== 'chain') return view;
  view.lastPosition = lastPosition;
  switch (event.type) {
    case 'ChainStarted':
      // Another chain starting as this one's successor.
      if (!view.followedBy.includes(event.data.chainId)) view.followedBy.push(event.data.chainId);
      return view;
    case 'ChainDetailsUpdated':
      view.name = event.data.name ?? view.name;
      view.periodStart = event.data.periodStart ?? view.periodStart;
      view.periodEnd = event.data.periodEnd ?? view.periodEnd;
      return view;
    case 'ChainClosed':
      view.status = 'closed';
      return view;
    case 'ChainDebriefRecorded':
      revise(view, versionOf(event.data, event.data.at));
      return view;
    default:
      return view;
  }
}

function applyWorkshop(view: ChainLessonsDocument | undefined, event: WorkshopEvent | ChainEvent, key: string, lastPosition: string): ChainLessonsDocument | undefined {
  if (event.type === 'WorkshopPlanned') {
    // Planned once per stream: a document already there has seen it.
    if (view !== undefined) return view;
    const { workshopId, chainId, title, startsAt } = event.data;
    return { kind: 'workshop', workshopId, chainId, order: null, title, startsAt, heldOn: null, cancelled: false, debrief: null, earlierVersions: [], lastPosition };
  }
  // A workshop's other events never precede its plan.
  if (view?.kind !== 'workshop' || key !== workshopLessonsKey(view.workshopId)) return view;
  view.lastPosition = lastPosition;
  switch (event.type) {
    case 'WorkshopAddedToChain':
      // The chain's own record is authoritative.
      view.chainId = event.data.chainId;
      view.order = event.data.order;
      return view;
    case 'WorkshopRescheduled':
      view.startsAt = event.data.startsAt;
      return view;
    case 'WorkshopHeld':
      view.heldOn = event.data.heldOn;
      return view;
    case 'WorkshopCancelled':
      view.cancelled = true;
      return view;
    case 'WorkshopDebriefRecorded':
      revise(view, versionOf(event.data, event.data.recordedAt));
      return view;
    default:
      return view;
  }
}

/** GET /chains/:id/lessons (see above). */
export const chainLessonsProjection = mutatorProjection<ChainLessonsDocument>({
  name: 'chain-lessons',
  version: 1,
  collection: CHAIN_LESSONS_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf,

  apply(view, recorded, key) {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = asEvent(recorded);
    const lastPosition = eventPositionText(recorded);
    if (key.startsWith('t:')) return applyPart(view, event, key, lastPosition);
    if (key.startsWith('w:')) return applyWorkshop(view, event, key, lastPosition);
    // Only the chain's own events reach a chain's document (keysOf).
    return applyChain(view, event as ChainEvent, key, lastPosition);
  },

  indexesOf(view): PutOptions {
    if (view.kind === 'part') return { indexes: { [PART_OF_WORKSHOP_INDEX]: view.workshopId, [PART_OF_ENTITY_INDEX]: view.entity } };
    // A chain's workshops are listed by this index, in chain order (those the chain has not ordered yet last, by date).
    if (view.kind !== 'workshop' || view.chainId === null) return {};
    return { indexes: { chainId: view.chainId }, sortKey: view.order === null ? `~${view.startsAt}` : String(view.order).padStart(6, '0') };
  },
});
