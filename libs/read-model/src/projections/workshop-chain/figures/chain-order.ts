import type { WorkshopEntry } from '../workshop-chain.view';

type Placed = Pick<WorkshopEntry, 'order' | 'startsAt' | 'workshopId'>;

/** Chain order; workshops the chain has not ordered yet follow, by start time (then id, for a stable order). */
export function compareInChainOrder(a: Placed, b: Placed): number {
  return (
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
    // Offsets differ between workshops (+03:00 in summer, Z from other clients): compare instants, not text.
    Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
    (a.workshopId < b.workshopId ? -1 : a.workshopId > b.workshopId ? 1 : 0)
  );
}

export const orderIn = (workshopOrder: Record<string, number>, workshopId: string): number | null =>
  Object.hasOwn(workshopOrder, workshopId) ? workshopOrder[workshopId] : null;

export function inChainOrder(workshops: WorkshopEntry[], workshopOrder: Record<string, number>): WorkshopEntry[] {
  return workshops.map((workshop) => ({ ...workshop, order: orderIn(workshopOrder, workshop.workshopId) })).sort(compareInChainOrder);
}
