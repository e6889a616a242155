import { WORKSHOP_EVENT_TYPES, type ChainEvent, type CollaborationRecorded, type WorkshopEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import type { Projection, ViewLookup } from '../../projection';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';
import {
  compareInChainOrder,
  figuresOf,
  orderIn,
  ownFigures,
  refreshOwnFigures,
  totalsAfter,
  withNewAttendee,
  withOrganizationReached,
  type DistinctTotals,
} from './workshop-chain.figures';
import type { AttendanceFact, ChainWorkshop, WorkshopChainView, WorkshopEntry, WorkshopFacts } from './workshop-chain.view';

type ChainViewEvent = ChainEvent | WorkshopEvent | CollaborationRecorded;

const CHAIN_TYPES: readonly string[] = ['ChainStarted', 'ChainDetailsUpdated', 'WorkshopAddedToChain', 'LastPaymentRecorded', 'ChainClosed'];

// Every workshop event but the two that change no figure of the chain view.
const WORKSHOP_TYPES: readonly string[] = WORKSHOP_EVENT_TYPES.filter((type) => type !== 'PersonInvited' && type !== 'CitizenInputSummaryForwarded');

const asChainViewEvent = (event: RecordedEvent): ChainViewEvent => ({ type: event.type, data: event.data }) as ChainViewEvent;

const sameAttendance = (a: AttendanceFact, b: AttendanceFact): boolean =>
  a.registrationId === b.registrationId && a.organizationId === b.organizationId && a.mode === b.mode;

const own = <T>(map: Record<string, T>, id: string): T | undefined => (Object.hasOwn(map, id) ? map[id] : undefined);

/**
 * A copy of `map` with `id` set. A loop over the keys: the maps of a workshop grow to dozens of ids (objects V8 keeps
 * in dictionary mode), which the spread operator copies several times slower.
 */
function withEntry<T>(map: Record<string, T>, id: string, value: T): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const key of Object.keys(map)) copy[key] = map[key];
  copy[id] = value;
  return copy;
}

async function chainOfWorkshop(lookup: ViewLookup, workshopId: string): Promise<string | null> {
  const entry = await lookup.get<WorkshopChainIndexView>(WORKSHOP_CHAIN_INDEX, workshopId);
  return entry?.chainId ?? null;
}

const emptyFacts = (): WorkshopFacts => ({
  registrations: {},
  attendance: {},
  pledges: {},
  expenses: {},
  feedbackRatings: {},
  citizenInputs: {},
  planningMeetings: {},
  collaborations: {},
  organizations: {},
});

/** A workshop entry from its plan, figures still to be computed (`figuresOf`). */
function plannedWorkshop(data: Extract<WorkshopEvent, { type: 'WorkshopPlanned' }>['data']): WorkshopEntry {
  return {
    workshopId: data.workshopId,
    order: null,
    title: data.title,
    status: 'planned',
    kind: data.kind,
    format: data.format,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    location: data.location,
    targetGroups: [...data.targetGroups],
    access: data.access,
    capacity: data.capacity,
    coOrganizerIds: [...data.coOrganizerIds],
    sustainability: null,
    facts: emptyFacts(),
  };
}

