/** One append's outcome inside a shared transaction: its own result or its own refusal. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<A, R> {
  append: A;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends submitted in the same turn of the event loop — the requests that arrived while the last commit
 * held the loop — share the next transaction and its one fsync. Each append keeps its own checks (the `commit` function
 * runs each in a savepoint and reports each outcome), so one append's conflict never fails another's; a failure of the
 * commit itself fails them all. Every promise settles only after its transaction committed: acknowledged = on disk.
 */
export class GroupCommit<A, R> {
  private queue: Array<Waiting<A, R>> = [];
  private scheduled = false;
  /** Transactions committed and the appends they carried (their ratio is the batching this load got). */
  readonly stats = { transactions: 0, appends: 0 };

  constructor(
    /** Runs one transaction over the batch and returns one outcome per append, in order; throws if the commit fails. */
    private readonly commit: (appends: A[]) => Array<Outcome<R>>,
    /** Called once per committed transaction with its successful results, before any promise settles. */
    private readonly committed: (results: R[]) => void = () => undefined,
    /** At most this many appends per transaction (a burst is cut into several). */
    private readonly maxBatch = 1000,
  ) {}

  /** Appends waiting for their transaction. */
  get waiting(): number {
    return this.queue.length;
  }

  submit(append: A): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After the current turn's I/O callbacks and their microtasks: every request parsed in this turn joins.
      setImmediate(() => this.flush());
    });
  }

  /** Commits everything waiting now (e.g. before closing the database). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let outcomes: Array<Outcome<R>>;
      try {
        outcomes = this.commit(batch.map((waiting) => waiting.append));
        this.stats.transactions += 1;
        this.stats.appends += batch.length;
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
        continue;
      }
      try {
        this.committed(outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : [])));
      } finally {
        outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error)));
      }
    }
  }
}
