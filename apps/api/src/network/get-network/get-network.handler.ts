import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NetworkAnswer, NetworkExport } from '@kuhina/analytics';
import { ReadWorkers } from '../../common/read-workers/read-workers';
import { GetNetworkQuery } from './get-network.query';

/**
 * The network of a chain (or of several, merged), now or at a cut, or its export file, on a read worker (a replay or a large chain's file takes
 * time); organisations labelled, people pseudonymised for every role but backoffice.
 */
@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery, NetworkAnswer | NetworkExport> {
  constructor(private readonly workers: ReadWorkers) {}

  execute({ chains, role, cut, format }: GetNetworkQuery): Promise<NetworkAnswer | NetworkExport> {
    // Several chains go through the same task (and worker) as one: the merge is part of the read.
    return this.workers.run({ kind: 'network', ...chains, revealPeople: role === 'backoffice', cut, format });
  }
}