/** The chain's details and workshops after a chain-stream event. */
function applyChainEvent(view: WorkshopChainView | undefined, event: ChainEvent, lastPosition: string): WorkshopChainView | undefined {
  if (event.type === 'ChainStarted') {
    const { data } = event;
    const details = {
      chainId: data.chainId,
      name: data.name,
      description: data.description,
      fundingProgramme: data.fundingProgramme,
      esfOperationId: data.esfOperationId,
      period: { start: data.periodStart, end: data.periodEnd },
      startedAt: data.at,
      lastPosition,
    };
    if (view) return { ...view, ...details };
    return {
      ...details,
      status: 'active',
      closedAt: null,
      closeReason: null,
      lastPaymentOn: null,
      retentionEndsOn: null,
      ...figuresOf([], {}),
      facts: { workshopOrder: {} },
    };
  }
  // Nothing but ChainStarted opens a chain's stream: without it there is no chain to show.
  if (!view) return undefined;
  switch (event.type) {
    case 'ChainDetailsUpdated': {
      const { data } = event;
      return {
        ...view,
        name: data.name ?? view.name,
        description: data.description ?? view.description,
        fundingProgramme: data.fundingProgramme ?? view.fundingProgramme,
        esfOperationId: data.esfOperationId ?? view.esfOperationId,
        period: { start: data.periodStart ?? view.period.start, end: data.periodEnd ?? view.period.end },
        lastPosition,
      };
    }
    case 'WorkshopAddedToChain': {
      const workshopOrder = { ...view.facts.workshopOrder, [event.data.workshopId]: event.data.order };
      const facts = { ...view.facts, workshopOrder };
      const index = view.workshops.findIndex((workshop) => workshop.workshopId === event.data.workshopId);
      // Not planned yet: the plan will find its place in workshopOrder.
      if (index < 0 || view.workshops[index].order === event.data.order) return { ...view, facts, lastPosition };
      return { ...view, ...withMoved(view.workshops, index, { ...view.workshops[index], order: event.data.order }, workshopOrder, view.totals), facts, lastPosition };
    }
    case 'LastPaymentRecorded':
      return { ...view, lastPaymentOn: event.data.paidOn, retentionEndsOn: event.data.retentionEndsOn, lastPosition };
    case 'ChainClosed':
      return { ...view, status: 'closed', closedAt: event.data.at, closeReason: event.data.reason, lastPosition };
    default:
      return { ...view, lastPosition };
  }
}

/**
 * One workshop entry after a workshop event. Facts are keyed by id and creations never overwrite a
 * known entry, so applying an event twice leaves the entry as it was. Returns the entry unchanged for
 * events this view does not show.
 */
