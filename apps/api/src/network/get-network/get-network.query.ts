import type { NetworkExportFormat } from '@kuhina/analytics';
import type { NetworkChoice } from '@kuhina/application';
import type { NetworkCut } from '@kuhina/read-model';
import type { Role } from '../../common/auth/api-keys';

export class GetNetworkQuery {
  constructor(
    /** One chain, or several / all merged. */
    readonly chains: NetworkChoice,
    /** Who asks: every role but backoffice sees people only as pseudonyms. */
    readonly role: Role,
    /** Time travel: the network as it stood at a business date and/or a log position; none means now. */
    readonly cut: NetworkCut = {},
    /** A file for the analysts' tools instead of the JSON answer. */
    readonly format?: NetworkExportFormat,
  ) {}
}
