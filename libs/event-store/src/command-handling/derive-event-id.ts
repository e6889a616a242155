import { createHash } from 'node:crypto';

/**
 * Event ids are derived from the command id, so that a retried command (same Idempotency-Key,
 * even after a restart) produces the very same event ids and the store's idempotency turns the
 * retry into a no-op. Name-based UUID (RFC 9562 version 8 layout over SHA-256).
 */
export function deriveEventId(commandId: string, stream: string, index: number): string {
  const bytes = createHash('sha256').update(`kuhina-event\u0000${commandId}\u0000${stream}\u0000${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom, name-based
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable sub-command id, for one request that writes to several streams (e.g. plan a workshop, then add it to its chain). */
export function deriveCommandId(commandId: string, step: string): string {
  return deriveEventId(commandId, `step:${step}`, 0);
}
