/**
 * Seals are facts about the log itself, not about the domain: they live in one stream of their own.
 *
 * That stream is left out of the heads a seal covers, because
 *  - a seal attests the business log; the seal stream is already protected by its own hash chain, so
 *    sealing the seals adds no evidence;
 *  - the root then depends on the business events alone: two seals of the same business state give the
 *    same root however many seals were taken in between, so a root written down outside the system
 *    (a report, an e-mail to the managing authority) can be compared with one recomputed later.
 */
export const AUDIT_SEALS_STREAM = 'audit-seals';
export const AUDIT_SEALED = 'AuditSealed';
/** See `merkle-root.ts` for the construction, step by step. */
export const SEAL_ALGORITHM = 'sha256-merkle-v1';

export interface AuditSealedData {
  /** Log position (decimal string: positions are 64-bit) whose stream heads the root covers. */
  position: string;
  /** How many stream heads the root covers (every stream but `audit-seals` with an event at or before `position`). */
  streams: number;
  /** Merkle root, lower-case hex. */
  root: string;
  algorithm: typeof SEAL_ALGORITHM;
  /** When the seal was taken (ISO 8601, system time). */
  at: string;
}
