import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EsfIndicators } from '@kuhina/application';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { GetIndicatorsQuery } from './get-indicators.query';

@QueryHandler(GetIndicatorsQuery)
export class GetIndicatorsHandler implements IQueryHandler<GetIndicatorsQuery, EsfIndicators> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ chainId, role }: GetIndicatorsQuery): Promise<EsfIndicators> {
    return this.workers.run({ kind: 'indicators', chainId, revealPeople: role === 'backoffice' });
  }
}
