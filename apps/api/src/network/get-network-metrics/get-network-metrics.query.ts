import type { NetworkChoice } from '@kuhina/application';
import type { NetworkCut } from '@kuhina/read-model';
import type { Role } from '../../common/auth/api-keys';

export class GetNetworkMetricsQuery {
  constructor(
    /** One chain, or several / all merged. */
    readonly chains: NetworkChoice,
    readonly role: Role,
    /** Metrics of the network as it stood then (time travel); none means now. */
    readonly cut: NetworkCut = {},
  ) {}
}
