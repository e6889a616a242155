import type { NetworkAnswer, NetworkAnswerNode } from '@kuhina/analytics';
import { ChainErrors, notFound } from '@kuhina/domain';
import type { EventStore } from '@kuhina/event-store';
import { pseudonym } from '@kuhina/privacy';
import {
  comparePositions,
  filterOf,
  ORGANIZATION_LIST_COLLECTION,
  WORKSHOP_CHAIN_COLLECTION,
  networkOf,
  networkStreamsOf,
  replayNetworkFromStreams,
  type NetworkCut,
  type PositionedNetwork,
  type ReadStore,
} from '@kuhina/read-model';

/** Who reads: only the backoffice sees people's ids; every other role sees stable pseudonyms. */
export interface NetworkAudience {
  revealPeople: boolean;
}

type OrganizationDoc = { name?: string; sector?: string; region?: string | null };

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

  /** How far the views have seen a chain; 404 when they never saw it. */
  private async chainPosition(chainId: string): Promise<string> {
    const chain = await this.views.get<{ lastPosition?: string }>(WORKSHOP_CHAIN_COLLECTION, chainId);
    if (chain === null) throw notFound(ChainErrors.NOT_FOUND, `No network for chain ${chainId}`);
    return typeof chain.lastPosition === 'string' ? chain.lastPosition : '0';
  }

  /** Labels organisations from the organisations view and replaces people's ids by pseudonyms unless revealed. */
  async render({ network, lastPosition }: PositionedNetwork, audience: NetworkAudience): Promise<NetworkAnswer> {
    const renamed = new Map<string, string>();
    const nodes: NetworkAnswerNode[] = [];
    for (const node of Object.values(network.nodes)) {
      if (node.type === 'person') {
        const entityId = audience.revealPeople ? node.entityId : pseudonym(node.entityId, this.pseudonymKey);
        const id = `person:${entityId}`;
        renamed.set(node.id, id);
        nodes.push({ id, type: 'person', entityId, label: audience.revealPeople ? null : entityId, roles: node.roles, createdBy: node.createdBy });
      } else if (node.type === 'organization') {
        const org = await this.views.get<OrganizationDoc>(ORGANIZATION_LIST_COLLECTION, node.entityId);
        nodes.push({ id: node.id, type: 'organization', entityId: node.entityId, label: org?.name ?? null, sector: org?.sector ?? null, region: org?.region ?? null, createdBy: node.createdBy });
      } else {
        nodes.push({ id: node.id, type: 'workshop', entityId: node.entityId, label: node.title, startsAt: node.startsAt, heldOn: node.heldOn, order: node.order, createdBy: node.createdBy });
      }
    }
    const rename = (id: string) => renamed.get(id) ?? id;
    const edges = Object.values(network.edges).map((edge) =>
      renamed.size === 0 ? edge : { ...edge, id: `${edge.type}:${rename(edge.source)}|${rename(edge.target)}`, source: rename(edge.source), target: rename(edge.target) },
    );
    return { chainId: network.chainId, nodes, edges, lastPosition };
  }
}
