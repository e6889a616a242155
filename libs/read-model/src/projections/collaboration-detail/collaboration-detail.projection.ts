import { COLLABORATION_EVENT_TYPES, type CollaborationEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import { COLLABORATION_DETAIL_COLLECTION, type CollaborationDetailView } from './collaboration-detail.view';

const handled: ReadonlySet<string> = new Set(COLLABORATION_EVENT_TYPES);

// A recorded event has the domain event's `type` and `data`: read it as one, without a copy.
const asCollaborationEvent = (event: RecordedEvent): CollaborationEvent => event as unknown as CollaborationEvent;

/** One document per collaboration: partners in the order they joined, the workshop that sparked it, status and outcome. */
export const collaborationDetailProjection = mutatorProjection<CollaborationDetailView>({
  name: 'collaboration-detail',
  version: 1,
  collection: COLLABORATION_DETAIL_COLLECTION,
  eventTypes: COLLABORATION_EVENT_TYPES,

  keysOf(event) {
    if (!handled.has(event.type)) return [];
    return [asCollaborationEvent(event).data.collaborationId];
  },

  apply(view, event, key) {
    if (!handled.has(event.type) || alreadyApplied(view, event)) return view;
    const collaboration = asCollaborationEvent(event);
    if (collaboration.type === 'CollaborationRecorded') {
      const { organizationIds, sparkedByWorkshopId, title, description, startedOn, at } = collaboration.data;
      return stamped(
        {
          collaborationId: key,
          title,
          description,
          status: 'active',
          organizationIds: [...organizationIds],
          foundingOrganizationIds: [...organizationIds],
          sparkedByWorkshopId,
          startedOn,
          recordedAt: at,
          endedOn: null,
          outcome: null,
          revision: 0,
          lastPosition: '',
        },
        event,
      );
    }
    // A collaboration's other events never precede CollaborationRecorded in its stream: without it there is nothing to show.
    if (!view) return undefined;
    switch (collaboration.type) {
      case 'CollaborationPartnerAdded':
        // Kept as a set in joining order: a partner delivered twice joins once.
        if (!view.organizationIds.includes(collaboration.data.organizationId)) view.organizationIds.push(collaboration.data.organizationId);
        break;
      case 'CollaborationDetailsUpdated': {
        const { title, description } = collaboration.data;
        if (title !== undefined) view.title = title;
        if (description !== undefined) view.description = description;
        break;
      }
      case 'CollaborationEnded':
        view.status = 'ended';
        view.endedOn = collaboration.data.endedOn;
        view.outcome = collaboration.data.outcome;
        break;
      default:
        break;
    }
    return stamped(view, event);
  },
});

/** The revision and position of the event just applied. */
function stamped(view: CollaborationDetailView, event: RecordedEvent): CollaborationDetailView {
  view.revision = event.revision;
  view.lastPosition = eventPositionText(event);
  return view;
}
