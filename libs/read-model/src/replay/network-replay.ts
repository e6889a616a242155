import { chainStream, collaborationStream, workshopStream, type WorkshopRole } from '@kuhina/domain';
import type { ReadAllOptions, RecordedEvent } from '@kuhina/event-store';
import type { Projection } from '../projection';
import { collaborationWorkshopIndexProjection, networkCollaborationsProjection, networkProjection } from '../projections/network';
import { assembleNetwork } from '../projections/network/network-assembly';
import { networkWorkshopsOf } from '../projections/network/network-documents';
import { comparePositions, type NetworkFilter } from '../projections/network/network-dates';
import { NETWORK_COLLABORATIONS_COLLECTION, NETWORK_WORKSHOPS_COLLECTION, type NetworkCollaborationView, type NetworkView, type NetworkWorkshopView } from '../projections/network/network.view';
import { workshopChainIndexProjection } from '../projections/workshop-chain-index';
import { Projector, type EventLog } from '../projector/projector';
import type { Page, ReadStore, ViewDocument } from '../read-store.port';
import { MemoryReadStore } from '../stores/memory-read-store';

/**
 * Which network: as it stood at a business date (the whole day when it is a bare date, UTC), as the log stood at a
 * position, or both; and only the attendances of some roles.
 */
export interface NetworkCut {
  asOf?: string;
  untilPosition?: bigint;
  /** Attendances of these roles only (default: all): an analyst may leave organisers out. */
  roles?: readonly WorkshopRole[];
}

/**
 * The projections a network replay runs: the live ones, in the projector's order (the indexes first,
 * because the network projections route events through them). Same code as the live views: no second model.
 */
export const NETWORK_REPLAY_PROJECTIONS: readonly Projection[] = [
  workshopChainIndexProjection,
  collaborationWorkshopIndexProjection,
  networkCollaborationsProjection,
  networkProjection,
];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The shape of an `asOf` the cut reads: YYYY-MM-DD, optionally THH:MM[:SS[.fraction]] and Z or ±HH:MM (the API checks it too). */
const AS_OF_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Milliseconds of the last instant `asOf` covers; RangeError when it is not an ISO date or date-time of a real day.
 * (Date.parse alone also takes "March 5, 2023" and rolls 2023-02-30 over to 2 March: an analyst's typo would
 * silently become another cut.)
 */
export function asOfLimit(asOf: string): number {
  const parts = AS_OF_PATTERN.exec(asOf);
  const [year, month, day] = parts ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : [0, 0, 0];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDay = parts !== null && calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  const limit = realDay ? Date.parse(DATE_ONLY.test(asOf) ? `${asOf}T23:59:59.999Z` : asOf) : Number.NaN;
  if (Number.isNaN(limit)) throw new RangeError(`asOf is not an ISO date or date-time: ${asOf}`);
  return limit;
}

/**
 * Whether an event is replayed: recorded at or before `untilPosition`. A business date does not cut events (a 2024
 * workshop entered today has today's events): it cuts the assembled network by the dates of its nodes and ties.
 */
export function inCut(cut: NetworkCut): (event: RecordedEvent) => boolean {
  const until = cut.untilPosition ?? null;
  return (event) => until === null || event.position <= until;
}

/** What the assembly keeps of the replayed documents: what is dated up to `asOf`, the attendances of `roles`. */
export function filterOf(cut: NetworkCut): NetworkFilter {
  return { ...(cut.asOf === undefined ? {} : { until: asOfLimit(cut.asOf) }), ...(cut.roles === undefined ? {} : { roles: cut.roles }) };
}

/** Progress of a replay, for progress bars: events read so far, and the position to reach. */
export type ReplayProgress = (read: number, position: bigint, target: bigint | null) => void;

/**
 * The log as the projector sees it, cut: events after the cut are left out, and reading stops at
 * `untilPosition`. Pages that the cut empties are skipped, so an empty answer still means "the end".
 */
class CutLog implements EventLog {
  private read = 0;
  private readonly keep: (event: RecordedEvent) => boolean;

  constructor(
    private readonly source: Pick<EventLog, 'readAll' | 'headPosition'>,
    private readonly cut: NetworkCut,
    private readonly target: bigint | null,
    private readonly onProgress?: ReplayProgress,
  ) {
    this.keep = inCut(cut);
  }

  async readAll(after: bigint | null, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    let from = after;
    for (;;) {
      // Only the network projections' types (the projector asks for them): a replay skips the events the network does not use.
      const page = await this.source.readAll(from, maxCount, options);
      if (page.length === 0) return [];
      this.read += page.length;
      const last = page[page.length - 1].position;
      this.onProgress?.(this.read, last, this.target);
      const kept = page.filter(this.keep);
      const beyond = this.cut.untilPosition !== undefined && last >= this.cut.untilPosition;
      if (kept.length > 0 || beyond) return kept;
      from = last;
    }
  }

  headPosition(): Promise<bigint | null> {
    return this.source.headPosition();
  }

  subscribe(): () => void {
    // A replay reads up to its cut once; it never follows the log.
    return () => undefined;
  }
}

/** A fixed list of events (already in log order) as a log. */
class ArrayLog implements Pick<EventLog, 'readAll' | 'headPosition'> {
  constructor(private readonly events: readonly RecordedEvent[]) {}

  async readAll(after: bigint | null, maxCount: number): Promise<RecordedEvent[]> {
    let start = 0;
    if (after !== null) while (start < this.events.length && this.events[start].position <= after) start++;
    return this.events.slice(start, start + maxCount);
  }

