import { idMap } from '../../../projection';
import type { ChainWorkshop, WorkshopChainView, WorkshopEntry } from '../workshop-chain.view';

// Returning participants and organisations new to the chain: who attended, and which organisations were reached,
// in which workshops.

/**
 * Organisations a workshop reached: their people attended or registered (in any role), or they co-organised or
 * pledged (every fact naming one counts it). The hub's own organisation runs the chain: never reached.
 */
export function organizationsReachedBy(workshop: Pick<WorkshopEntry, 'facts'>, hubOrganizationId: string | null): string[] {
  const { organizations } = workshop.facts;
  return Object.keys(organizations).filter((id) => organizations[id] > 0 && id !== hubOrganizationId);
}

// ---- who attended which workshops: patterns ----

/** The key of an attendance pattern: the workshops one person attended, sorted. */
export const patternKey = (workshopIds: readonly string[]): string => [...workshopIds].sort().join(' ');

/** One more (+1) or one fewer (-1) person with exactly these workshops; a pattern nobody follows any more is dropped. */
function movePattern(patterns: Record<string, number>, workshopIds: readonly string[], by: 1 | -1): void {
  if (workshopIds.length === 0) return;
  const key = patternKey(workshopIds);
  const count = (Object.hasOwn(patterns, key) ? patterns[key] : 0) + by;
  if (count === 0) delete patterns[key];
  else patterns[key] = count;
}

/** Returning participants per workshop (in `workshops`' order), unique and returning participants, from the patterns alone. */
export function returningFrom(workshops: readonly Pick<WorkshopEntry, 'workshopId'>[], patterns: Record<string, number>): { perWorkshop: number[]; unique: number; returners: number } {
  const place = new Map(workshops.map((workshop, i) => [workshop.workshopId, i]));
  const perWorkshop = workshops.map(() => 0);
  let unique = 0;
  let returners = 0;
  for (const key of Object.keys(patterns)) {
    const count = patterns[key];
    const places = key
      .split(' ')
      .map((id) => place.get(id))
      .filter((at): at is number => at !== undefined)
      .sort((a, b) => a - b);
    if (places.length === 0 || count <= 0) continue;
    unique += count;
    if (places.length > 1) returners += count;
    // Returning everywhere but at the first workshop they attended.
    for (const at of places.slice(1)) perWorkshop[at] += count;
  }
  return { perWorkshop, unique, returners };
}

// ---- which workshops reached an organisation: a cache over a draft's facts ----

/**
 * For each organisation the workshops (objects of `view.workshops`) that reached it: derived from the facts alone, so it
 * is a cache, not state. Without it, telling whether an organisation was reached in another workshop scans every
 * workshop's facts; with it, one probe. Built on first use for a draft, kept up to date by `organizationReached`,
 * dropped by `forgetWhere` when the workshops are derived again.
 */
const reachedByView = new WeakMap<WorkshopChainView, Map<string, ChainWorkshop[]>>();

function reachedIn(view: WorkshopChainView): Map<string, ChainWorkshop[]> {
  let reached = reachedByView.get(view);
  if (reached !== undefined) return reached;
  reached = new Map();
  const hub = view.hubOrganizationId ?? null;
  for (const workshop of view.workshops) for (const organizationId of organizationsReachedBy(workshop, hub)) listIn(reached, organizationId).push(workshop);
  reachedByView.set(view, reached);
  return reached;
}

function listIn(map: Map<string, ChainWorkshop[]>, id: string): ChainWorkshop[] {
  let list = map.get(id);
  if (list === undefined) map.set(id, (list = []));
  return list;
}

/** Call when `view.workshops` is replaced by a derivation (`figuresOf`): the cached workshop objects are gone. */
export function forgetWhere(view: WorkshopChainView): void {
  reachedByView.delete(view);
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
 * After a person attended workshop `k` (workshops in chain order) for the first time, having attended the workshops
 * `before` (ids): they return at `k` if they attended an earlier workshop; otherwise their first later workshop, if
 * any, now counts them as returning. Their attendance pattern moves from `before` to `before` and `k`.
 */
export function newAttendee(view: WorkshopChainView, k: number, before: readonly string[]): void {
  const { workshops, totals } = view;
  let first: number | null = null;
  for (const workshopId of before) {
    const at = workshops.findIndex((workshop) => workshop.workshopId === workshopId);
    if (at < 0 || at === k) continue;
    if (first === null || at < first) first = at;
  }
  const patterns = (view.facts.attendancePatterns ??= idMap());
  movePattern(patterns, before, -1);
  movePattern(patterns, [...before, workshops[k].workshopId], 1);
  if (first !== null) workshops[first < k ? k : first].returningParticipants++;
  if (before.length === 0) totals.uniqueParticipants++;
  // From one workshop to two: a returning participant now.
  if (before.length === 1) totals.returningParticipants++;
}

/**
 * After workshop `k` reached `organizationId` for the first time (already in its facts): new there unless an
 * earlier workshop reached it, and then no longer new at the later workshop that had reached it first.
 */
export function organizationReached(view: WorkshopChainView, k: number, organizationId: string): void {
  const { workshops, totals } = view;
  const reachedBy = listIn(reachedIn(view), organizationId);
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
