import { PLEDGE_KINDS } from '@kuhina/domain';
import type { ChainTotals, ChainWorkshop, PledgeFact, PledgeSummary, WorkshopChainView } from '../workshop-chain.view';
import { sumOf, valuesOf } from './common';

export type PledgeKind = (typeof PLEDGE_KINDS)[number];

export const emptyPledgeStatus = (): PledgeSummary['byStatus'] => ({
  pending: { count: 0, inKindValueCents: 0 },
  fulfilled: { count: 0, inKindValueCents: 0 },
  withdrawn: { count: 0, inKindValueCents: 0 },
});

export function pledgeSummary(pledges: PledgeFact[]): PledgeSummary {
  const byStatus = emptyPledgeStatus();
  const byKind: PledgeSummary['byKind'] = {};
  // Vocabulary order keeps the stored JSON stable whatever order the pledges came in.
  for (const kind of PLEDGE_KINDS) {
    const ofKind = pledges.filter((pledge) => pledge.kind === kind);
    if (ofKind.length === 0) continue;
    byKind[kind] = {
      count: ofKind.length,
      inKindValueCents: sumOf(ofKind.filter((pledge) => pledge.status !== 'withdrawn'), (pledge) => pledge.inKindValueCents),
      fulfilledInKindValueCents: sumOf(ofKind.filter((pledge) => pledge.status === 'fulfilled'), (pledge) => pledge.inKindValueCents),
    };
  }
  for (const pledge of pledges) {
    byStatus[pledge.status].count++;
    byStatus[pledge.status].inKindValueCents += pledge.inKindValueCents;
  }
  return { count: pledges.length, byKind, byStatus, inKindValueFulfilledCents: byStatus.fulfilled.inKindValueCents };
}

/**
 * Moves the chain's pledge totals, in place, by one workshop's change from `before` to `after`: the same figures as
 * summing all workshops again (kinds in vocabulary order, a kind shown while some pledge has it).
 */
function movePledgeTotals(totals: ChainTotals, before: PledgeSummary, after: PledgeSummary): void {
  const pledges = totals.pledges;
  pledges.count += after.count - before.count;
  for (const status of ['pending', 'fulfilled', 'withdrawn'] as const) {
    pledges.byStatus[status].count += after.byStatus[status].count - before.byStatus[status].count;
    pledges.byStatus[status].inKindValueCents += after.byStatus[status].inKindValueCents - before.byStatus[status].inKindValueCents;
  }
  const byKind: PledgeSummary['byKind'] = {};
  for (const kind of PLEDGE_KINDS) {
    const was = before.byKind[kind];
    const now = after.byKind[kind];
    const total = pledges.byKind[kind] ?? { count: 0, inKindValueCents: 0, fulfilledInKindValueCents: 0 };
    if (was || now) {
      total.count += (now?.count ?? 0) - (was?.count ?? 0);
      total.inKindValueCents += (now?.inKindValueCents ?? 0) - (was?.inKindValueCents ?? 0);
      total.fulfilledInKindValueCents += (now?.fulfilledInKindValueCents ?? 0) - (was?.fulfilledInKindValueCents ?? 0);
    }
    if (total.count > 0) byKind[kind] = total;
  }
  pledges.byKind = byKind;
  pledges.inKindValueFulfilledCents = pledges.byStatus.fulfilled.inKindValueCents;
  totals.inKindValueFulfilledCents = pledges.inKindValueFulfilledCents;
}

/** A pledge fact set: the workshop's few pledges are summed again, the chain's totals moved by the difference. */
export function pledgesChanged(view: WorkshopChainView, workshop: ChainWorkshop): void {
  const before = workshop.pledges;
  workshop.pledges = pledgeSummary(valuesOf(workshop.facts.pledges));
  movePledgeTotals(view.totals, before, workshop.pledges);
}
