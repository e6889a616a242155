import { PROJECTIONS, checkpointsOf, lowestPosition, type Projector, type ReadStore } from '@kuhina/read-model';

/**
 * How far the views have got in the log, for read-your-writes, `X-Projection-Position` and /health: always the
 * checkpoints stored with the views. The projector of this process is not asked: while `kuhina projections
 * rebuild` (another process, holding the lease) replays the views from scratch, its position in memory is the
 * one from before the rebuild, and a read "consistent with" it would be answered from half-rebuilt views.
 * An in-process projector only wakes a waiting read at its commits, sooner than polling would.
 */
export class ReadModelPosition {
  constructor(
    private readonly projector: Projector | null,
    private readonly store: ReadStore,
    private readonly pollMs = 50,
  ) {}

  /** The lowest stored checkpoint of all projections; null while some projection has applied nothing. */
  async current(): Promise<bigint | null> {
    return lowestPosition((await checkpointsOf(this.store, PROJECTIONS)).map((checkpoint) => checkpoint?.position ?? null));
  }

  /** True once the stored views include `position`; false after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.current();
      if (current !== null && current >= position) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const pause = Math.min(this.pollMs, left);
      const behind = this.projector !== null && (this.projector.position === null || this.projector.position < position);
      // Behind in memory too: its commit wakes us. Ahead in memory but not in the store: someone else is rebuilding, poll.
      if (behind) await this.projector!.waitFor(position, pause);
      else await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
