import { idMap } from '../../../projection';
import type { ChainWorkshop, WorkshopChainView, WorkshopEntry } from '../workshop-chain.view';
import { valuesOf } from './common';

// Returning participants and organisations new to the chain: who attended, and which organisations were reached,
// in which workshops.

/**
 * Organisations a workshop reached: their people attended or registered (in any role), or they co-organised or
 * pledged. The hub's own organisation runs the chain: never reached.
 */
export function organizationsReachedBy(workshop: Pick<WorkshopEntry, 'coOrganizerIds' | 'facts'>, hubOrganizationId: string | null): Record<string, true> {
  const reached = idMap<true>();
  const add = (id: string | null) => {
    if (id !== null && id !== hubOrganizationId) reached[id] = true;
  };
  for (const id of workshop.coOrganizerIds) add(id);
  for (const fact of valuesOf(workshop.facts.attendance)) add(fact.organizationId);
  for (const fact of valuesOf(workshop.facts.staffAttendance ?? {})) add(fact.organizationId);
  for (const fact of valuesOf(workshop.facts.registrations)) add(fact.organizationId);
  for (const fact of valuesOf(workshop.facts.pledges)) add(fact.organizationId);
  return reached;
}

// ---- who is where: a cache over a draft's facts ----

/**
 * For each person the workshops (objects of `view.workshops`) they attended, for each organisation the workshops that
 * reached it: derived from the facts alone, so it is a cache, not state. Without it, telling whether a person or an
 * organisation was seen in another workshop scans every workshop's facts (a hash probe per workshop, cache-cold in a
 * large chain); with it, one probe. Built on first use for a draft, kept up to date by `newAttendee` and
 * `organizationReached`, dropped by `forgetWhere` when the workshops are derived again.
 */
interface Where {
  attended: Map<string, ChainWorkshop[]>;
  reached: Map<string, ChainWorkshop[]>;
}

const whereByView = new WeakMap<WorkshopChainView, Where>();

function whereIn(view: WorkshopChainView): Where {
  let where = whereByView.get(view);
  if (where !== undefined) return where;
  where = { attended: new Map(), reached: new Map() };
  for (const workshop of view.workshops) {
    for (const personId of Object.keys(workshop.facts.attendance)) listIn(where.attended, personId).push(workshop);
    for (const organizationId of Object.keys(workshop.facts.organizations)) listIn(where.reached, organizationId).push(workshop);
  }
  whereByView.set(view, where);
  return where;
}

function listIn(map: Map<string, ChainWorkshop[]>, id: string): ChainWorkshop[] {
  let list = map.get(id);
  if (list === undefined) map.set(id, (list = []));
  return list;
}

/** Call when `view.workshops` is replaced by a derivation (`figuresOf`): the cached workshop objects are gone. */
export function forgetWhere(view: WorkshopChainView): void {
  whereByView.delete(view);
}

/**
 * The first (in chain order) of the workshops in `list` other than `k`, and how many others there are. `list` holds
 * the few workshops of one person or organisation: their places are looked up in the (short, hot) workshops array.
 */
function firstOther(workshops: readonly ChainWorkshop[], k: number, list: readonly ChainWorkshop[]): { first: number | null; others: number } {
  let first: number | null = null;
  let others = 0;
  for (const workshop of list) {
    const at = workshops.indexOf(workshop);
    if (at === k) continue;
    others++;
    if (first === null || at < first) first = at;
  }
  return { first, others };
}

// ---- one new attendee or organisation reached, in place ----

/**
 * After `personId` attended workshop `k` (workshops in chain order) for the first time: they return at `k` if
 * they attended an earlier workshop; otherwise their first later workshop, if any, now counts them as returning.
 */
export function newAttendee(view: WorkshopChainView, k: number, personId: string): void {
  const { workshops, totals } = view;
  const attended = listIn(whereIn(view).attended, personId);
  const { first, others } = firstOther(workshops, k, attended);
  if (!attended.includes(workshops[k])) attended.push(workshops[k]);
  if (first !== null) workshops[first < k ? k : first].returningParticipants++;
  if (others === 0) totals.uniqueParticipants++;
  // From one workshop to two: a returning participant now.
  if (others === 1) totals.returningParticipants++;
}

/**
 * After workshop `k` reached `organizationId` for the first time (already in its facts): new there unless an
 * earlier workshop reached it, and then no longer new at the later workshop that had reached it first.
 */
export function organizationReached(view: WorkshopChainView, k: number, organizationId: string): void {
  const { workshops, totals } = view;
  const reachedBy = listIn(whereIn(view).reached, organizationId);
  const { first } = firstOther(workshops, k, reachedBy);
  if (!reachedBy.includes(workshops[k])) reachedBy.push(workshops[k]);
  if (first === null) totals.organizationsReached++;
  if (first !== null && first < k) return;
  const reached = workshops[k];
  // Sorted already: insert in place rather than sort again.
  let at = reached.newOrganizationIds.length;
  while (at > 0 && reached.newOrganizationIds[at - 1] > organizationId) at--;
  reached.newOrganizationIds.splice(at, 0, organizationId);
  reached.newOrganizations = reached.newOrganizationIds.length;
  if (first !== null) {
    const later = workshops[first];
    const was = later.newOrganizationIds.indexOf(organizationId);
    if (was >= 0) later.newOrganizationIds.splice(was, 1);
    later.newOrganizations = later.newOrganizationIds.length;
  }
}
