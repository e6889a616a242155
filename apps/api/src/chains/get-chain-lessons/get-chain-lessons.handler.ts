import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChainErrors } from '@kuhina/domain';
import {
  CHAIN_LESSONS_COLLECTION,
  PART_OF_WORKSHOP_INDEX,
  type ChainLessonsChainDocument,
  type ChainLessonsPartDocument,
  type ChainLessonsWorkshopDocument,
} from '@kuhina/read-model';
import { ChainLessonsLookups, type ChainHistory, type WorkshopPart } from '../../common/views/entity-history';
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
    // One per query: the entities of a chain share most workshops and chains, each read once.
    const lookups = new ChainLessonsLookups(this.views);
    const workshops = await workshopsOf(lookups, chainId);
    const predecessors: ChainLessons[] = [];
    const seen = new Set([chainId]);
    for (let previous = chain.followsChainId; previous !== null && !seen.has(previous) && predecessors.length < MAX_PREDECESSORS; ) {
      seen.add(previous);
      const doc = await lookups.chain(previous);
      if (doc === null) break;
      predecessors.push(lessonsOf(doc, await workshopsOf(lookups, previous)));
      previous = doc.followsChainId;
    }
    return { chain: lessonsOf(chain, workshops), predecessors, acrossChains: await acrossChains(lookups, chainId, workshops) };
  }
}

async function workshopsOf(lookups: ChainLessonsLookups, chainId: string): Promise<ChainLessonsWorkshopDocument[]> {
  // The part documents carry other indexes: only workshop documents are indexed by chainId.
  const workshops = (await lookups.all<ChainLessonsWorkshopDocument>('chainId', chainId)).filter((doc) => doc.kind === 'workshop');
  lookups.know(workshops);
  return workshops;
}

/** Each entity of the chain's history across chains (entity-history), split into this chain and the others. */
async function acrossChains(lookups: ChainLessonsLookups, chainId: string, workshops: ChainLessonsWorkshopDocument[]): Promise<ChainLessonsResult['acrossChains']> {
  const entities = new Set<string>();
  for (const workshop of workshops) for (const part of await lookups.all<ChainLessonsPartDocument>(PART_OF_WORKSHOP_INDEX, workshop.workshopId)) entities.add(part.entity);
  const organizations: OrganizationAcrossChains[] = [];
  let people = 0;
  let returning = 0;
  for (const entity of [...entities].sort()) {
    const history = await lookups.history(entity);
    const partView = ({ workshopId, title, parts, attended }: WorkshopPart): WorkshopPartView => ({ workshopId, title, parts, attended });
    const inThisChain = history.filter((chain) => chain.chainId === chainId).flatMap((chain) => chain.workshops.map(partView));
    // Workshops in no chain belong to no other chain: left out, as before.
    const elsewhere = history.filter((chain): chain is ChainHistory & { chainId: string } => chain.chainId !== null && chain.chainId !== chainId);
    if (entity.startsWith('p:')) {
      people++;
      if (elsewhere.length > 0) returning++;
      continue;
    }
    const otherChains = elsewhere.map((chain) => ({ chainId: chain.chainId, name: chain.name, periodStart: chain.periodStart, workshops: chain.workshops.map(partView) }));
    organizations.push({ organizationId: entity.slice(2), inThisChain, otherChains });
  }
  return { organizations, people: { inThisChain: people, alsoInOtherChains: returning } };
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
