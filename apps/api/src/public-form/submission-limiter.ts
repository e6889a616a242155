import { Injectable } from '@nestjs/common';

/**
 * Submissions per workshop (over all its links) in a fixed window (per-address limits are the API's own, for every public route): a
 * crowd or a script behind many addresses still cannot fill a workshop's log faster than this. In memory: one
 * process serves a form; a restart starts a new window, which is what a window is.
 */
@Injectable()
export class SubmissionLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly max: number = Number(process.env.KUHINA_FORM_SUBMISSIONS_PER_LINK ?? 60),
    readonly windowMs: number = Number(process.env.KUHINA_FORM_WINDOW_SECONDS ?? 60) * 1000,
    private readonly now: () => number = Date.now,
    private readonly enabled: boolean = process.env.KUHINA_RATE_LIMITS !== 'off',
  ) {}

  /** Counts one submission; false when the link's window is full. */
  take(key: string): boolean {
    if (!this.enabled) return true;
    const now = this.now();
    const window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      // Bounded: forget the oldest windows first (a Map iterates in insertion order).
      if (this.windows.size >= 10_000) this.windows.delete(this.windows.keys().next().value!);
      this.windows.delete(key);
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.max;
  }
}
