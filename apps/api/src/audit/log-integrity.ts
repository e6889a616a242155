import type { ChainIntegrity } from '@kuhina/event-store';
import { integrityHealth, type IntegrityHealth } from '../health/integrity.health';

/** What a report computed from the log says of the log it was computed from (see LogIntegrity in the ledger and indicators). */
export type LogIntegrityNote = Pick<IntegrityHealth, 'status' | 'message' | 'breaks' | 'sealMismatch'>;

/**
 * A ledger or indicators report reads the log itself, so a forged amount would show in it as if it were true: the
 * answer says, beside its figures, that the log is known altered and where (as `/health` names it, people's streams by
 * kind only). `status: "up"` means no break is known to this process, not that the log was verified: that is
 * `GET /audit/verify`.
 */
export function logIntegrityNote(integrity: ChainIntegrity): LogIntegrityNote {
  const { status, message, breaks, sealMismatch } = integrityHealth(integrity, null);
  return { status, ...(message === undefined ? {} : { message }), breaks, sealMismatch };
}
