import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chainDecider, ChainErrors, chainStream, notFound } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import type { ChainTotals, ChainWorkshop, WorkshopChainView } from '@kuhina/read-model';
import { ViewReader } from '../../common/views/view-reader';
import { GetChainQuery } from './get-chain.query';

/** A workshop of the chain as the workshop-chain view shows it (its raw facts stay inside the view). */
export type ChainWorkshopFigures = Omit<ChainWorkshop, 'facts'>;

export interface ChainView {
  id: string;
  name: string;
  fundingProgramme: string;
  esfOperationId: string;
  periodStart: string;
  periodEnd: string;
  description: string;
  status: 'active' | 'closed';
  startedAt: string;
  /** In chain order. */
  workshopIds: string[];
  lastPaidOn: string | null;
  retentionEndsOn: string | null;
  closedAt: string | null;
  closeReason: string | null;
  /** From the workshop-chain view: each workshop with its figures, in chain order. */
  workshops: ChainWorkshopFigures[];
  /** From the workshop-chain view: the chain's totals (null until the projector has seen the chain). */
  totals: ChainTotals | null;
}

export interface ChainQueryResult {
  chain: ChainView;
  revision: number;
}

/**
 * The chain's own fields (and its ETag) from the aggregate, so a write is visible at once; the workshops with
 * their figures and the totals from the workshop-chain view (eventually consistent: use `consistentWith`).
 */
@QueryHandler(GetChainQuery)
export class GetChainHandler implements IQueryHandler<GetChainQuery, ChainQueryResult> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly views: ViewReader,
  ) {}

  async execute({ chainId }: GetChainQuery): Promise<ChainQueryResult> {
    const { state, revision } = await this.handler.loadFresh(chainDecider, chainStream(chainId));
    if (state.status === 'empty') throw notFound(ChainErrors.NOT_FOUND, `No chain ${chainId}`, { chainId });
    const closed = state.status === 'closed' ? state : null;
    const view = await this.views.maybe<WorkshopChainView>('workshop-chains', chainId);
    return {
      revision,
      chain: {
        id: state.chainId,
        name: state.name,
        fundingProgramme: state.fundingProgramme,
        esfOperationId: state.esfOperationId,
        periodStart: state.periodStart,
        periodEnd: state.periodEnd,
        description: state.description,
        status: state.status,
        startedAt: state.startedAt,
        workshopIds: [...state.workshopIds],
        lastPaidOn: state.lastPaidOn,
        retentionEndsOn: state.retentionEndsOn,
        closedAt: closed?.closedAt ?? null,
        closeReason: closed?.closeReason ?? null,
        workshops: (view?.workshops ?? []).map(({ facts: _facts, ...figures }) => figures),
        totals: view?.totals ?? null,
      },
    };
  }
}
