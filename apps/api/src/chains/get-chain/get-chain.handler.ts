import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chainDecider, ChainErrors, chainStream, notFound } from '@kuhina/domain';
import { CommandHandler } from '@kuhina/event-store';
import { GetChainQuery } from './get-chain.query';

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
}

export interface ChainQueryResult {
  chain: ChainView;
  revision: number;
}

/** Answers from the aggregate's state until the workshop-chain read model takes over. */
@QueryHandler(GetChainQuery)
export class GetChainHandler implements IQueryHandler<GetChainQuery, ChainQueryResult> {
  constructor(private readonly handler: CommandHandler) {}

  async execute({ chainId }: GetChainQuery): Promise<ChainQueryResult> {
    const { state, revision } = await this.handler.loadFresh(chainDecider, chainStream(chainId));
    if (state.status === 'empty') throw notFound(ChainErrors.NOT_FOUND, `No chain ${chainId}`, { chainId });
    const closed = state.status === 'closed' ? state : null;
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
      },
    };
  }
}
