import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NetworkAnswer } from '@kuhina/analytics';
import { NetworkReader } from '@kuhina/application';
import { GetNetworkQuery } from './get-network.query';

/** The network of a chain, now or at a cut; organisations labelled, people pseudonymised for every role but backoffice. */
@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery, NetworkAnswer> {
  constructor(private readonly networks: NetworkReader) {}

  execute({ chainId, role, cut }: GetNetworkQuery): Promise<NetworkAnswer> {
    return this.networks.read(chainId, { revealPeople: role === 'backoffice' }, cut);
  }
}
