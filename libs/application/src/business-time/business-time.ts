import { DomainError, type DomainCommand } from '@kuhina/domain';
import { businessDateRule, TIME_DEFAULTED_FIELDS, type CommandType } from './business-dates';

export const BusinessTimeErrors = {
  /** A write whose business date cannot be inferred, about something further back than the margin: say when. */
  REQUIRED: 'BUSINESS_TIME.REQUIRED',
} as const;

/** How far back a write may be dated by the clock when its date cannot be inferred (KUHINA_BACKDATE_MARGIN_DAYS). */
export class BusinessTimePolicy {
  constructor(readonly marginDays: number = DEFAULT_BACKDATE_MARGIN_DAYS) {}
}
export const DEFAULT_BACKDATE_MARGIN_DAYS = 30;

/** 422: the request must give `occurredAt`. Names the field so that clients can point at it. */
export class BusinessTimeRequiredError extends DomainError {
  readonly field = 'occurredAt';

  constructor(why: string, since: string, marginDays: number) {
    super(BusinessTimeErrors.REQUIRED, `${why}, more than ${marginDays} days ago; give occurredAt, the date the fact happened`, 'unprocessable', {
      field: 'occurredAt',
      since,
      marginDays,
    });
    this.name = 'BusinessTimeRequiredError';
  }
}

type TimeDefaulted = typeof TIME_DEFAULTED_FIELDS;

/**
 * A command as an entry point sends it: `at` may be left out (the request gave no `occurredAt`: the rule of its type
 * infers it), and so may the data fields that default to the business time.
 */
export type RequestedCommand<C> =
  C extends DomainCommand<infer T, infer D>
    ? { type: T; data: T extends keyof TimeDefaulted ? Omit<D, TimeDefaulted[T] & keyof D> & Partial<Pick<D, TimeDefaulted[T] & keyof D>> : D; at?: string }
    : never;

const DAY_MS = 86_400_000;

/** An instant as the log writes it (UTC, milliseconds); null for a value that is no instant (the decider refuses its field). */
function normalised(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * The business time of a write that gave none: its rule's inference, never after `recordedAt`; the recording time
 * when nothing can be inferred, unless what the write is about lies more than the margin back (then 422).
 */
export function inferBusinessTime(type: CommandType, data: unknown, state: unknown, recordedAt: string, policy: BusinessTimePolicy): string {
  const inferred = businessDateRule(type).infer(data, state);
  switch (inferred.kind) {
    case 'clock':
      return recordedAt;
    case 'date': {
      const at = normalised(inferred.at);
      return at === null || at > recordedAt ? recordedAt : at;
    }
    case 'ask': {
      const since = Date.parse(inferred.since);
      if (!Number.isNaN(since) && Date.parse(recordedAt) - since > policy.marginDays * DAY_MS) throw new BusinessTimeRequiredError(inferred.why, inferred.since, policy.marginDays);
      return recordedAt;
    }
  }
}

/**
 * The command as decided: its own `at` (the request's `occurredAt`, or the date the CLI and the seed give, kept as
 * given) or the inferred date, and the data fields that default to it filled in.
 */
export function timedCommand<C extends DomainCommand<string, unknown>>(requested: RequestedCommand<C>, state: unknown, recordedAt: string, policy: BusinessTimePolicy): C {
  const type = requested.type as CommandType;
  const at = requested.at ?? inferBusinessTime(type, requested.data, state, recordedAt, policy);
  const field = (TIME_DEFAULTED_FIELDS as Partial<Record<CommandType, string>>)[type];
  const data = requested.data as Record<string, unknown>;
  const filled = field !== undefined && (data[field] === undefined || data[field] === null) ? { ...data, [field]: at } : data;
  return { type: requested.type, data: filled, at } as C;
}
