import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CHAIN_INTEGRITY, type ChainIntegrity } from '@kuhina/event-store';
import type { EsfIndicators } from '@kuhina/application';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { logIntegrityNote, type LogIntegrityNote } from '../log-integrity';
import { GetIndicatorsQuery } from './get-indicators.query';

@QueryHandler(GetIndicatorsQuery)
export class GetIndicatorsHandler implements IQueryHandler<GetIndicatorsQuery, EsfIndicators & { logIntegrity: LogIntegrityNote }> {
  constructor(
    private readonly workers: ReadWorkers,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
  ) {}

  async execute({ chainId, role }: GetIndicatorsQuery): Promise<EsfIndicators & { logIntegrity: LogIntegrityNote }> {
    const indicators = await this.workers.run({ kind: 'indicators', chainId, revealPeople: role === 'backoffice' });
    return { ...indicators, logIntegrity: logIntegrityNote(this.integrity) };
  }
}
