import type { ChainEvent } from '@kuhina/domain';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import { WORKSHOP_CHAIN_INDEX } from '../workshop-chain-index';
import { applyChainEvent } from './apply/chain';
import { applyToFact, isFactKey } from './apply/fact-documents';
import { applyWorkshopEvent } from './apply/workshop';
import { asChainViewEvent, CHAIN_TYPES, keysOfChainView, WORKSHOP_TYPES, type WorkshopViewEvent } from './workshop-chain.routing';
import { WORKSHOP_CHAIN_COLLECTION, type WorkshopChainView } from './workshop-chain.view';

// Routing (which chain an event changes): ./workshop-chain.routing. Appliers: ./apply/ (chain events; workshop events
// by area). Figures: ./workshop-chain.figures and ./figures/.

/**
 * GET /chains/:id: one document per chain with its workshops in chain order, each workshop's figures and
 * the chain's totals. Workshop events reach their chain through the workshop-chain index, which must run
 * BEFORE this projection in the projector's array (a workshop's plan precedes WorkshopAddedToChain).
 * A mutator: it changes the chain's document in place, the figures one fact moves per event. The facts that grow with a
 * workshop (registrations, attendees, feedback) are small documents of their own beside it (keys `r:`, `p:`, `f:`), so
 * an event writes the same bytes at 10 registrations as at 10,000.
 */
export const workshopChainProjection = mutatorProjection<WorkshopChainView>({
  name: 'workshop-chain',
  // 3: the chain stream's revision (the ETag of GET /chains/:id); registration and attendance figures by the domain's count.
  // 4: roles (participants apart from staff), the hub organisation never reached, the chain's own planning meetings.
  // 5: the chain's own expenses and staff hours; staff minutes per workshop; totals of both include the chain level.
  // 6: registrations, attendees and feedback in fact documents of their own; attendance patterns; organisations counted.
  // 7: outreach figures per workshop and in the totals.
  version: 7,
  collection: WORKSHOP_CHAIN_COLLECTION,
  eventTypes: [...CHAIN_TYPES, ...WORKSHOP_TYPES, 'CollaborationRecorded'],
  readsFrom: [WORKSHOP_CHAIN_INDEX],

  keysOf: keysOfChainView,

  apply(view, event, key, lookup) {
    // A registration's, an attendee's or a feedback's own document (./apply/fact-documents).
    if (isFactKey(key)) return applyToFact(view, event, key, lookup) as WorkshopChainView | undefined;
    if (alreadyApplied(view, event)) return view;
    const applied = asChainViewEvent(event);
    const lastPosition = eventPositionText(event);
    if (CHAIN_TYPES.has(applied.type)) return applyChainEvent(view, applied as ChainEvent, lastPosition, event.revision);
    // Workshop events of a chain never started (or of a chain whose start this view has not seen) have nowhere to go.
    if (!view) return undefined;
    view.lastPosition = lastPosition;
    applyWorkshopEvent(view, applied as WorkshopViewEvent, lookup);
    return view;
  },
});
