import type { NetworkAnswer, NetworkAnswerNode } from '@kuhina/analytics';
import { ChainErrors, notFound } from '@kuhina/domain';
import type { EventStore } from '@kuhina/event-store';
import { pseudonym } from '@kuhina/privacy';
import {
  CHAIN_LIST_COLLECTION,
  comparePositions,
  filterOf,
  mergeNetworks,
  ORGANIZATION_LIST_COLLECTION,
  WORKSHOP_CHAIN_COLLECTION,
  networkOf,
  networkStreamsOf,
  replayNetworkFromStreams,
  replayNetworksFromStreams,
  type ChainListView,
  type ChainsNetworkView,
  type NetworkCut,
  type Page,
  type PositionedNetwork,
  type ReadStore,
} from '@kuhina/read-model';

/** Who reads: only the backoffice sees people's ids; every other role sees stable pseudonyms. */
export interface NetworkAudience {
  revealPeople: boolean;
}

type OrganizationDoc = { name?: string; sector?: string; region?: string | null };

/** At most this many chains named in one read (`scope=all` reads them all: it counts as an expensive read). */
export const MAX_NETWORK_CHAINS = 20;

/**
 * Which chains: some by id, or every chain the views know (`scope: 'all'`). People are in by default for chains named
 * by id, out by default for `scope: 'all'` (organisations are what analysts compare across chains; people stay a choice).
 */
export type NetworkSelection = { chainIds: readonly string[]; people?: boolean } | { scope: 'all'; people?: boolean };

/** The merged network of several chains, with the position of the last event any of their documents include. */
interface PositionedChains {
  network: ChainsNetworkView;
  lastPosition: string;
}

const later = (a: string, b: string): string => (comparePositions(a, b) >= 0 ? a : b);

/**
 * Reads a chain's network for the API and the CLI: live from the views, or as it stood at a cut (time travel,
 * replayed from the chain's streams through the live projection code), then labelled and pseudonymised.
 */
export class NetworkReader {
  constructor(
    private readonly views: ReadStore,
    private readonly events: Pick<EventStore, 'readStream'>,
    private readonly pseudonymKey: Buffer,
  ) {}

  /**
   * The chain's network now, or at `cut` (by business date and/or log position), with the attendances of `cut.roles`
   * only when given. 404 (CHAIN.NOT_FOUND) for a chain the views never saw.
   */
  async read(chainId: string, audience: NetworkAudience, cut: NetworkCut = {}): Promise<NetworkAnswer> {
    if (cut.untilPosition === undefined) {
      // A date cut or roles alone need no replay: the network is dated by its workshops and assembled from the live
      // documents up to that date (what a replay of every event would give, without reading the streams).
      const live = await networkOf(this.views, chainId, filterOf(cut));
      // A chain with no workshop yet has an empty network; a chain the views never saw does not exist.
      const lastPosition = Object.keys(live.network.nodes).length === 0 ? later(live.lastPosition, await this.chainPosition(chainId)) : live.lastPosition;
      return this.render({ network: live.network, lastPosition }, audience);
    }
    const streams = await networkStreamsOf(this.views, chainId);
    // Only the chain's own stream: no workshop yet (or no such chain).
    if (streams.length === 1) await this.chainPosition(chainId);
    return this.render(await replayNetworkFromStreams(this.events, streams, chainId, cut), audience);
  }

