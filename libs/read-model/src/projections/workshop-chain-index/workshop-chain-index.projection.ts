import type { WorkshopAddedToChain, WorkshopPlanned } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import type { WorkshopChainIndexView } from './workshop-chain-index.view';

export const WORKSHOP_CHAIN_INDEX = 'workshop-chain-index';

type IndexEvent = WorkshopPlanned | WorkshopAddedToChain;

const asIndexEvent = (event: RecordedEvent): IndexEvent => ({ type: event.type, data: event.data }) as IndexEvent;

/**
 * workshop id → { chainId, order }. Other projections route workshop events to their chain through it
 * (`lookup.get(WORKSHOP_CHAIN_INDEX, workshopId)`), so it must come before them in the projector's array.
 */
export const workshopChainIndexProjection = mutatorProjection<WorkshopChainIndexView>({
  name: WORKSHOP_CHAIN_INDEX,
  version: 1,
  collection: WORKSHOP_CHAIN_INDEX,
  eventTypes: ['WorkshopPlanned', 'WorkshopAddedToChain'],

  keysOf(event) {
    const indexed = asIndexEvent(event);
    switch (indexed.type) {
      case 'WorkshopPlanned':
        return indexed.data.chainId === null ? [] : [indexed.data.workshopId];
      case 'WorkshopAddedToChain':
        return [indexed.data.workshopId];
      default:
        return [];
    }
  },

  apply(view, event, key) {
    if (alreadyApplied(view, event)) return view;
    const indexed = asIndexEvent(event);
    const lastPosition = eventPositionText(event);
    switch (indexed.type) {
      case 'WorkshopPlanned': {
        const { chainId } = indexed.data;
        if (chainId === null) return view;
        // The chain's own record (WorkshopAddedToChain) is authoritative: the plan never overrides it.
        if (view && view.order !== null) {
          view.lastPosition = lastPosition;
          return view;
        }
        return { workshopId: key, chainId, order: null, lastPosition };
      }
      case 'WorkshopAddedToChain':
        return { workshopId: key, chainId: indexed.data.chainId, order: indexed.data.order, lastPosition };
      default:
        return view;
    }
  },

  indexesOf(view) {
    // Listing a chain's workshops by this index gives them in chain order (unordered ones last).
    return { indexes: { chainId: view.chainId }, sortKey: view.order === null ? '~' : String(view.order).padStart(6, '0') };
  },
});
