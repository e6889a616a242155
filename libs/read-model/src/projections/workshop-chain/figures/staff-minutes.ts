import { STAFF_ACTIVITIES, type StaffActivity } from '@kuhina/domain';
import type { ChainWorkshop, StaffHoursFact, StaffMinutesSummary, WorkshopChainView } from '../workshop-chain.view';
import { valuesOf } from './common';

export const noStaffMinutes = (): StaffMinutesSummary => ({
  count: 0,
  totalMinutes: 0,
  byActivity: Object.fromEntries(STAFF_ACTIVITIES.map((activity) => [activity, 0])) as Record<StaffActivity, number>,
  voidedCount: 0,
});

export function staffMinutesSummary(entries: readonly StaffHoursFact[]): StaffMinutesSummary {
  const summary = noStaffMinutes();
  for (const entry of entries) {
    if (entry.voided) {
      summary.voidedCount++;
      continue;
    }
    summary.count++;
    summary.totalMinutes += entry.minutes;
    summary.byActivity[entry.activity] += entry.minutes;
  }
  return summary;
}

/** Adds (sign 1) or takes away (sign -1) one summary into `sums`, in place. */
export function addStaffMinutes(sums: StaffMinutesSummary, summary: StaffMinutesSummary, sign: 1 | -1): void {
  sums.count += sign * summary.count;
  sums.totalMinutes += sign * summary.totalMinutes;
  sums.voidedCount += sign * summary.voidedCount;
  for (const activity of STAFF_ACTIVITIES) sums.byActivity[activity] += sign * summary.byActivity[activity];
}

/** The chain's totals moved by one change from `before` to `after` (documents from before staff hours start at 0). */
function moveTotals(view: WorkshopChainView, before: StaffMinutesSummary, after: StaffMinutesSummary): void {
  view.totals.staffMinutes ??= noStaffMinutes();
  addStaffMinutes(view.totals.staffMinutes, before, -1);
  addStaffMinutes(view.totals.staffMinutes, after, 1);
}

/** A workshop's staff-hours fact set: its few entries are summed again, the chain's totals moved by the difference. */
export function staffMinutesChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.staffMinutes ?? noStaffMinutes();
  workshop.staffMinutes = staffMinutesSummary(valuesOf(workshop.facts.staffHours));
  moveTotals(view, before, workshop.staffMinutes);
}

/** A chain-level staff-hours fact set: the chain's own entries summed again, the totals moved by the difference. */
export function chainStaffMinutesChanged(view: WorkshopChainView): void {
  const before = view.chainStaffMinutes ?? noStaffMinutes();
  view.chainStaffMinutes = staffMinutesSummary(valuesOf(view.facts.chainStaffHours));
  moveTotals(view, before, view.chainStaffMinutes);
}
