import { rateCovers, STAFF_ACTIVITIES, type FlatRateBasis, type StaffActivity } from '@kuhina/domain';
import { comparePositions } from '@kuhina/read-model';
import { eventRef, FigureBuilder, type EventRef, type Figure } from './audit-records';
import type { ChainFacts, HourlyRateFacts, ItemScope, StaffHoursFacts } from './chain-facts';
import type { LedgerStep } from './ledger-steps';
import type { AuditLedger } from './audit-ledger';

// The ledger's staff costs: each hours entry costed at the person's rate on the day worked, and the flat rate on them.

/** The hourly rate an entry is costed at: the staff member's rate whose period covers the day worked. */
export interface LedgerRateApplied {
  rateId: string;
  hourlyRateCents: number;
  validFrom: string;
  validUntil: string | null;
  /** How the rate was worked out, as set. */
  basis: string;
  /** The HourlyRateSet event (also among the sources of the entry's cost). */
  source: EventRef;
}

export interface LedgerStaffCost {
  entryId: string;
  scope: ItemScope;
  /** Null for hours on the chain as a whole. */
  workshopId: string | null;
  /** A pseudonym for auditors (the backoffice sees the id). */
  personId: string;
  activity: StaffActivity;
  workedOn: string;
  minutes: number;
  note: string;
  /** voided: shown, counted as 0. */
  status: 'recorded' | 'voided';
  /** Null when no rate of the person covers the day: counted 0 and listed in `staffCosts.unrated`. */
  rate: LedgerRateApplied | null;
  /** The cost as recorded (before any void): the minutes at the rate, 0 when unrated. */
  originalCents: number;
  /** What the entry adds to the totals; its sources are the hours events and the rate's event. */
  costCents: Figure;
  /** The hours events (recorded, voided), each with the cost before and after it. */
  history: LedgerStep[];
}

/** Cost and minutes of a set of staff hours (voided ones left out of both; unrated ones cost 0 but their minutes count). */
export interface LedgerStaffTotals {
  totalCents: Figure;
  totalMinutes: Figure;
}

export interface LedgerWorkshopStaffCosts extends LedgerStaffTotals {
  workshopId: string;
  title: string | null;
  order: number | null;
}

/** A flat rate on the direct staff costs, as the chain declared it last. */
export interface LedgerFlatRate {
  /** 4000 = 40 %. */
  basisPoints: number;
  basis: FlatRateBasis;
  /** What allows it (the funding decision, the regulation's article). */
  reference: string;
  /** The FlatRateDeclared event. */
  declaration: EventRef;
  /** The basis in cents: `staffCosts.totalCents.value`. */
  basisCents: number;
  /** basisCents × basisPoints / 10,000, rounded half up to a cent; sources: the declaration and every staff-cost source. */
  amountCents: Figure;
}

/** n / d rounded half up, for n ≥ 0 and d > 0 in whole numbers: money is whole cents, and half a cent goes up. */
export const roundHalfUp = (numerator: number, denominator: number): number => Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The cost of some minutes at an hourly rate, in whole cents: round(minutes × rate / 60), half up, per entry. */
export const staffCostCents = (minutes: number, hourlyRateCents: number): number => roundHalfUp(minutes * hourlyRateCents, 60);

/** The person's rate on the day worked; rates never overlap (the staff decider refuses it), so the first covering one is the one. */
const rateFor = (facts: ChainFacts, hours: StaffHoursFacts): HourlyRateFacts | null => facts.rates.get(hours.personId)?.find((rate) => rateCovers(rate, hours.workedOn)) ?? null;

const rateApplied = ({ rateId, hourlyRateCents, validFrom, validUntil, basis, event }: HourlyRateFacts): LedgerRateApplied => ({ rateId, hourlyRateCents, validFrom, validUntil, basis, source: eventRef(event) });

/** Each hours event with the entry's cost before and after it (recorded at the rate; a void takes it to 0). */
function staffSteps(hours: StaffHoursFacts, cost: number): LedgerStep[] {
  let amount: number | null = null;
  return hours.events.map((event) => {
    const before = amount;
    amount = event.type === 'StaffHoursVoided' || event.type === 'ChainStaffHoursVoided' ? 0 : cost;
    const reason = (event.data as { reason?: unknown }).reason;
    return { ...eventRef(event), amountBeforeCents: before, amountAfterCents: amount, reason: typeof reason === 'string' ? reason : null };
  });
}

