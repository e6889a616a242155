import { Inject, Injectable } from '@nestjs/common';
import { DomainError, emailClaimDecider, emailClaimStream, personDecider, PersonErrors, personStream, type EmailClaimCommand, type PersonCommand } from '@kuhina/domain';
import { CommandHandler, deriveCommandId, EVENT_STORE, type CommandContext, type EventStore } from '@kuhina/event-store';
import { KEY_STORE, type KeyStore } from '@kuhina/privacy';

export interface EraseRequest {
  personId: string;
  /** Why; must hold no personal data (it stays in the log for good). */
  reason: string;
  /** Business time. */
  at: string;
}

export interface ErasureResult {
  personId: string;
  /** True when PersonalDataErased is in the log because of this command (also on a retry with the same command id). */
  recorded: boolean;
  /** True when the person had been erased before by another command: nothing new was recorded. */
  alreadyErased: boolean;
  /** Keys destroyed by this call (0 when an earlier attempt already destroyed them). */
  keysDestroyed: number;
  /** True when this call freed the person's e-mail reservation. */
  emailReleased: boolean;
  revision: number;
  position: bigint | null;
}

/**
 * Crypto-shredding of one person, shared by `POST /people/:id/erase` and `kuhina retention run`.
 *
 * Order: (1) append PersonalDataErased, (2) destroy the person's keys, (3) release the e-mail reservation.
 * - The event first, because destroying a key cannot be undone: if the key went first and the append then
 *   failed, data would be gone with no record of who erased it and why. With the event first, a failure
 *   after (1) leaves a recorded erasure whose key still exists; every view already shows the person as erased,
 *   and any retry finishes the job, because steps (2) and (3) run even when the decider decides nothing
 *   (erasing twice records no second event; destroying and releasing again are no-ops).
 * - The answer is given only after all three steps: an acknowledged erasure is a complete one.
 * - Event ids derive from the command id, so a retry with the same Idempotency-Key never duplicates anything.
 */
@Injectable()
export class PersonalDataEraser {
  constructor(
    @Inject(CommandHandler) private readonly handler: CommandHandler,
    @Inject(EVENT_STORE) private readonly store: Pick<EventStore, 'readStream'>,
    @Inject(KEY_STORE) private readonly keys: Pick<KeyStore, 'destroyKeysOf'>,
  ) {}

  /** Rejects with PERSON.NOT_FOUND (nothing destroyed) for a person never created, PERSON.BLANK_FIELD for a blank reason. */
  async erase({ personId, reason, at }: EraseRequest, context: CommandContext): Promise<ErasureResult> {
    const erase: PersonCommand = { type: 'ErasePersonalData', data: { personId, reason, erasedBy: context.actor }, at };
    const result = await this.handler.handle(personDecider, personStream(personId), erase, context);
    const recorded = result.events.length > 0;

    const { keysDestroyed, emailReleased } = await this.shred(personId, at, context);
    return { personId, recorded, alreadyErased: !recorded, keysDestroyed, emailReleased, revision: result.revision, position: result.position };
  }

  /**
   * Steps (2) and (3) alone, for a person the log already shows as erased: finishes an erasure that was
   * interrupted after its event. Does nothing for a person who is not erased (never shreds live data).
   */
  async completeErasure(personId: string, at: string, context: CommandContext): Promise<Pick<ErasureResult, 'keysDestroyed' | 'emailReleased'>> {
    const { state } = await this.handler.loadFresh(personDecider, personStream(personId));
    if (state.status !== 'erased') return { keysDestroyed: 0, emailReleased: false };
    return this.shred(personId, at, context);
  }

  private async shred(personId: string, at: string, context: CommandContext): Promise<Pick<ErasureResult, 'keysDestroyed' | 'emailReleased'>> {
    const keysDestroyed = await this.keys.destroyKeysOf(personId);
    const blindIndex = await this.erasedEmailBlindIndex(personId);
    const emailReleased = blindIndex === null ? false : await this.releaseEmail(blindIndex, personId, at, context);
    return { keysDestroyed, emailReleased };
  }

  /** The blind index the erasure names; the erased state no longer keeps it, the event does. */
  private async erasedEmailBlindIndex(personId: string): Promise<string | null> {
    // A person stream holds a handful of events: read it whole.
    const events = await this.store.readStream(personStream(personId));
    const erased = events.find((event) => event.type === 'PersonalDataErased');
    const blindIndex = (erased?.data as { emailBlindIndex?: unknown } | undefined)?.emailBlindIndex;
    return typeof blindIndex === 'string' ? blindIndex : null;
  }

  private async releaseEmail(blindIndex: string, personId: string, at: string, context: CommandContext): Promise<boolean> {
    const release: EmailClaimCommand = { type: 'ReleaseEmail', data: { blindIndex, personId }, at };
    // If-Match, if any, was about the person stream: never carry it over to the reservation.
    const releaseContext: CommandContext = { commandId: deriveCommandId(context.commandId, 'email-release'), actor: context.actor, correlationId: context.correlationId, causationId: context.commandId };
    try {
      const released = await this.handler.handle(emailClaimDecider, emailClaimStream(blindIndex), release, releaseContext);
      return released.events.length > 0 && !released.duplicate;
    } catch (error) {
      // Released earlier and claimed since by someone else: that reservation is theirs now, ours is gone.
      if (error instanceof DomainError && error.code === PersonErrors.EMAIL_NOT_OWNED) return false;
      throw error;
    }
  }
}