function applyWorkshopEvent(workshop: ChainWorkshop, event: WorkshopEvent): ChainWorkshop {
  const { facts } = workshop;
  const withFacts = (changes: Partial<WorkshopFacts>): ChainWorkshop => ({ ...workshop, facts: { ...facts, ...changes } });
  switch (event.type) {
    case 'WorkshopPlanned':
      return workshop; // first plan wins: a repeat must not undo a later reschedule
    case 'WorkshopRescheduled':
      return { ...workshop, startsAt: event.data.startsAt, endsAt: event.data.endsAt, location: event.data.location };
    case 'CoOrganizerAdded':
      return workshop.coOrganizerIds.includes(event.data.organizationId)
        ? workshop
        : { ...workshop, coOrganizerIds: [...workshop.coOrganizerIds, event.data.organizationId] };
    case 'WorkshopCapacityChanged':
      return { ...workshop, capacity: event.data.capacity };
    case 'RegistrationOpened':
      return { ...workshop, status: 'registration-open' };
    case 'RegistrationClosed':
      return { ...workshop, status: 'registration-closed' };
    case 'WorkshopHeld':
      return { ...workshop, status: 'held' };
    case 'WorkshopReported':
      return { ...workshop, status: 'reported' };
    case 'WorkshopCancelled':
      return { ...workshop, status: 'cancelled' };
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { registrationId, personId, organizationId } = event.data;
      if (own(facts.registrations, registrationId)) return workshop;
      const status = event.type === 'ParticipantRegistered' ? 'registered' : 'waitlisted';
      return withFacts({ registrations: withEntry(facts.registrations, registrationId, { personId, organizationId, status }) });
    }
    case 'WaitlistedParticipantPromoted': {
      const registration = own(facts.registrations, event.data.registrationId);
      if (registration?.status !== 'waitlisted') return workshop;
      return withFacts({ registrations: withEntry(facts.registrations, event.data.registrationId, { ...registration, status: 'registered' }) });
    }
    case 'RegistrationCancelled': {
      const { registrationId, personId } = event.data;
      const registration = own(facts.registrations, registrationId) ?? { personId, organizationId: null, status: 'cancelled' as const };
      return withFacts({ registrations: withEntry(facts.registrations, registrationId, { ...registration, status: 'cancelled' }) });
    }
    case 'AttendanceRecorded': {
      const { personId, registrationId, mode } = event.data;
      const organizationId = event.data.organizationId ?? own(facts.registrations, registrationId)?.organizationId ?? null;
      const known = own(facts.attendance, personId);
      if (known && sameAttendance(known, { registrationId, organizationId, mode })) return workshop;
      return withFacts({ attendance: withEntry(facts.attendance, personId, { registrationId, organizationId, mode }) });
    }
    case 'ResourcePledged': {
      const { pledgeId, organizationId, kind, inKindValueCents } = event.data;
      if (own(facts.pledges, pledgeId)) return workshop;
      return withFacts({ pledges: withEntry(facts.pledges, pledgeId, { organizationId, kind, inKindValueCents, status: 'pending' }) });
    }
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn': {
      const pledge = own(facts.pledges, event.data.pledgeId);
      if (!pledge) return workshop;
      const status = event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn';
      return withFacts({ pledges: withEntry(facts.pledges, event.data.pledgeId, { ...pledge, status }) });
    }
    case 'ExpenseRecorded': {
      const { expenseId, amountCents, category } = event.data;
      if (own(facts.expenses, expenseId)) return workshop;
      return withFacts({ expenses: withEntry(facts.expenses, expenseId, { amountCents, category, status: 'recorded', corrected: false }) });
    }
    case 'ExpenseCorrected': {
      const expense = own(facts.expenses, event.data.expenseId);
      if (!expense) return workshop;
      const { amountCents, category } = event.data;
      return withFacts({ expenses: withEntry(facts.expenses, event.data.expenseId, { ...expense, amountCents, category, corrected: true }) });
    }
    case 'ExpenseVoided': {
      const expense = own(facts.expenses, event.data.expenseId);
      if (!expense) return workshop;
      return withFacts({ expenses: withEntry(facts.expenses, event.data.expenseId, { ...expense, status: 'voided' }) });
    }
    case 'FeedbackSubmitted':
      return withFacts({ feedbackRatings: withEntry(facts.feedbackRatings, event.data.feedbackId, event.data.rating) });
    case 'CitizenInputCollected':
      return withFacts({ citizenInputs: withEntry(facts.citizenInputs, event.data.inputId, event.data.citizensHeard) });
    case 'PlanningMeetingRecorded':
      return withFacts({ planningMeetings: withEntry(facts.planningMeetings, event.data.meetingId, event.data.kind) });
    case 'SustainabilityPracticesRecorded':
      // The latest record replaces the earlier one.
      return { ...workshop, sustainability: { practices: [...event.data.practices], notes: event.data.notes } };
    default:
      return workshop;
  }
}

function workshopIdOf(event: ChainViewEvent): string | null {
  if (event.type === 'CollaborationRecorded') return event.data.sparkedByWorkshopId;
  return 'workshopId' in event.data ? event.data.workshopId : null;
}

/**
 * GET /chains/:id: one document per chain with its workshops in chain order, each workshop's figures and
 * the chain's totals. Workshop events reach their chain through the workshop-chain index, which must run
 * BEFORE this projection in the projector's array (a workshop's plan precedes WorkshopAddedToChain).
 */
