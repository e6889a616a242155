import { PROJECTIONS, type Projector, type ReadStore } from '@kuhina/read-model';

/**
 * How far the views have got in the log, for read-your-writes: in-process it asks the projector
 * (and wakes on its commits); with the projector in another process it polls the stored checkpoints.
 */
export class ReadModelPosition {
  constructor(
    private readonly projector: Projector | null,
    private readonly store: ReadStore,
    private readonly pollMs = 50,
  ) {}

  async current(): Promise<bigint | null> {
    if (this.projector) return this.projector.position;
    let lowest: bigint | null = null;
    for (const projection of PROJECTIONS) {
      const checkpoint = await this.store.checkpoint(projection.name);
      if (!checkpoint || checkpoint.position === null) return null;
      if (lowest === null || checkpoint.position < lowest) lowest = checkpoint.position;
    }
    return lowest;
  }

  /** True once the views include `position`; false after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.projector) return this.projector.waitFor(position, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.current();
      if (current !== null && current >= position) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollMs, Math.max(1, deadline - Date.now()))));
    }
  }
}
