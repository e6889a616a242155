import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChainErrors } from '@kuhina/domain';
import {
  CHAIN_LESSONS_COLLECTION,
  PART_OF_ENTITY_INDEX,
  PART_OF_WORKSHOP_INDEX,
  workshopLessonsKey,
  type ChainLessonsChainDocument,
  type ChainLessonsPartDocument,
  type ChainLessonsWorkshopDocument,
} from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetChainLessonsQuery } from './get-chain-lessons.query';

/** A workshop of the chain with its debrief (the one in force and the versions it replaced): its view document's fields. */
export type WorkshopLessons = Pick<ChainLessonsWorkshopDocument, 'workshopId' | 'order' | 'title' | 'startsAt' | 'heldOn' | 'cancelled' | 'debrief' | 'earlierVersions'>;

/** One chain's lessons: its own debrief and its workshops', in chain order. */
export type ChainLessons = Pick<ChainLessonsChainDocument, 'name' | 'periodStart' | 'periodEnd' | 'status' | 'followsChainId' | 'followedBy' | 'debrief' | 'earlierVersions'> & {
  id: string;
  workshops: WorkshopLessons[];
};

/** How an organisation took part in one workshop. */
export interface WorkshopPartView {
  workshopId: string;
  title: string | null;
  parts: string[];
  attended: boolean;
}

/** An organisation of the chain and what it did in every other chain: the history that outlives a chain. */
export interface OrganizationAcrossChains {
  organizationId: string;
  inThisChain: WorkshopPartView[];
  otherChains: { chainId: string; name: string | null; periodStart: string | null; workshops: WorkshopPartView[] }[];
}

export interface ChainLessonsResult {
  chain: ChainLessons;
  /** The chains this one follows, nearest first (the one it follows, then that one's predecessor, ...). */
  predecessors: ChainLessons[];
  /** Who took part in this chain and in others: organisations by id; people only counted (analysts read this too). */
  acrossChains: {
    organizations: OrganizationAcrossChains[];
    people: { inThisChain: number; alsoInOtherChains: number };
  };
}

const PAGE = 1000;
/** A succession line longer than this is surely a data error; stop rather than loop. */
const MAX_PREDECESSORS = 100;

/**
 * GET /chains/:id/lessons from the chain-lessons view: the chain's debrief and its workshops', the same for every chain
 * it follows (walking followsChainId), and the organisations and people who took part here and in other chains.
 */
@QueryHandler(GetChainLessonsQuery)
export class GetChainLessonsHandler implements IQueryHandler<GetChainLessonsQuery, ChainLessonsResult> {
  constructor(private readonly views: ViewReader) {}

  async execute({ chainId }: GetChainLessonsQuery): Promise<ChainLessonsResult> {
    const chain = await this.views.one<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, chainId, ChainErrors.NOT_FOUND, 'chain', { chainId });
    const workshops = await this.workshopsOf(chainId);
    const predecessors: ChainLessons[] = [];
    const seen = new Set([chainId]);
    for (let previous = chain.followsChainId; previous !== null && !seen.has(previous) && predecessors.length < MAX_PREDECESSORS; ) {
      seen.add(previous);
      const doc = await this.views.maybe<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, previous);
      if (doc === null || doc.kind !== 'chain') break;
      predecessors.push(lessonsOf(doc, await this.workshopsOf(previous)));
      previous = doc.followsChainId;
    }
    return { chain: lessonsOf(chain, workshops), predecessors, acrossChains: await this.acrossChains(chainId, workshops) };
  }

  private async all<T extends Record<string, unknown>>(index: string, value: string): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.views.page<T>(CHAIN_LESSONS_COLLECTION, { where: { index, value }, cursor, limit: PAGE });
      out.push(...page.items.map((item) => item.doc));
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return out;
  }

  private async workshopsOf(chainId: string): Promise<ChainLessonsWorkshopDocument[]> {
    // The part documents carry other indexes: only workshop documents are indexed by chainId.
    return (await this.all<ChainLessonsWorkshopDocument>('chainId', chainId)).filter((doc) => doc.kind === 'workshop');
  }

  private async acrossChains(chainId: string, workshops: ChainLessonsWorkshopDocument[]): Promise<ChainLessonsResult['acrossChains']> {
    const here = new Set(workshops.map((w) => w.workshopId));
    const entities = new Set<string>();
    for (const workshop of workshops) for (const part of await this.all<ChainLessonsPartDocument>(PART_OF_WORKSHOP_INDEX, workshop.workshopId)) entities.add(part.entity);
    const workshopCache = new Map<string, ChainLessonsWorkshopDocument | null>(workshops.map((w) => [w.workshopId, w]));
    const chainCache = new Map<string, ChainLessonsChainDocument | null>();
    const workshop = async (id: string) => {
      if (!workshopCache.has(id)) workshopCache.set(id, await this.views.maybe<ChainLessonsWorkshopDocument>(CHAIN_LESSONS_COLLECTION, workshopLessonsKey(id)));
      return workshopCache.get(id) ?? null;
    };
    const chainOf = async (id: string) => {
      if (!chainCache.has(id)) chainCache.set(id, await this.views.maybe<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, id));
      return chainCache.get(id) ?? null;
    };
    const organizations: OrganizationAcrossChains[] = [];
    let people = 0;
    let returning = 0;
    for (const entity of [...entities].sort()) {
      const parts = await this.all<ChainLessonsPartDocument>(PART_OF_ENTITY_INDEX, entity);
      const inThisChain: WorkshopPartView[] = [];
      const elsewhere = new Map<string, WorkshopPartView[]>();
      for (const part of parts) {
        const doc = await workshop(part.workshopId);
        const view: WorkshopPartView = { workshopId: part.workshopId, title: doc?.title ?? null, parts: [...part.parts], attended: part.attended };
        if (here.has(part.workshopId)) inThisChain.push(view);
        else if (doc?.chainId && doc.chainId !== chainId) elsewhere.set(doc.chainId, [...(elsewhere.get(doc.chainId) ?? []), view]);
      }
      if (entity.startsWith('p:')) {
        people++;
        if (elsewhere.size > 0) returning++;
        continue;
      }
      const otherChains: OrganizationAcrossChains['otherChains'] = [];
      for (const [otherId, list] of elsewhere) {
        const other = await chainOf(otherId);
        otherChains.push({ chainId: otherId, name: other?.name ?? null, periodStart: other?.periodStart ?? null, workshops: list });
      }
      otherChains.sort((a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? '') || a.chainId.localeCompare(b.chainId));
      organizations.push({ organizationId: entity.slice(2), inThisChain, otherChains });
    }
    return { organizations, people: { inThisChain: people, alsoInOtherChains: returning } };
  }
}

const lessonsOf = (chain: ChainLessonsChainDocument, workshops: ChainLessonsWorkshopDocument[]): ChainLessons => ({
  id: chain.chainId,
  name: chain.name,
  periodStart: chain.periodStart,
  periodEnd: chain.periodEnd,
  status: chain.status,
  followsChainId: chain.followsChainId,
  followedBy: [...chain.followedBy],
  debrief: chain.debrief,
  earlierVersions: chain.earlierVersions,
  workshops: workshops.map(({ workshopId, order, title, startsAt, heldOn, cancelled, debrief, earlierVersions }) => ({ workshopId, order, title, startsAt, heldOn, cancelled, debrief, earlierVersions })),
});
