import type { Role } from '../../common/auth/api-keys';

export class GetNetworkQuery {
  constructor(
    readonly chainId: string,
    /** Who asks: every role but backoffice sees people only as pseudonyms. */
    readonly role: Role,
  ) {}
}
