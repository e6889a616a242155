import { isRetentionOver } from '@kuhina/domain';
import { deriveCommandId, type CommandContext, type EventStore } from '@kuhina/event-store';
import type { PersonalDataEraser } from './personal-data-eraser';
import { RetentionLedger, type ChainRetention, type KeptForConsent, type RetentionCandidate } from './retention-ledger';

/** The actor of every erasure the retention run records. */
export const RETENTION_ACTOR = 'retention';
// Command ids derive from the person: a run interrupted and started again re-uses the same event ids.
const RETENTION_NAMESPACE = '5b0d7c3e-1f2a-4e6b-9c8d-2a4f6e8b0c1d';

export interface RetentionPlan {
  /** The reference date (YYYY-MM-DD). */
  today: string;
  /** Every chain with its retention end and whether it is over on `today`. */
  chains: Array<ChainRetention & { over: boolean }>;
  /** Who may be erased, with the chains that allow it. */
  due: RetentionCandidate[];
  /** People past retention whose consent in force keeps them (not erased). */
  keptForConsent: KeptForConsent[];
  /** People the log already shows as erased (a real run makes sure their keys are gone). */
  erasedBefore: string[];
  /** Events read to make the plan. */
  eventsRead: number;
}

export interface RetentionReport extends RetentionPlan {
  dryRun: boolean;
  /** People erased by this run (empty in a dry run). */
  erased: string[];
  /** Earlier erasures whose keys or e-mail reservation this run had to finish (an interrupted erasure). */
  completed: string[];
}

export interface RetentionProgress {
  step: 'reading' | 'erasing';
  done: number;
  total: number;
}

export class InvalidRetentionDateError extends Error {
  constructor(value: string) {
    super(`--today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    this.name = 'InvalidRetentionDateError';
  }
}

/** `YYYY-MM-DD` of a real calendar day, or throws InvalidRetentionDateError. */
export function retentionDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new InvalidRetentionDateError(value);
  return value;
}

/** The local calendar date of `now`: the operator's "today", not UTC's. */
export const localDate = (now: Date): string =>
  `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export interface RetentionRunOptions {
  /** System clock for the erasures' business time. */
  clock?: () => Date;
  /** Events read per page. Default 1000. */
  pageSize?: number;
}

/**
 * ESF+ retention (records kept until 31 December, five years after the year of the last payment):
 * finds the people whose every chain is past its retention end and erases them through the same
 * PersonalDataEraser as `POST /people/:id/erase`, with actor `retention`.
 * Reads the whole log ($all) on every run: the log is the truth, and a run is a rare batch job, so a
 * full scan (O(log)) is cheaper than keeping a view up to date for it.
 */
export class RetentionRun {
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly eraser: PersonalDataEraser,
    options: RetentionRunOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = Math.max(1, options.pageSize ?? 1000);
  }

  /** Who may be erased on `today`; changes nothing. */
  async plan(today: string, onProgress: (progress: RetentionProgress) => void = () => undefined): Promise<RetentionPlan> {
    retentionDate(today);
    const ledger = new RetentionLedger();
    let eventsRead = 0;
    for (let after: bigint | null = null; ; ) {
      const page = await this.store.readAll(after, this.pageSize);
      for (const event of page) ledger.apply(event);
      eventsRead += page.length;
      onProgress({ step: 'reading', done: eventsRead, total: eventsRead });
      if (page.length < this.pageSize) break;
      after = page[page.length - 1]!.position;
    }
    const chains = ledger.chainRetention().map((chain) => ({ ...chain, over: chain.retentionEndsOn !== null && isRetentionOver(chain.retentionEndsOn, today) }));
    return { today, chains, due: ledger.dueForErasure(today), keptForConsent: ledger.keptForConsent(today), erasedBefore: ledger.erasedPeople(), eventsRead };
  }

  /** Plans, then (unless `dryRun`) erases every person due and finishes any interrupted erasure. */
  async run(today: string, options: { dryRun: boolean; onProgress?: (progress: RetentionProgress) => void }): Promise<RetentionReport> {
    const onProgress = options.onProgress ?? (() => undefined);
    const plan = await this.plan(today, onProgress);
    const report: RetentionReport = { ...plan, dryRun: options.dryRun, erased: [], completed: [] };
    if (options.dryRun) return report;

    const total = plan.due.length + plan.erasedBefore.length;
    let done = 0;
    const at = this.clock().toISOString();
    for (const candidate of plan.due) {
      const ends = candidate.chains.map((chain) => `chain ${chain.chainId} ended ${chain.retentionEndsOn}`).join('; ');
      // The reason names chains and dates only: it stays in the log for good.
      const result = await this.eraser.erase({ personId: candidate.personId, reason: `ESF+ retention period over (${ends})`, at }, this.context(candidate.personId, today));
      if (result.recorded) report.erased.push(candidate.personId);
      onProgress({ step: 'erasing', done: ++done, total });
    }
    for (const personId of plan.erasedBefore) {
      const result = await this.eraser.completeErasure(personId, at, this.context(personId, today));
      if (result.keysDestroyed > 0 || result.emailReleased) report.completed.push(personId);
      onProgress({ step: 'erasing', done: ++done, total });
    }
    return report;
  }

  private context(personId: string, today: string): CommandContext {
    return { commandId: deriveCommandId(RETENTION_NAMESPACE, personId), actor: RETENTION_ACTOR, correlationId: `retention-run-${today}` };
  }
}
