import type { Role } from '../../common/auth/api-keys';

export class TraceEventQuery {
  constructor(
    readonly eventId: string,
    readonly role: Role,
  ) {}
}
