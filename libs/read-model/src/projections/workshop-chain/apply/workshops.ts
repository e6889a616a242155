import type { WorkshopEvent } from '@kuhina/domain';
import { asIdMap, copyJson, idMap } from '../../../projection';
import { compareInChainOrder, orderIn } from '../figures/chain-order';
import { feedbackSummary } from '../figures/feedback';
import { ownFigures } from '../figures/own';
import { noOutreach } from '../figures/outreach';
import { registrationFigures } from '../figures/registrations';
import { forgetWhere, organizationReached } from '../figures/returning';
import { chainContextOf, figuresOf } from '../workshop-chain.figures';
import type { ChainWorkshop, WorkshopChainView, WorkshopEntry, WorkshopFacts } from '../workshop-chain.view';

// The chain's workshops in a draft: their facts, their places in the chain's order, the organisations they reach.

export const own = <T>(map: Record<string, T>, id: string): T | undefined => (Object.hasOwn(map, id) ? map[id] : undefined);

const emptyFacts = (): WorkshopFacts => ({
  pledges: idMap(),
  expenses: idMap(),
  staffHours: idMap(),
  citizenInputs: idMap(),
  planningMeetings: idMap(),
  collaborations: idMap(),
  organizations: idMap(),
  outreaches: idMap(),
});

/** The workshop's facts, as idMaps (they are plain objects in a chain read from the store): the draft gains ids in them. */
export function draftFacts(workshop: ChainWorkshop): WorkshopFacts {
  const facts = workshop.facts;
  if (Object.getPrototypeOf(facts.organizations) === null) return facts;
  workshop.facts = {
    pledges: asIdMap(facts.pledges),
    expenses: asIdMap(facts.expenses),
    staffHours: asIdMap(facts.staffHours ?? {}),
    citizenInputs: asIdMap(facts.citizenInputs),
    planningMeetings: asIdMap(facts.planningMeetings),
    collaborations: asIdMap(facts.collaborations),
    organizations: asIdMap(facts.organizations),
    outreaches: asIdMap(facts.outreaches ?? {}),
  };
  return workshop.facts;
}

/** A workshop entry from its plan, figures still to be computed. Nothing in it is shared with the event. */
export function plannedWorkshop(data: Extract<WorkshopEvent, { type: 'WorkshopPlanned' }>['data']): WorkshopEntry {
  return {
    workshopId: data.workshopId,
    order: null,
    title: data.title,
    status: 'planned',
    kind: data.kind,
    format: data.format,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    location: copyJson(data.location),
    targetGroups: [...data.targetGroups],
    access: data.access,
    capacity: data.capacity,
    coOrganizerIds: [...data.coOrganizerIds],
    sustainability: null,
    ...registrationFigures([]),
    feedback: feedbackSummary([]),
    outreach: noOutreach(),
    facts: emptyFacts(),
  };
}

/** Ids are unique in a chain; the workshop an event is about is usually the latest planned: look from the end. */
export function indexOfWorkshop(workshops: readonly ChainWorkshop[], workshopId: string | null): number {
  for (let i = workshops.length - 1; i >= 0; i--) if (workshops[i].workshopId === workshopId) return i;
  return -1;
}

/** Every figure derived again from the facts (the reference derivation): for the rare changes that move many figures. */
export function recomputeAll(view: WorkshopChainView): void {
  forgetWhere(view);
  const { workshops, totals } = figuresOf(view.workshops, view.facts.workshopOrder, chainContextOf(view), view.facts.attendancePatterns);
  view.workshops = workshops;
  view.totals = totals;
}

/**
 * After the workshop at `index` changed its place keys (order, start): if it keeps its place among its
 * neighbours, no figure changes; if it moves, which people return and which organisations are new change in
 * between: recompute all.
 */
export function placeMoved(view: WorkshopChainView, index: number): void {
  const { workshops } = view;
  const moved = workshops[index];
  const inPlace =
    (index === 0 || compareInChainOrder(workshops[index - 1], moved) < 0) && (index === workshops.length - 1 || compareInChainOrder(moved, workshops[index + 1]) < 0);
  if (!inPlace) recomputeAll(view);
}

/** A newly planned workshop, placed in chain order with no facts yet, then reaching its co-organisers. */
export function addPlanned(view: WorkshopChainView, entry: WorkshopEntry): void {
  const planned: ChainWorkshop = {
    ...entry,
    order: orderIn(view.facts.workshopOrder, entry.workshopId),
    ...ownFigures(entry.facts),
    returningParticipants: 0,
    newOrganizationIds: [],
    newOrganizations: 0,
    facts: entry.facts,
  };
  // Usually the last one (planned after the others): look for its place from the end.
  let at = view.workshops.length;
  while (at > 0 && compareInChainOrder(view.workshops[at - 1], planned) > 0) at--;
  view.workshops.splice(at, 0, planned);
  // With no facts its own figures are all zero: only the count of workshops and the organisations reached move.
  view.totals.workshops = view.workshops.length;
  for (const organizationId of planned.coOrganizerIds) reach(view, at, organizationId);
}

/**
 * An organisation named by one more fact of workshop `index` (call once per fact): counted; if the workshop reaches it
 * for the first time, the figures of organisations reached move.
 */
export function reach(view: WorkshopChainView, index: number, organizationId: string | null | undefined): void {
  if (typeof organizationId !== 'string') return;
  const { organizations } = view.workshops[index].facts;
  const named = Object.hasOwn(organizations, organizationId) ? organizations[organizationId] : 0;
  organizations[organizationId] = named + 1;
  if (named === 0 && organizationId !== (view.hubOrganizationId ?? null)) organizationReached(view, index, organizationId);
}

/** A fact of workshop `index` names another organisation than before (an attendance re-recorded): rare, so every figure again. */
export function reachMoved(view: WorkshopChainView, index: number, from: string | null, to: string | null): void {
  const { organizations } = view.workshops[index].facts;
  if (from !== null && Object.hasOwn(organizations, from)) {
    if (organizations[from] > 1) organizations[from]--;
    else delete organizations[from];
  }
  if (to !== null) organizations[to] = (Object.hasOwn(organizations, to) ? organizations[to] : 0) + 1;
  recomputeAll(view);
}
