import type { ChainIntegrity } from '@kuhina/event-store';
import type { StartupCheckState } from '@kuhina/application';

/** The `integrity` entry of `/health`: what is known broken, and how far the start-up check has got. */
export interface IntegrityHealth {
  status: 'up' | 'down';
  /** Present when down: one sentence for whoever reads the health page. */
  message?: string;
  /** Every stream whose hash chain is broken, with the exact event (revision, id) and both hashes. */
  breaks: ReturnType<ChainIntegrity['breaks']>;
  /** The last seal the log no longer gives, if the start-up check found one. */
  sealMismatch: ChainIntegrity['sealMismatch'];
  startUpCheck: StartupCheckState | { state: 'off' };
}

/**
 * Down as soon as one break is known. `/health` then answers 200 with `status: "degraded"`, not 503: the node still
 * serves every read and every write to the intact streams, and a load balancer or orchestrator that took it out or
 * restarted it would not repair a log (a restart finds the same break again) but would stop all of that. What to do is
 * a person's decision, and the answer names the event for them.
 */
export function integrityHealth(integrity: ChainIntegrity, startUp: StartupCheckState | null): IntegrityHealth {
  const breaks = integrity.breaks().map((found) => ({ ...found, stream: publicStream(found.stream) }));
  const sealMismatch = integrity.sealMismatch;
  const startUpCheck = startUp ?? { state: 'off' as const };
  if (breaks.length === 0 && sealMismatch === null) return { status: 'up', breaks, sealMismatch, startUpCheck };
  const parts = breaks.map((b) => `stream ${b.stream} at revision ${b.revision} (event ${b.eventId}, ${b.problem})`);
  if (sealMismatch) parts.push(`the seal ${sealMismatch.id} at position ${sealMismatch.position} no longer matches the log`);
  const message = `The event log was altered: ${parts.join('; ')}. Writes to the broken streams are refused and their views no longer follow them; run \`kuhina audit verify\` and restore the log from a verified backup.`;
  return { status: 'down', message, breaks, sealMismatch, startUpCheck };
}

/**
 * `/health` is public: a person's or staff member's stream is named by its kind only (its id is a person id, which no
 * one without a backoffice key may see); the event id and revision still name the broken event, and the server log
 * and `kuhina audit verify` give the whole stream name.
 */
export function publicStream(stream: string): string {
  return /^(person|staff)-/.test(stream) ? `${stream.slice(0, stream.indexOf('-'))}-(id withheld)` : stream;
}
