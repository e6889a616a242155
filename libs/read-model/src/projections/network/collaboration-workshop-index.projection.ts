import type { RecordedEvent } from '@kuhina/event-store';
import type { CollaborationRecorded } from '@kuhina/domain';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import type { CollaborationWorkshopIndexView } from './collaboration-workshop-index.view';

export const COLLABORATION_WORKSHOP_INDEX = 'collaboration-workshop-index';

/**
 * collaboration id → sparking workshop. CollaborationPartnerAdded names only the collaboration; the network
 * projection follows this index, then the workshop-chain index, to find the chain's document.
 */
export const collaborationWorkshopIndexProjection = mutatorProjection<CollaborationWorkshopIndexView>({
  name: COLLABORATION_WORKSHOP_INDEX,
  version: 1,
  collection: COLLABORATION_WORKSHOP_INDEX,
  eventTypes: ['CollaborationRecorded'],

  keysOf(event: RecordedEvent): string[] {
    if (event.type !== 'CollaborationRecorded') return [];
    const { collaborationId, sparkedByWorkshopId } = (event as RecordedEvent<'CollaborationRecorded', CollaborationRecorded['data']>).data;
    return sparkedByWorkshopId === null ? [] : [collaborationId];
  },

  // Builds a new (tiny) document each time: nothing to change in place.
  apply(view, event, key) {
    if (event.type !== 'CollaborationRecorded' || alreadyApplied(view, event)) return view;
    const { sparkedByWorkshopId } = (event as RecordedEvent<'CollaborationRecorded', CollaborationRecorded['data']>).data;
    if (sparkedByWorkshopId === null) return view;
    return { collaborationId: key, sparkedByWorkshopId, lastPosition: eventPositionText(event) };
  },
});
