import type { ProjectorLease } from './projector-lease';

/** How a run of the projector may go on: with the lease kept from the last run, newly taken, refused, or with no lease at all. */
export type LeaseTurn = 'kept' | 'taken' | 'refused' | 'no-lease';

/**
 * The projector's turns with its lease (if it has one). A run takes it, unless it kept it from the last run and still
 * holds it; after a run it is kept for the next write's catch-up (where the lease tells whether it is still held) and
 * given up after `idleMs` without one, or at once to someone waiting for it. A write then costs no take, no re-read of
 * the checkpoints and no release: three round trips to the read store. A kept lease lost meanwhile (taken over after
 * this process paused past its term) fails the next commit, which is fenced with it.
 */
export class LeaseTurns {
  private kept = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The lease being given up (always fulfilled): a new take waits for it. */
  private lettingGo: Promise<void> = Promise.resolve();

  constructor(
    private readonly lease: ProjectorLease | undefined,
    private readonly idleMs: number,
    /** Called whenever the lease is given up: what only its holder could keep must be forgotten. */
    private readonly onLetGo: () => void,
  ) {}

  /** Kept between runs: nobody else can have written the views since this process last committed. */
  get isKept(): boolean {
    return this.kept;
  }

  /** Another process waits for the lease: without a pause a steady stream of writes would starve it. */
  async wanted(): Promise<boolean> {
    return (await this.lease?.wanted?.()) ?? false;
  }

  /** Starts a run: 'refused' when someone waits for the lease or holds it (then the run must not write). */
  async take(): Promise<LeaseTurn> {
    this.cancelIdleRelease();
    const lease = this.lease;
    if (!lease) return 'no-lease';
    const kept = this.kept && lease.isHeld === true;
    if (await this.wanted()) {
      if (kept) await this.letGo();
      return 'refused';
    }
    if (kept) return 'kept';
    if (!(await this.lettingGo.then(() => lease.tryAcquire()))) return 'refused';
    // Kept between runs only where the lease tells whether it is still held.
    this.kept = lease.isHeld === true;
    return 'taken';
  }

  /** Ends a run: the lease is kept for the next one a while, or given up now (`now`, or a lease that cannot be kept). */
  end(now: boolean, running: () => boolean): Promise<void> {
    if (now || !this.kept || this.idleMs <= 0) return this.letGo();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // A run going on keeps it, and decides again at its end.
      if (!running()) void this.letGo().catch(() => undefined);
    }, this.idleMs);
    this.idleTimer.unref();
    return Promise.resolve();
  }

  /** Gives the lease up (if there is one); resolves once it is released. */
  letGo(): Promise<void> {
    this.cancelIdleRelease();
    this.kept = false;
    this.onLetGo();
    const lease = this.lease;
    if (!lease) return Promise.resolve();
    const released = this.lettingGo.then(() => lease.release());
    // What a new take waits for: settled either way (a failed release is the caller's to report).
    this.lettingGo = released.catch(() => undefined);
    return released;
  }

  private cancelIdleRelease(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
