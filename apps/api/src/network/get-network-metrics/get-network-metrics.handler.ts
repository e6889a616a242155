import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { networkMetrics, type NetworkMetrics } from '@kuhina/analytics';
import { NetworkReader } from '@kuhina/application';
import { GetNetworkMetricsQuery } from './get-network-metrics.query';

/** Graph metrics (graphology) of a chain's network, now or at a cut; people only as pseudonyms for every role but backoffice. */
@QueryHandler(GetNetworkMetricsQuery)
export class GetNetworkMetricsHandler implements IQueryHandler<GetNetworkMetricsQuery, NetworkMetrics> {
  constructor(private readonly networks: NetworkReader) {}

  async execute({ chainId, role, cut }: GetNetworkMetricsQuery): Promise<NetworkMetrics> {
    return networkMetrics(await this.networks.read(chainId, { revealPeople: role === 'backoffice' }, cut));
  }
}
