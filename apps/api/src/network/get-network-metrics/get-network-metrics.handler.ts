import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NetworkMetrics } from '@kuhina/analytics';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { GetNetworkMetricsQuery } from './get-network-metrics.query';

/** Graph metrics (graphology) of a chain's network (or of several, merged), now or at a cut, on a read worker; people only as pseudonyms for every role but backoffice. */
@QueryHandler(GetNetworkMetricsQuery)
export class GetNetworkMetricsHandler implements IQueryHandler<GetNetworkMetricsQuery, NetworkMetrics> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ chains, role, cut }: GetNetworkMetricsQuery): Promise<NetworkMetrics> {
    return this.workers.run({ kind: 'network-metrics', ...chains, revealPeople: role === 'backoffice', cut });
  }
}
