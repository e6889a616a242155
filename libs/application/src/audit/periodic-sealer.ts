import { AUDIT_SEALS_STREAM, sealLog, type AuditSealedData, type EventStore } from '@kuhina/event-store';

export interface PeriodicSealerOptions {
  /** Seal once the log has grown by this many events since the last seal (KUHINA_SEAL_EVERY; 0: never). */
  every: number;
  /** The seal's `at`; injected so tests control it. */
  clock?: () => Date;
  /** Told about each seal (logs). */
  onSeal?: (seal: AuditSealedData) => void;
  onError?: (error: unknown) => void;
}

/**
 * Seals the log every `every` events, following the store's append signal: the periodic `AuditSealed`
 * events auditors can check without anyone remembering to run `kuhina audit seal`. It runs where the
 * projector runs (one writer of seals), and never overlaps itself.
 */
export class PeriodicSealer {
  /** Position the last seal covered (null: never sealed). */
  private lastSealed: bigint | null = null;
  private started = false;
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: Pick<EventStore, 'append' | 'readAll' | 'headPosition' | 'findByIds' | 'readStream' | 'subscribe'>,
    private readonly options: PeriodicSealerOptions,
  ) {}

  async start(): Promise<void> {
    if (this.options.every <= 0) return;
    const seals = await this.store.readStream(AUDIT_SEALS_STREAM);
    const last = seals.at(-1);
    this.lastSealed = last ? BigInt((last.data as AuditSealedData).position) : null;
    this.started = true;
    this.unsubscribe = this.store.subscribe(() => this.trigger());
    this.trigger();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running;
  }

  /** Seals now if the log has grown enough; what each append signal does. */
  async check(): Promise<void> {
    this.trigger();
    while (this.running) await this.running;
  }

  private trigger(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.sealIfDue();
        } while (this.again);
      } catch (error) {
        // The next append tries again; a missed seal loses nothing (the log itself is intact).
        this.options.onError?.(error);
      } finally {
        this.running = null;
      }
    })();
  }

  private async sealIfDue(): Promise<void> {
    const head = await this.store.headPosition();
    if (head === null || !this.started) return;
    // The previous seal's own event is one of the events after it: count it out so a quiet log stays unsealed.
    const grown = this.lastSealed === null ? head : head - this.lastSealed - 1n;
    if (grown < BigInt(this.options.every)) return;
    const result = await sealLog(this.store, { actor: 'projector', at: (this.options.clock ?? (() => new Date()))().toISOString() });
    this.lastSealed = BigInt(result.seal.position);
    this.options.onSeal?.(result.seal);
  }
}
