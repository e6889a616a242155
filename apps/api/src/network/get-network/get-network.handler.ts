import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PRIVACY_SECRETS } from '@kuhina/application';
import { pseudonym, type PrivacySecrets } from '@kuhina/privacy';
import type { NetworkAnswer, NetworkAnswerNode } from '@kuhina/analytics';
import type { NetworkCollaborationView, NetworkWorkshopView, ViewDocument } from '@kuhina/read-model';
// Deep import: the package index exports only the view types of the network, not its assembly.
import { assembleNetwork } from '@kuhina/read-model/projections/network/network-assembly';
import { ViewReader } from '../../common/views/view-reader';
import { GetNetworkQuery } from './get-network.query';

type OrganizationDoc = { name?: string; sector?: string; region?: string | null };

/** Larger pages mean fewer round trips; 1000 is the store's maximum. */
const PAGE_LIMIT = 1000;

const laterPosition = (a: string, b: string): string => (BigInt(a) >= BigInt(b) ? a : b);

/** The network view of a chain, organisations labelled from the organisations view, people pseudonymised. */
@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery, NetworkAnswer> {
  constructor(
    private readonly views: ViewReader,
    @Inject(PRIVACY_SECRETS) private readonly secrets: PrivacySecrets,
  ) {}

  async execute({ chainId, role }: GetNetworkQuery): Promise<NetworkAnswer> {
    const [workshops, collaborations] = await Promise.all([
      this.all<NetworkWorkshopView>('network-workshops', chainId),
      this.all<NetworkCollaborationView>('network-collaborations', chainId),
    ]);
    let lastPosition = [...workshops, ...collaborations].reduce((latest, doc) => laterPosition(latest, doc.lastPosition), '0');
    if (workshops.length === 0) {
      // A chain with no workshop yet has an empty network; a chain the views never saw does not exist.
      const chain = await this.views.one<{ lastPosition?: string }>('workshop-chains', chainId, 'CHAIN.NOT_FOUND', 'network for chain');
      if (typeof chain.lastPosition === 'string') lastPosition = laterPosition(lastPosition, chain.lastPosition);
    }
    const view = assembleNetwork(chainId, workshops, collaborations);
    const reveal = role === 'backoffice';
    const renamed = new Map<string, string>();
    const nodes: NetworkAnswerNode[] = [];
    for (const node of Object.values(view.nodes)) {
      if (node.type === 'person') {
        const entityId = reveal ? node.entityId : pseudonym(node.entityId, this.secrets.pseudonymKey);
        const id = `person:${entityId}`;
        renamed.set(node.id, id);
        nodes.push({ id, type: 'person', entityId, label: reveal ? null : entityId, createdBy: node.createdBy });
      } else if (node.type === 'organization') {
        const org = await this.views.maybe<OrganizationDoc>('organizations', node.entityId);
        nodes.push({ id: node.id, type: 'organization', entityId: node.entityId, label: org?.name ?? null, sector: org?.sector ?? null, region: org?.region ?? null, createdBy: node.createdBy });
      } else {
        nodes.push({ id: node.id, type: 'workshop', entityId: node.entityId, label: node.title, startsAt: node.startsAt, order: node.order, createdBy: node.createdBy });
      }
    }
    const rename = (id: string) => renamed.get(id) ?? id;
    const edges = Object.values(view.edges).map((edge) =>
      renamed.size === 0 ? edge : { ...edge, id: `${edge.type}:${rename(edge.source)}|${rename(edge.target)}`, source: rename(edge.source), target: rename(edge.target) },
    );
    return { chainId, nodes, edges, lastPosition };
  }

  /** Every document of a chain in a collection indexed by chainId, page by page. */
  private async all<T extends ViewDocument>(collection: string, chainId: string): Promise<T[]> {
    const docs: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.views.page<T>(collection, { where: { index: 'chainId', value: chainId }, cursor, limit: PAGE_LIMIT });
      for (const item of page.items) docs.push(item.doc);
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return docs;
  }
}
