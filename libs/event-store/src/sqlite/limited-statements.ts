import type Database from 'better-sqlite3';

/**
 * A query whose LIMIT is written into its text, one prepared statement per limit. Why: SQLite (3.46 on, as better-sqlite3
 * 12 bundles it) re-prepares a statement on every run when its LIMIT is a bound parameter (the planner reads the bound
 * value, so binding it again expires the plan): ~10 µs more on each read here, on the write path's tail read, every
 * command's stream read and every page the projector reads. The `keep` limits used last keep their statement; any
 * other limit prepares one, which costs what the bound LIMIT did on every run.
 */
export class LimitedStatements<Params extends unknown[], Row> {
  private readonly kept = new Map<number, Database.Statement<Params, Row>>();

  constructor(
    /** `sql` with `LIMIT` last and its value left out: `SELECT ... ORDER BY x LIMIT`. */
    private readonly sql: string,
    private readonly prepare: (sql: string) => Database.Statement<Params, Row>,
    private readonly keep = 8,
  ) {}

  /** The statement for `limit` rows (an integer >= 0; -1: no limit). */
  limit(limit: number): Database.Statement<Params, Row> {
    if (!Number.isSafeInteger(limit) || limit < -1) throw new RangeError(`limit must be an integer >= -1, got ${limit}`);
    const statement = this.kept.get(limit) ?? this.prepare(`${this.sql} ${limit}`);
    // Most recently used last: the first is the one to let go.
    this.kept.delete(limit);
    this.kept.set(limit, statement);
    if (this.kept.size > this.keep) this.kept.delete(this.kept.keys().next().value!);
    return statement;
  }

  /** How many limits keep a statement (for tests). */
  get size(): number {
    return this.kept.size;
  }
}