  /**
   * The network of several chains as one (each node once; a tie made in two chains is one edge with `chains` and
   * `chainWeights`), now or at `cut`: each chain assembled as `read` does, then merged. 404 for a chain named by id that
   * the views never saw.
   */
  async readChains(selection: NetworkSelection, audience: NetworkAudience, cut: NetworkCut = {}): Promise<NetworkAnswer> {
    const all = 'scope' in selection;
    const chainIds = all ? await this.allChains() : [...new Set(selection.chainIds)];
    const people = selection.people ?? !all;
    let parts: PositionedNetwork[];
    if (cut.untilPosition === undefined) {
      const filter = filterOf(cut);
      parts = await Promise.all(chainIds.map((chainId) => networkOf(this.views, chainId, filter)));
    } else {
      const streams = await Promise.all(chainIds.map((chainId) => networkStreamsOf(this.views, chainId)));
      // One replay of all their streams (a collaboration or workshop read once), then each chain's documents.
      parts = await replayNetworksFromStreams(this.events, streams.flat(), chainIds, cut);
    }
    // A chain with no workshop yet has an empty network; a chain the views never saw does not exist.
    const positions = await Promise.all(parts.map(async (part, i) => (Object.keys(part.network.nodes).length === 0 ? later(part.lastPosition, await this.chainPosition(chainIds[i]!)) : part.lastPosition)));
    const merged: PositionedChains = { network: mergeNetworks(parts.map((part) => part.network), { people }), lastPosition: positions.reduce(later, '0') };
    const answer = await this.render(merged, audience);
    return { ...answer, chainId: all || chainIds.length !== 1 ? null : chainIds[0]!, chainIds, ...(all ? { scope: 'all' as const } : {}), people };
  }

  /** Every chain the views know, in the chain list's order. */
  private async allChains(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Page<ChainListView> = await this.views.list<ChainListView>(CHAIN_LIST_COLLECTION, { after, limit: 1000 });
      for (const item of page.items) ids.push(item.doc.chainId);
      after = page.next;
    } while (after !== null);
    return ids;
  }

  /** How far the views have seen a chain; 404 when they never saw it. */
  private async chainPosition(chainId: string): Promise<string> {
    const chain = await this.views.get<{ lastPosition?: string }>(WORKSHOP_CHAIN_COLLECTION, chainId);
    if (chain === null) throw notFound(ChainErrors.NOT_FOUND, `No network for chain ${chainId}`);
    return typeof chain.lastPosition === 'string' ? chain.lastPosition : '0';
  }

  /**
   * Labels organisations from the organisations view and replaces people's ids by pseudonyms unless revealed; one
   * chain's network says which chain made each node and tie as several chains' do.
   */
  async render(positioned: PositionedNetwork | PositionedChains, audience: NetworkAudience): Promise<NetworkAnswer> {
    const { lastPosition } = positioned;
    const network = 'chainIds' in positioned.network ? positioned.network : mergeNetworks([positioned.network]);
    const chainId = 'chainIds' in positioned.network ? null : positioned.network.chainId;
    const renamed = new Map<string, string>();
    const nodes: NetworkAnswerNode[] = [];
    for (const node of Object.values(network.nodes)) {
      if (node.type === 'person') {
        const entityId = audience.revealPeople ? node.entityId : pseudonym(node.entityId, this.pseudonymKey);
        const id = `person:${entityId}`;
        renamed.set(node.id, id);
        nodes.push({ id, type: 'person', entityId, label: audience.revealPeople ? null : entityId, roles: node.roles, createdBy: node.createdBy, chains: node.chains });
      } else if (node.type === 'organization') {
        const org = await this.views.get<OrganizationDoc>(ORGANIZATION_LIST_COLLECTION, node.entityId);
        nodes.push({ id: node.id, type: 'organization', entityId: node.entityId, label: org?.name ?? null, sector: org?.sector ?? null, region: org?.region ?? null, createdBy: node.createdBy, chains: node.chains });
      } else {
        nodes.push({ id: node.id, type: 'workshop', entityId: node.entityId, label: node.title, startsAt: node.startsAt, heldOn: node.heldOn, order: node.order, createdBy: node.createdBy, chains: node.chains });
      }
    }
    const rename = (id: string) => renamed.get(id) ?? id;
    const edges = Object.values(network.edges).map((edge) =>
      renamed.size === 0 ? edge : { ...edge, id: `${edge.type}:${rename(edge.source)}|${rename(edge.target)}`, source: rename(edge.source), target: rename(edge.target) },
    );
    return { chainId, chainIds: network.chainIds, people: true, nodes, edges, lastPosition };
  }
}
