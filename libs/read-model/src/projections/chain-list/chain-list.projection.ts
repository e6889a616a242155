import { CHAIN_EVENT_TYPES, type ChainEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, mutatorProjection, eventPositionText } from '../../projection';
import { CHAIN_LIST_COLLECTION, type ChainListView } from './chain-list.view';

const asChainEvent = (event: RecordedEvent): ChainEvent => ({ type: event.type, data: event.data }) as ChainEvent;

const LISTED_FIELDS = ['name', 'fundingProgramme', 'esfOperationId', 'periodStart', 'periodEnd'] as const;

/** GET /chains: one small document per chain, listed by period start, then name. */
export const chainListProjection = mutatorProjection<ChainListView>({
  name: 'chain-list',
  version: 1,
  collection: CHAIN_LIST_COLLECTION,
  eventTypes: ['ChainStarted', 'ChainDetailsUpdated', 'WorkshopAddedToChain', 'ChainClosed'],

  keysOf(event) {
    if (!(CHAIN_EVENT_TYPES as readonly string[]).includes(event.type)) return [];
    return [asChainEvent(event).data.chainId];
  },

  apply(view, event, key) {
    if (alreadyApplied(view, event)) return view;
    const chain = asChainEvent(event);
    const lastPosition = eventPositionText(event);
    if (chain.type === 'ChainStarted') {
      const { data } = chain;
      return {
        chainId: key,
        name: data.name,
        fundingProgramme: data.fundingProgramme,
        esfOperationId: data.esfOperationId,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        status: view?.status ?? 'active',
        // No version bump: succession is new, so no chain listed before it follows one (absent = none).
        ...(data.followsChainId ? { followsChainId: data.followsChainId } : {}),
        workshopCount: view?.workshopCount ?? 0,
        lastPosition,
      };
    }
    // A chain's other events never precede ChainStarted in its stream; without it there is nothing to list.
    if (!view) return undefined;
    view.lastPosition = lastPosition;
    switch (chain.type) {
      case 'ChainDetailsUpdated':
        for (const field of LISTED_FIELDS) {
          const value = chain.data[field];
          if (value !== undefined) view[field] = value;
        }
        return view;
      case 'WorkshopAddedToChain':
        // Orders are 0, 1, 2, ... per chain: the highest one seen gives the count, however often an event is applied.
        view.workshopCount = Math.max(view.workshopCount, chain.data.order + 1);
        return view;
      case 'ChainClosed':
        view.status = 'closed';
        return view;
      default:
        return view;
    }
  },

  indexesOf(view) {
    // ISO dates sort as text; the space sorts before any character of a name.
    return { sortKey: `${view.periodStart} ${view.name}` };
  },
});
