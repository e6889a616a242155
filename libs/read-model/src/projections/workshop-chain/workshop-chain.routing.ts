import { CHAIN_EVENT_TYPES, WORKSHOP_EVENT_TYPES, type ChainEvent, type CollaborationRecorded, type WorkshopEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { lookupThen, type ViewLookup } from '../../projection';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';

/** The events the chain view reads: its chain's stream, its workshops' streams and the collaborations they sparked. */
export type ChainViewEvent = ChainEvent | WorkshopEvent | CollaborationRecorded;

/** The events about one workshop of the chain (a sparked collaboration is about the workshop that sparked it). */
export type WorkshopViewEvent = Exclude<ChainViewEvent, ChainEvent>;

/** One type of workshop event, narrowed. */
export type WorkshopViewEventOf<T extends WorkshopViewEvent['type']> = Extract<WorkshopViewEvent, { type: T }>;

export const CHAIN_TYPES: ReadonlySet<string> = new Set<ChainEvent['type']>(CHAIN_EVENT_TYPES);

// Every workshop event but the two that change no figure of the chain view.
export const WORKSHOP_TYPES: ReadonlySet<string> = new Set(WORKSHOP_EVENT_TYPES.filter((type) => type !== 'PersonInvited' && type !== 'CitizenInputSummaryForwarded'));

// A recorded event has the domain event's `type` and `data`: read it as one, without a copy.
export const asChainViewEvent = (event: RecordedEvent): ChainViewEvent => event as unknown as ChainViewEvent;

export function workshopIdOf(event: ChainViewEvent): string | null {
  if (event.type === 'CollaborationRecorded') return event.data.sparkedByWorkshopId;
  return 'workshopId' in event.data ? event.data.workshopId : null;
}

/**
 * The chain an event changes: named by a chain event; for a workshop event, the chain the workshop-chain index
 * files the workshop under (synchronously when the index entry is at hand).
 */
export function keysOfChainView(event: RecordedEvent, lookup: ViewLookup): string[] | Promise<string[]> {
  const routed = asChainViewEvent(event);
  if (CHAIN_TYPES.has(routed.type)) return [(routed as ChainEvent).data.chainId];
  if (routed.type !== 'CollaborationRecorded' && !WORKSHOP_TYPES.has(routed.type)) return [];
  const workshopId = workshopIdOf(routed);
  if (workshopId === null) return [];
  return lookupThen<WorkshopChainIndexView, string[]>(lookup, WORKSHOP_CHAIN_INDEX, workshopId, (entry) => {
    if (entry !== null) return [entry.chainId];
    // Only if the index has not seen the plan yet (e.g. this projection placed before it): the plan names its chain.
    return routed.type === 'WorkshopPlanned' && routed.data.chainId !== null ? [routed.data.chainId] : [];
  });
}
