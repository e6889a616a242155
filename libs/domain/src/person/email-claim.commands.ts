import type { DomainCommand } from '../shared/decider';

/** Reserve an e-mail (by its blind index) for one person; sent before the person is created or its e-mail changes. */
export type ClaimEmail = DomainCommand<'ClaimEmail', { blindIndex: string; personId: string }>;

/** Free the reservation, e.g. after erasure or an e-mail change. Only the owner releases. */
export type ReleaseEmail = DomainCommand<'ReleaseEmail', { blindIndex: string; personId: string }>;

export type EmailClaimCommand = ClaimEmail | ReleaseEmail;
