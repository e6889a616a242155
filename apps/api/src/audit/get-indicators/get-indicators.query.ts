import type { Role } from '../../common/auth/api-keys';

export class GetIndicatorsQuery {
  constructor(
    readonly chainId: string,
    readonly role: Role,
  ) {}
}
