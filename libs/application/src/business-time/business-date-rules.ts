import { atWorkshopTimeOfDay, isIsoDate, workshopDate, type ChainState, type CollaborationState, type WorkshopState } from '@kuhina/domain';

/**
 * What a write without `occurredAt` is dated by:
 * - `date`: a date inferred from the request or the state (as written; the resolver caps it at the recording time),
 * - `clock`: the recording time,
 * - `ask`: nothing to infer it from; the recording time unless what the write is about (`since`, e.g. the end of a
 *   chain's period) lies further back than the margin, in which case the client must say when (`why` says what).
 */
export type Inference = { kind: 'date'; at: string } | { kind: 'clock' } | { kind: 'ask'; since: string; why: string };

export interface BusinessDateRule<D, S> {
  /** What the business date of this write records, for OpenAPI ("the day the expense was incurred"). */
  records: string;
  /** What it defaults to without `occurredAt`, for OpenAPI. */
  defaults: string;
  infer(data: D, state: S): Inference;
}

export const CLOCK: Inference = { kind: 'clock' };
const date = (at: string): Inference => ({ kind: 'date', at });

/** A day (YYYY-MM-DD) as an instant: at the workshop's start time of day when one is known, else noon UTC (its middle, for every time zone near Finland). */
export function dayAt(dayOrDateTime: string, workshopStartsAt: string | null): string {
  if (!isIsoDate(dayOrDateTime)) return dayOrDateTime;
  return workshopStartsAt === null ? `${dayOrDateTime}T12:00:00Z` : atWorkshopTimeOfDay(dayOrDateTime, workshopStartsAt);
}

const WORKSHOP_DATE =
  "the workshop's date while it lies in the past — the day it was held (`heldOn`, at the planned start's time of day) once held, else its planned or rescheduled `startsAt` — and the time of the request while the workshop is still ahead";
const NOON = 'a day without a time counts as 12:00 UTC';
const AT_WORKSHOP_TIME = "a day without a time counts at the workshop's start time of day";
const CAPPED = 'never later than the time of the request';

/** The workshop's date (held day or start), or the clock for a workshop that does not exist (the decider refuses it). */
export function workshopInference(state: WorkshopState): Inference {
  const of = workshopDate(state);
  return of === null ? CLOCK : date(of);
}

const startsAtOf = (state: WorkshopState): string | null => (state.status === 'empty' ? null : state.startsAt);

/** A fact of a workshop with no date of its own: the workshop's date. */
export const workshopFact = <D>(records: string): BusinessDateRule<D, WorkshopState> => ({
  records,
  defaults: `${WORKSHOP_DATE}.`,
  infer: (_data, state) => workshopInference(state),
});

/** A fact of a workshop that carries its own day or instant (`field`); without it, the workshop's date. */
export const workshopOwnDate = <D>(records: string, field: string, of: (data: D) => string | undefined | null): BusinessDateRule<D, WorkshopState> => ({
  records,
  defaults: `\`${field}\` (${AT_WORKSHOP_TIME}; ${CAPPED}); without it, ${WORKSHOP_DATE}.`,
  infer: (data, state) => {
    const own = of(data);
    return typeof own === 'string' && own !== '' ? date(dayAt(own, startsAtOf(state))) : workshopInference(state);
  },
});

/** A fact of another aggregate that carries its own day (`field`); without it, `otherwise`. */
export const ownDate = <D, S>(
  records: string,
  field: string,
  of: (data: D) => string | undefined | null,
  otherwise: { defaults: string; infer: (data: D, state: S) => Inference } = { defaults: 'the time of the request', infer: () => CLOCK },
): BusinessDateRule<D, S> => ({
  records,
  defaults: `\`${field}\` (${NOON}; ${CAPPED}); without it, ${otherwise.defaults}.`,
  infer: (data, state) => {
    const own = of(data);
    return typeof own === 'string' && own !== '' ? date(dayAt(own, null)) : otherwise.infer(data, state);
  },
});

/** A register fact (organisations, people, e-mail claims): true as of when it is recorded, not history. */
export const registerFact = <D>(records: string): BusinessDateRule<D, unknown> => ({
  records,
  defaults: 'the time of the request (a register fact, not history).',
  infer: () => CLOCK,
});

const MARGIN = 'KUHINA_BACKDATE_MARGIN_DAYS (default 30)';

/** A chain fact with no date of its own: now, unless the chain's period ended longer ago than the margin. */
export const chainFact = <D>(records: string): BusinessDateRule<D, ChainState> => ({
  records,
  defaults: `the time of the request; refused with 422 BUSINESS_TIME.REQUIRED when the chain's period ended more than ${MARGIN} days before: give \`occurredAt\`.`,
  infer: (_data, state) => (state.status === 'empty' ? CLOCK : { kind: 'ask', since: dayAt(state.periodEnd, null), why: `this chain's period ended on ${state.periodEnd}` }),
});

/** What a collaboration fact without a date of its own is dated by: now, unless it ended longer ago than the margin. */
export const collaborationAsk = {
  defaults: `the time of the request, refused with 422 BUSINESS_TIME.REQUIRED when the collaboration ended more than ${MARGIN} days before (give \`occurredAt\`)`,
  infer: (_data: unknown, state: CollaborationState): Inference =>
    state.status === 'ended' ? { kind: 'ask', since: dayAt(state.endedOn, null), why: `this collaboration ended on ${state.endedOn}` } : CLOCK,
};

export const collaborationFact = <D>(records: string): BusinessDateRule<D, CollaborationState> => ({
  records,
  defaults: `${collaborationAsk.defaults}.`,
  infer: collaborationAsk.infer,
});
