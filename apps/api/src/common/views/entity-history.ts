import {
  CHAIN_LESSONS_COLLECTION,
  PART_OF_ENTITY_INDEX,
  workshopLessonsKey,
  type ChainLessonsChainDocument,
  type ChainLessonsPartDocument,
  type ChainLessonsWorkshopDocument,
  type ViewDocument,
} from '@kuhina/read-model';
import type { ViewReader } from './view-reader';

/** How an organisation or person took part in one workshop (ids and roles only, no personal data). */
export interface WorkshopPart {
  workshopId: string;
  /** Null only if the workshop's own document is missing (a view being rebuilt). */
  title: string | null;
  startsAt: string | null;
  /** 0-based place in its chain; null until the chain records it. */
  order: number | null;
  /** A person: the roles registered in; an organisation: co-organizer, pledger, or the roles of the people it sent. */
  parts: string[];
  /** The person attended; an organisation: someone affiliated with it attended. */
  attended: boolean;
}

/** One chain an organisation or person took part in, with those workshops; `chainId` null: workshops in no chain. */
export interface ChainHistory {
  chainId: string | null;
  name: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  workshops: WorkshopPart[];
}

/**
 * Reads the chain-lessons view's documents, each workshop and chain once however many entities ask for it: a chain's
 * lessons read the history of every organisation and person of the chain, who share most of their workshops.
 */
export class ChainLessonsLookups {
  private readonly workshops = new Map<string, ChainLessonsWorkshopDocument | null>();
  private readonly chains = new Map<string, ChainLessonsChainDocument | null>();

  constructor(private readonly views: ViewReader) {}

  /** Every document with this index value, over as many pages as it takes. */
  all<T extends ViewDocument>(index: string, value: string): Promise<T[]> {
    return this.views.all<T>(CHAIN_LESSONS_COLLECTION, index, value);
  }

  /** Workshop documents already read (a chain's, by its index) need not be read again. */
  know(workshops: readonly ChainLessonsWorkshopDocument[]): void {
    for (const workshop of workshops) this.workshops.set(workshop.workshopId, workshop);
  }

  async workshop(workshopId: string): Promise<ChainLessonsWorkshopDocument | null> {
    if (!this.workshops.has(workshopId)) {
      const doc = await this.views.maybe<ChainLessonsWorkshopDocument>(CHAIN_LESSONS_COLLECTION, workshopLessonsKey(workshopId));
      this.workshops.set(workshopId, doc?.kind === 'workshop' ? doc : null);
    }
    return this.workshops.get(workshopId) ?? null;
  }

  async chain(chainId: string): Promise<ChainLessonsChainDocument | null> {
    if (!this.chains.has(chainId)) {
      const doc = await this.views.maybe<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, chainId);
      this.chains.set(chainId, doc?.kind === 'chain' ? doc : null);
    }
    return this.chains.get(chainId) ?? null;
  }

  /** Every chain `entity` (`o:<organizationId>` or `p:<personId>`) took part in: chains by period, workshops in chain order. */
  async history(entity: string): Promise<ChainHistory[]> {
    const byChain = new Map<string | null, WorkshopPart[]>();
    for (const part of await this.all<ChainLessonsPartDocument>(PART_OF_ENTITY_INDEX, entity)) {
      // The entity index holds only part documents; checked so that a stray document cannot break the answer.
      if (part.kind !== 'part') continue;
      const workshop = await this.workshop(part.workshopId);
      const chainId = workshop?.chainId ?? null;
      const entry: WorkshopPart = { workshopId: part.workshopId, title: workshop?.title ?? null, startsAt: workshop?.startsAt ?? null, order: workshop?.order ?? null, parts: [...part.parts], attended: part.attended };
      byChain.set(chainId, [...(byChain.get(chainId) ?? []), entry]);
    }
    const chains: ChainHistory[] = [];
    for (const [chainId, workshops] of byChain) {
      const chain = chainId === null ? null : await this.chain(chainId);
      chains.push({ chainId, name: chain?.name ?? null, periodStart: chain?.periodStart ?? null, periodEnd: chain?.periodEnd ?? null, workshops: workshops.sort(inChainOrder) });
    }
    return chains.sort(byPeriod);
  }
}

/** The history of one organisation or person across chains (see ChainLessonsLookups.history). */
export const historyOf = (views: ViewReader, entity: string): Promise<ChainHistory[]> => new ChainLessonsLookups(views).history(entity);

// Workshops the chain has not ordered yet come last, by date, as the view's chainId index lists them. startsAt keeps the
// offset it was planned with (+03:00, Z): compared as instants.
const inChainOrder = (a: WorkshopPart, b: WorkshopPart): number =>
  (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || instant(a.startsAt) - instant(b.startsAt) || a.workshopId.localeCompare(b.workshopId);
const instant = (at: string | null): number => (at === null ? Number.MAX_SAFE_INTEGER : Date.parse(at) || 0);

// Workshops in no chain come last.
const byPeriod = (a: ChainHistory, b: ChainHistory): number =>
  Number(a.chainId === null) - Number(b.chainId === null) ||
  (a.periodStart ?? '').localeCompare(b.periodStart ?? '') ||
  (a.periodEnd ?? '').localeCompare(b.periodEnd ?? '') ||
  (a.chainId ?? '').localeCompare(b.chainId ?? '');
