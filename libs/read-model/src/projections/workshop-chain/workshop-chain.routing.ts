import { CHAIN_EVENT_TYPES, WORKSHOP_EVENT_TYPES, type ChainEvent, type CollaborationRecorded, type WorkshopEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { lookupThen, type ViewLookup } from '../../projection';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';
import { factKeysOf } from './apply/fact-documents';
import { WORKSHOP_CHAIN_COLLECTION, type WorkshopChainView } from './workshop-chain.view';

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
 * The documents an event changes: the chain's, first (named by a chain event; for a workshop event, the chain the
 * workshop-chain index files the workshop under), then the fact documents of a registration, attendee or feedback of a
 * workshop the chain shows (./apply/fact-documents). The fact documents are loaded into the batch here, so that the
 * chain's `apply` finds them (as they were before the event) synchronously.
 */
export function keysOfChainView(event: RecordedEvent, lookup: ViewLookup): string[] | Promise<string[]> {
  const routed = asChainViewEvent(event);
  if (CHAIN_TYPES.has(routed.type)) return [(routed as ChainEvent).data.chainId];
  if (routed.type !== 'CollaborationRecorded' && !WORKSHOP_TYPES.has(routed.type)) return [];
  const workshopId = workshopIdOf(routed);
  if (workshopId === null) return [];
  const workshopEvent = routed as WorkshopViewEvent;
  return flat<string[]>(
    lookupThen<WorkshopChainIndexView, string[] | Promise<string[]>>(lookup, WORKSHOP_CHAIN_INDEX, workshopId, (entry) => {
      // Only if the index has not seen the plan yet (e.g. this projection placed before it): the plan names its chain.
      const chainId = entry !== null ? entry.chainId : routed.type === 'WorkshopPlanned' ? routed.data.chainId : null;
      if (chainId === null) return [];
      const factKeys = factKeysOf(workshopEvent, chainId);
      if (factKeys.length === 0) return [chainId];
      // Facts only of a workshop the chain shows (its plan seen): otherwise the chain's document ignores the event.
      return flat<string[]>(
        lookupThen<WorkshopChainView, string[] | Promise<string[]>>(lookup, WORKSHOP_CHAIN_COLLECTION, chainId, (chain) => {
          if (chain === null || !chain.workshops.some((workshop) => workshop.workshopId === workshopId)) return [chainId];
          const missing = factKeys.filter((key) => lookup.peek?.(WORKSHOP_CHAIN_COLLECTION, key) === undefined);
          const keys = [chainId, ...factKeys];
          return missing.length === 0 ? keys : Promise.all(missing.map((key) => lookup.get(WORKSHOP_CHAIN_COLLECTION, key))).then(() => keys);
        }),
      );
    }),
  );
}

// A promise of a promise is a promise of its value (`then` adopts it): only the type needs flattening.
const flat = <T>(value: T | Promise<T> | Promise<T | Promise<T>>): T | Promise<T> => value as T | Promise<T>;
