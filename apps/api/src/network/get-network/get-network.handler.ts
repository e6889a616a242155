import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NetworkAnswer, NetworkExport } from '@kuhina/analytics';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { GetNetworkQuery } from './get-network.query';

/**
 * The network of a chain, now or at a cut, or its export file, on a read worker (a replay or a large chain's file takes
 * time); organisations labelled, people pseudonymised for every role but backoffice.
 */
@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery, NetworkAnswer | NetworkExport> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ chainId, role, cut, format }: GetNetworkQuery): Promise<NetworkAnswer | NetworkExport> {
    return this.workers.run({ kind: 'network', chainId, revealPeople: role === 'backoffice', cut, format });
  }
}