export const workshopChainProjection: Projection<WorkshopChainView> = {
  name: 'workshop-chain',
  version: 2,
  collection: 'workshop-chains',
  eventTypes: [...CHAIN_TYPES, ...WORKSHOP_TYPES, 'CollaborationRecorded'],

  async keysOf(event, lookup) {
    const routed = asChainViewEvent(event);
    if (CHAIN_TYPES.includes(routed.type)) return [(routed as ChainEvent).data.chainId];
    if (routed.type !== 'CollaborationRecorded' && !WORKSHOP_TYPES.includes(routed.type)) return [];
    const workshopId = workshopIdOf(routed);
    if (workshopId === null) return [];
    const chainId = await chainOfWorkshop(lookup, workshopId);
    if (chainId !== null) return [chainId];
    // Only if the index has not seen the plan yet (e.g. this projection placed before it): the plan names its chain.
    return routed.type === 'WorkshopPlanned' && routed.data.chainId !== null ? [routed.data.chainId] : [];
  },

  project(view, event) {
    if (view && event.position <= BigInt(view.lastPosition)) return view;
    const applied = asChainViewEvent(event);
    const lastPosition = event.position.toString();
    if (CHAIN_TYPES.includes(applied.type)) return applyChainEvent(view, applied as ChainEvent, lastPosition);
    // Workshop events of a chain never started (or of a chain whose start this view has not seen) have nowhere to go.
    if (!view) return undefined;

    const workshopId = workshopIdOf(applied);
    const index = view.workshops.findIndex((workshop) => workshop.workshopId === workshopId);

    if (applied.type === 'WorkshopPlanned') {
      if (index >= 0) return { ...view, lastPosition };
      return { ...view, ...withPlanned(view, plannedWorkshop(applied.data)), lastPosition };
    }
    // Facts of a workshop whose plan this chain has not seen cannot be shown with it.
    if (index < 0) return { ...view, lastPosition };

    const current = view.workshops[index];
    const updated =
      applied.type === 'CollaborationRecorded'
        ? withCollaboration(current, applied.data.collaborationId)
        : applyWorkshopEvent(current, applied as WorkshopEvent);
    if (updated === current) return { ...view, lastPosition };
    // A new start may move a workshop the chain has not ordered.
    if (applied.type === 'WorkshopRescheduled') return { ...view, ...withMoved(view.workshops, index, updated, view.facts.workshopOrder, view.totals), lastPosition };
    const changes = factChanges(current, updated, applied);
    // A changed attendance record may move a returner or drop an organisation: rare, so recompute all.
    if (changes === null) {
      const workshops = view.workshops.map((workshop, i) => (i === index ? updated : workshop));
      return { ...view, ...figuresOf(workshops, view.facts.workshopOrder), lastPosition };
    }
    return { ...view, ...withChanges(view.workshops, index, updated, changes, view.totals), lastPosition };
  },
};

interface FactChanges {
  /** The id of the one fact entry the event set (registration, person, feedback, pledge... id). */
  changedId: string;
  /** A person attending the workshop for the first time. */
  newAttendee: string | null;
  /** Organisations the workshop reaches for the first time. */
  newOrganizations: string[];
}

/**
 * What one event added to a workshop's attendance and reach, read from the event and the touched facts only
 * (no scan of the workshop); null when it changed an attendee's organisation (that may drop one: recompute all).
 */
function factChanges(before: ChainWorkshop, after: ChainWorkshop, event: ChainViewEvent): FactChanges | null {
  const named: Array<string | null | undefined> = [];
  let newAttendee: string | null = null;
  switch (event.type) {
    case 'CoOrganizerAdded':
    case 'ResourcePledged':
      named.push(event.data.organizationId);
      break;
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
      named.push(own(after.facts.registrations, event.data.registrationId)?.organizationId);
      break;
    case 'AttendanceRecorded': {
      const { personId } = event.data;
      const earlier = own(before.facts.attendance, personId);
      const fact = own(after.facts.attendance, personId);
      if (earlier && earlier.organizationId !== (fact?.organizationId ?? null)) return null;
      if (!earlier) newAttendee = personId;
      named.push(fact?.organizationId);
      break;
    }
    default:
      break;
  }
  const newOrganizations = [...new Set(named)].filter((id): id is string => typeof id === 'string' && !own(before.facts.organizations, id));
  return { changedId: changedIdOf(event), newAttendee, newOrganizations };
}

/** The key of the fact entry an event sets in its workshop's facts (see applyWorkshopEvent). */
function changedIdOf(event: ChainViewEvent): string {
  switch (event.type) {
    case 'AttendanceRecorded':
      return event.data.personId;
    case 'FeedbackSubmitted':
      return event.data.feedbackId;
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted':
    case 'RegistrationCancelled':
    case 'WaitlistedParticipantPromoted':
      return event.data.registrationId;
    default:
      // The other facts (pledges, expenses, inputs, meetings, collaborations) are summed again, not moved by one entry.
      return '';
  }
}