  async headPosition(): Promise<bigint | null> {
    return this.events.length === 0 ? null : this.events[this.events.length - 1].position;
  }
}

/** Every document of a chain in a collection indexed by chainId. */
async function chainDocuments<T extends ViewDocument>(store: ReadStore, collection: string, chainId: string): Promise<T[]> {
  const docs: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await store.list<T>(collection, { where: { index: 'chainId', value: chainId }, after, limit: 1000 });
    for (const item of page.items) docs.push(item.doc);
    after = page.next;
  } while (after !== null);
  return docs;
}

/** A network with the position of the last event its documents include ('0' when none). */
export interface PositionedNetwork {
  network: NetworkView;
  lastPosition: string;
}

const later = (a: string, b: string): string => (comparePositions(a, b) >= 0 ? a : b);

/** The network documents of a chain in a store (live or replayed), assembled, kept to `filter`. */
export async function networkOf(store: ReadStore, chainId: string, filter: NetworkFilter = {}): Promise<PositionedNetwork> {
  // Each workshop's document with the attendances of its registrations (documents of their own: see network.view.ts).
  const [workshops, collaborations] = await Promise.all([networkWorkshopsOf(store, chainId), chainDocuments<NetworkCollaborationView>(store, NETWORK_COLLABORATIONS_COLLECTION, chainId)]);
  const lastPosition = [...workshops, ...collaborations].reduce((latest, doc) => later(latest, doc.lastPosition), '0');
  return { network: assembleNetwork(chainId, workshops, collaborations, filter), lastPosition };
}

/** Replays `log` (cut) into a throw-away store and assembles the network of each chain from it, kept to the cut's date and roles. */
async function replayChains(log: Pick<EventLog, 'readAll' | 'headPosition'>, chainIds: readonly string[], cut: NetworkCut, onProgress?: ReplayProgress): Promise<PositionedNetwork[]> {
  // A date that is none is refused before any reading.
  const filter = filterOf(cut);
  const head = await log.headPosition();
  const target = cut.untilPosition !== undefined && (head === null || cut.untilPosition < head) ? cut.untilPosition : head;
  const store = new MemoryReadStore();
  // Large batches: nothing waits on a throw-away store's commits.
  const projector = new Projector(new CutLog(log, cut, target, onProgress), store, { projections: NETWORK_REPLAY_PROJECTIONS, batchSize: 10_000 });
  await projector.catchUp();
  return Promise.all(chainIds.map((chainId) => networkOf(store, chainId, filter)));
}

async function replay(log: Pick<EventLog, 'readAll' | 'headPosition'>, chainId: string, cut: NetworkCut, onProgress?: ReplayProgress): Promise<PositionedNetwork> {
  return (await replayChains(log, [chainId], cut, onProgress))[0]!;
}

/**
 * Time travel over the whole log: replays every event up to the cut's position through the network projections into
 * a throw-away memory store, then assembles the chain's network from it, kept to the cut's date and roles
 * (`kuhina replay`, benchmarks).
 */
export function replayNetworkFromLog(log: Pick<EventLog, 'readAll' | 'headPosition'>, chainId: string, cut: NetworkCut = {}, onProgress?: ReplayProgress): Promise<PositionedNetwork> {
  return replay(log, chainId, cut, onProgress);
}

/** The streams whose events can shape a chain's network: the chain, its workshops, the collaborations they sparked. */
export async function networkStreamsOf(liveViews: ReadStore, chainId: string): Promise<string[]> {
  const [workshops, collaborations] = await Promise.all([
    chainDocuments<NetworkWorkshopView>(liveViews, NETWORK_WORKSHOPS_COLLECTION, chainId),
    chainDocuments<NetworkCollaborationView>(liveViews, NETWORK_COLLABORATIONS_COLLECTION, chainId),
  ]);
  return [chainStream(chainId), ...workshops.map((doc) => workshopStream(doc.workshopId)), ...collaborations.map((doc) => collaborationStream(doc.collaborationId))];
}

/**
 * Time travel for one chain without reading the whole log: reads only the chain's streams (found in the live
 * views), merges them in log order and replays them, cut, through the same projections. Events of other streams
 * cannot change this chain's network documents, so the answer equals `replayNetworkFromLog` (a test checks it).
 */
export async function replayNetworkFromStreams(
  events: { readStream(stream: string): Promise<RecordedEvent[]> },
  streams: readonly string[],
  chainId: string,
  cut: NetworkCut = {},
): Promise<PositionedNetwork> {
  return (await replayNetworksFromStreams(events, streams, [chainId], cut))[0]!;
}

/**
 * The same for several chains at once (GET /network?chainId=a&chainId=b): one replay of the union of their streams,
 * then each chain's network from it, in the order of `chainIds` (a stream read once even when two chains share it).
 */
export async function replayNetworksFromStreams(
  events: { readStream(stream: string): Promise<RecordedEvent[]> },
  streams: readonly string[],
  chainIds: readonly string[],
  cut: NetworkCut = {},
): Promise<PositionedNetwork[]> {
  const keep = inCut(cut);
  const merged: RecordedEvent[] = [];
  for (const stream of new Set(streams)) for (const event of await events.readStream(stream)) if (keep(event)) merged.push(event);
  merged.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const { untilPosition: _cutAlready, ...rest } = cut;
  return replayChains(new ArrayLog(merged), chainIds, rest);
}
