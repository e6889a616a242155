import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChainErrors } from '@kuhina/domain';
import { WORKSHOP_CHAIN_COLLECTION, type ChainTotals, type ChainWorkshop, type WorkshopChainView } from '@kuhina/read-model';
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
  /** In chain order: every workshop the chain recorded, planned or not. */
  workshopIds: string[];
  lastPaidOn: string | null;
  retentionEndsOn: string | null;
  /** The hub's own organisation: it runs the chain, so it is never among the organisations reached. */
  hubOrganizationId: string | null;
  /** Planning meetings held for the chain as a whole (beside each workshop's own). */
  chainMeetings: WorkshopChainView['chainMeetings'];
  /** Expenses of the chain as a whole (beside each workshop's own; the totals include both). */
  chainExpenses: WorkshopChainView['chainExpenses'];
  /** Staff minutes spent on the chain as a whole (no money here: costs are in the audit ledger). */
  chainStaffMinutes: WorkshopChainView['chainStaffMinutes'];
  closedAt: string | null;
  closeReason: string | null;
  /** Each planned workshop with its figures, in chain order. */
  workshops: ChainWorkshopFigures[];
  /** The chain's totals. */
  totals: ChainTotals;
}

export interface ChainQueryResult {
  chain: ChainView;
  /** The chain stream's revision after the last chain event the view applied: the ETag. */
  revision: number;
}

/** The workshop-chain view: the chain's own fields, its workshops with their figures and the totals (read-your-writes with `consistentWith`). */
@QueryHandler(GetChainQuery)
export class GetChainHandler implements IQueryHandler<GetChainQuery, ChainQueryResult> {
  constructor(private readonly views: ViewReader) {}

  async execute({ chainId }: GetChainQuery): Promise<ChainQueryResult> {
    const view = await this.views.one<WorkshopChainView>(WORKSHOP_CHAIN_COLLECTION, chainId, ChainErrors.NOT_FOUND, 'chain', { chainId });
    return {
      revision: view.revision,
      chain: {
        id: view.chainId,
        name: view.name,
        fundingProgramme: view.fundingProgramme,
        esfOperationId: view.esfOperationId,
        periodStart: view.period.start,
        periodEnd: view.period.end,
        description: view.description,
        status: view.status,
        startedAt: view.startedAt,
        workshopIds: inChainOrder(view.facts.workshopOrder),
        lastPaidOn: view.lastPaymentOn,
        retentionEndsOn: view.retentionEndsOn,
        hubOrganizationId: view.hubOrganizationId,
        chainMeetings: view.chainMeetings,
        chainExpenses: view.chainExpenses,
        chainStaffMinutes: view.chainStaffMinutes,
        closedAt: view.closedAt,
        closeReason: view.closeReason,
        workshops: view.workshops.map(({ facts: _facts, ...figures }) => figures),
        totals: view.totals,
      },
    };
  }
}

/** The workshop ids by their place in the chain (WorkshopAddedToChain's `order`: 0, 1, 2, ...). */
const inChainOrder = (workshopOrder: Record<string, number>): string[] =>
  Object.entries(workshopOrder)
    .sort(([, a], [, b]) => a - b)
    .map(([workshopId]) => workshopId);