const distinctOf = (totals: WorkshopChainView['totals']): DistinctTotals => ({
  uniqueParticipants: totals.uniqueParticipants,
  returningParticipants: totals.returningParticipants,
  organizationsReached: totals.organizationsReached,
});

/**
 * The touched workshop's own figures (only those whose facts changed), the figures its new facts change elsewhere
 * in the chain, and the totals moved by the touched workshop's change: untouched workshops are kept as they are.
 */
function withChanges(
  workshops: ChainWorkshop[],
  index: number,
  updated: ChainWorkshop,
  changes: FactChanges,
  totals: WorkshopChainView['totals'],
): Pick<WorkshopChainView, 'workshops' | 'totals'> {
  const before = workshops[index];
  let facts = updated.facts;
  if (changes.newOrganizations.length > 0) {
    let organizations = facts.organizations;
    for (const id of changes.newOrganizations) organizations = withEntry(organizations, id, true);
    facts = { ...facts, organizations };
  }
  // `updated` is a fresh copy made by this event: completing it here leaves the input view untouched.
  const touched = refreshOwnFigures(updated.facts === facts ? updated : { ...updated, facts }, before.facts, changes.changedId);
  let next = workshops.slice();
  next[index] = touched;
  let distinct = distinctOf(totals);
  if (changes.newAttendee !== null) [next, distinct] = withNewAttendee(next, index, changes.newAttendee, distinct);
  for (const id of changes.newOrganizations) [next, distinct] = withOrganizationReached(next, index, id, distinct);
  return { workshops: next, totals: totalsAfter(totals, before, touched, next, distinct) };
}

/** A workshop newly planned: placed in chain order with no facts yet, then reaching its co-organisers. */
function withPlanned(view: WorkshopChainView, entry: WorkshopEntry): Pick<WorkshopChainView, 'workshops' | 'totals'> {
  const organizations: Record<string, true> = {};
  for (const id of entry.coOrganizerIds) organizations[id] = true;
  const facts = entry.facts;
  const planned: ChainWorkshop = {
    ...entry,
    order: orderIn(view.facts.workshopOrder, entry.workshopId),
    ...ownFigures(facts),
    returningParticipants: 0,
    newOrganizationIds: [],
    newOrganizations: 0,
    facts: { ...facts, organizations },
  };
  // Usually the last one (planned after the others): look for its place from the end.
  let at = view.workshops.length;
  while (at > 0 && compareInChainOrder(view.workshops[at - 1], planned) > 0) at--;
  let next = [...view.workshops.slice(0, at), planned, ...view.workshops.slice(at)];
  let distinct = distinctOf(view.totals);
  // With no attendees it moves no returner; its organisations are new only if no earlier workshop reached them.
  for (const id of Object.keys(organizations)) [next, distinct] = withOrganizationReached(next, at, id, distinct);
  return { workshops: next, totals: totalsAfter(view.totals, null, planned, next, distinct) };
}

/**
 * A workshop whose place in chain order may have changed (new order, new start). If it keeps its place, no
 * figure changes; if it moves, which people return and which organisations are new change in between: recompute all.
 */
function withMoved(
  workshops: ChainWorkshop[],
  index: number,
  moved: ChainWorkshop,
  workshopOrder: Record<string, number>,
  totals: WorkshopChainView['totals'],
): Pick<WorkshopChainView, 'workshops' | 'totals'> {
  const next = workshops.slice();
  next[index] = moved;
  const inPlace = (index === 0 || compareInChainOrder(next[index - 1], moved) < 0) && (index === next.length - 1 || compareInChainOrder(moved, next[index + 1]) < 0);
  return inPlace ? { workshops: next, totals } : figuresOf(next, workshopOrder);
}

const withCollaboration = (workshop: ChainWorkshop, collaborationId: string): ChainWorkshop =>
  own(workshop.facts.collaborations, collaborationId)
    ? workshop
    : { ...workshop, facts: { ...workshop.facts, collaborations: withEntry(workshop.facts.collaborations, collaborationId, true) } };

