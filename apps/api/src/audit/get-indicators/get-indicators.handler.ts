import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditReader, type EsfIndicators } from '@kuhina/application';
import { GetIndicatorsQuery } from './get-indicators.query';

@QueryHandler(GetIndicatorsQuery)
export class GetIndicatorsHandler implements IQueryHandler<GetIndicatorsQuery, EsfIndicators> {
  constructor(private readonly audit: AuditReader) {}

  execute({ chainId, role }: GetIndicatorsQuery): Promise<EsfIndicators> {
    return this.audit.indicators(chainId, { revealPeople: role === 'backoffice' });
  }
}
