import type { CommandContext } from '@kuhina/event-store';
import type { PersonalData } from '@kuhina/privacy';

/**
 * Create a person, or find the one who already has this e-mail (through the blind index).
 * Personal data is encrypted before it reaches the domain or the log.
 */
export class RegisterPerson {
  constructor(
    readonly data: {
      /** Optional client-chosen id; otherwise derived from the command id (stable across retries). */
      personId?: string;
      personalData: PersonalData;
      organizationId: string | null;
      /** Business time. */
      at: string;
    },
    readonly context: CommandContext,
  ) {}
}

export interface RegisterPersonResult {
  personId: string;
  /** False when an existing person with the same e-mail was found and reused. */
  created: boolean;
  /** True when this answer repeats an earlier identical command (same command id): nothing was recorded now. */
  duplicate: boolean;
  /** Of the creation; for a person found again, of their stream's head. */
  position: bigint | null;
  /** The person's stream revision (the resource's ETag). */
  revision: number;
}