interface StaffBuilders {
  cents: FigureBuilder;
  minutes: FigureBuilder;
}
const staffBuilders = (): StaffBuilders => ({ cents: new FigureBuilder(), minutes: new FigureBuilder() });
const staffTotals = (builders: StaffBuilders): LedgerStaffTotals => ({ totalCents: builders.cents.build(), totalMinutes: builders.minutes.build() });

/** The direct staff costs: every entry costed at its rate, and the sums by workshop, chain level and activity. */
export function staffCostsOf(facts: ChainFacts, workshops: ReadonlyArray<{ workshopId: string; title: string | null; order: number | null }>): AuditLedger['staffCosts'] {
  const total = staffBuilders();
  const perWorkshop = new Map(workshops.map((w) => [w.workshopId, staffBuilders()]));
  const chainLevel = staffBuilders();
  const byActivity = new Map<StaffActivity, StaffBuilders>(STAFF_ACTIVITIES.map((activity) => [activity, staffBuilders()]));
  const unrated = { entryIds: [] as string[], minutes: new FigureBuilder() };
  const entries: LedgerStaffCost[] = [];
  for (const hours of facts.staffHours.values()) {
    const rate = rateFor(facts, hours);
    const original = rate === null ? 0 : staffCostCents(hours.minutes, rate.hourlyRateCents);
    // Voided hours count 0, as do hours no rate covers; their events stay behind the figures, as a voided expense's do.
    const counted = hours.voided ? 0 : original;
    const minutes = hours.voided ? 0 : hours.minutes;
    const events = rate === null ? hours.events : [...hours.events, rate.event];
    const builders = [total, hours.workshopId === null ? chainLevel : perWorkshop.get(hours.workshopId), byActivity.get(hours.activity)];
    for (const builder of builders) {
      builder?.cents.add(counted, events);
      builder?.minutes.add(minutes, hours.events);
    }
    if (rate === null && !hours.voided) {
      unrated.entryIds.push(hours.entryId);
      unrated.minutes.add(hours.minutes, hours.events);
    }
    const { entryId, scope, workshopId, personId, activity, workedOn, note } = hours;
    entries.push({
      entryId,
      scope,
      workshopId,
      personId,
      activity,
      workedOn,
      minutes: hours.minutes,
      note,
      status: hours.voided ? 'voided' : 'recorded',
      rate: rate === null ? null : rateApplied(rate),
      originalCents: original,
      costCents: new FigureBuilder().add(counted, events).build(),
      history: staffSteps(hours, original),
    });
  }
  const activities: Partial<Record<StaffActivity, LedgerStaffTotals>> = {};
  for (const [activity, builders] of byActivity) {
    const totals = staffTotals(builders);
    if (totals.totalMinutes.sources.length > 0) activities[activity] = totals;
  }
  const { totalCents, totalMinutes } = staffTotals(total);
  return {
    entries,
    byWorkshop: workshops.map((w) => ({ workshopId: w.workshopId, title: w.title, order: w.order, ...staffTotals(perWorkshop.get(w.workshopId)!) })),
    chainLevel: staffTotals(chainLevel),
    byActivity: activities,
    totalCents,
    totalMinutes,
    unrated: { entryIds: unrated.entryIds, minutes: unrated.minutes.build() },
  };
}

/** The flat rate on the direct staff costs, if the chain's latest declaration sets one. */
export function flatRateOf(facts: ChainFacts, staffCosts: Figure): LedgerFlatRate | null {
  const declared = facts.flatRate;
  if (declared === null || declared.basisPoints === null) return null;
  const { basisPoints, basis, reference, event } = declared;
  const amount = roundHalfUp(staffCosts.value * basisPoints, 10_000);
  // The staff costs' sources are already refs: the figure cites them beside the declaration.
  const sources = [eventRef(event), ...staffCosts.sources.filter((source) => source.eventId !== event.id)];
  const amountCents = { value: amount, sources: sources.sort(byPosition) };
  return { basisPoints, basis, reference, declaration: eventRef(event), basisCents: staffCosts.value, amountCents };
}

const byPosition = (a: EventRef, b: EventRef) => comparePositions(a.position, b.position);
