import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeasedReadStore, LeaseStore, ReadStore, UnitOfWork } from '../read-store.port';

/** Only one projector may write a read store at a time; the lease says who. Each method may answer at once or by a promise. */
export interface ProjectorLease {
  /** True if this process holds the lease now (taking it if it is free or its holder's term ran out). */
  tryAcquire(): boolean | Promise<boolean>;
  release(): void | Promise<void>;
  /**
   * Says that this one waits for the lease (true) or no longer does (false). A holder that sees it `wanted` lets go at
   * its next pause and does not take the lease back meanwhile: a rebuild's switch is not starved by a busy projector.
   */
  want?(waiting: boolean): void | Promise<void>;
  /** Someone else waits for the lease. */
  wanted?(): boolean | Promise<boolean>;
  /** Makes this unit of work commit only while this lease is held (checked in the commit itself). */
  fence?(uow: UnitOfWork): void;
  /**
   * Renews the lease if a third of its term has passed since the last renewal (never takes it back once lost). Called
   * between the pages of a batch: a batch whose reads resolve at once never lets a timer run, so the timer alone
   * would let a long batch's lease lapse.
   */
  keepAlive?(): Promise<void>;
  /** How long a holder that died keeps the lease (ms), when that is known. */
  readonly ttlMs?: number;
  /**
   * Held as far as this process knows (false once a renewal found it lost). A lease that tells is kept between the
   * projector's catch-ups while writes come in; one that does not is taken and given up around each catch-up.
   */
  readonly isHeld?: boolean;
}

export interface StoreLeaseOptions {
  /** The term (ms): a holder renews it every third of it; one that died holds it at most this long. Default 15 s. */
  ttlMs?: number;
  /** Default: hostname, pid and a random id, so that pid 1 in two containers (or a restarted one) are different owners. */
  owner?: string;
}

const DEFAULT_TTL_MS = 15_000;
/** How long a wish for the lease counts (ms): a waiter says it again more often (a rebuild every 5 s), a killed one's lapses. */
const WANT_TTL_MS = 30_000;

/**
 * The projector lease kept in the read store itself (owner id + expiry), so that it holds across containers and hosts:
 * taken when free or expired, renewed while held, given up on release. The commits of the holder are fenced with it
 * (`fence`): a holder that lost it (paused longer than its term, then taken over) cannot write a batch after all.
 */
export class StoreLease implements ProjectorLease {
  readonly owner: string;
  readonly ttlMs: number;
  private held = false;
  private renewal: NodeJS.Timeout | null = null;
  private renewedAt = 0;

  constructor(
    private readonly store: LeaseStore,
    readonly name: string,
    options: StoreLeaseOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  }

  /** The lease `name` kept in `store`; a TypeError for a store that keeps none (e.g. a throw-away one of a benchmark). */
  static of(store: ReadStore, name: string, options: StoreLeaseOptions = {}): StoreLease {
    if (!store.acquireLease || !store.releaseLease || !store.leaseHolder) throw new TypeError(`The ${store.name} read store keeps no leases`);
    return new StoreLease(store as LeasedReadStore, name, options);
  }

  /** Held as far as this process knows (the store decides at each commit). */
  get isHeld(): boolean {
    return this.held;
  }

  async tryAcquire(): Promise<boolean> {
    const held = await this.store.acquireLease(this.name, this.owner, this.ttlMs);
    this.held = held;
    if (held) this.renewedAt = Date.now();
    if (held) this.keepRenewing();
    else this.stopRenewing();
    return held;
  }

  async release(): Promise<void> {
    this.stopRenewing();
    this.held = false;
    await this.store.releaseLease(this.name, this.owner);
  }

  async want(waiting: boolean): Promise<void> {
    if (waiting) await this.store.acquireLease(this.wishName, this.owner, WANT_TTL_MS);
    else await this.store.releaseLease(this.wishName, this.owner);
  }

  async wanted(): Promise<boolean> {
    const waiter = await this.store.leaseHolder(this.wishName);
    return waiter !== null && waiter !== this.owner;
  }

  async keepAlive(): Promise<void> {
    if (!this.held || Date.now() - this.renewedAt < this.ttlMs / 3) return;
    await this.renew();
  }

  fence(uow: UnitOfWork): void {
    // A unit of work that cannot check the lease must not commit as if it had.
    if (!uow.requireLease) throw new TypeError('This read store keeps no leases: its commits cannot be fenced');
    uow.requireLease(this.name, this.owner);
  }

  private get wishName(): string {
    return `${this.name}.wanted`;
  }

  private keepRenewing(): void {
    if (this.renewal) return;
    this.renewal = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.ttlMs / 3)));
    this.renewal.unref();
  }

  private async renew(): Promise<void> {
    const startedAt = Date.now();
    try {
      if (await this.store.acquireLease(this.name, this.owner, this.ttlMs, true)) {
        this.renewedAt = startedAt;
        return;
      }
      // Lost (this process stalled past its term): its next commit fails; only a fresh take (which re-reads the checkpoints) gets it back.
      this.held = false;
      this.stopRenewing();
    } catch {
      // A passing fault (a busy file, a dropped connection): the next renewal tries again, and the commit checks anyway.
    }
  }

  private stopRenewing(): void {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
  }
}
