import { statusAfter, WORKSHOP_EVENT_TYPES, type ChainEvent, type CollaborationRecorded, type WorkshopEvent } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, asIdMap, copyJson, idMap, lookupThen, mutatorProjection, eventPositionText } from '../../projection';
import { WORKSHOP_CHAIN_INDEX, type WorkshopChainIndexView } from '../workshop-chain-index';
import {
  compareInChainOrder,
  expensesChanged,
  feedbackChanged,
  figuresOf,
  forgetWhere,
  newAttendee,
  orderIn,
  organizationReached,
  ownFigures,
  planningMeetingsChanged,
  pledgesChanged,
  registrationChanged,
} from './workshop-chain.figures';
import { WORKSHOP_CHAIN_COLLECTION, type AttendanceFact, type ChainWorkshop, type RegistrationFact, type WorkshopChainView, type WorkshopEntry, type WorkshopFacts } from './workshop-chain.view';

type ChainViewEvent = ChainEvent | WorkshopEvent | CollaborationRecorded;

const CHAIN_TYPES: ReadonlySet<string> = new Set(['ChainStarted', 'ChainDetailsUpdated', 'WorkshopAddedToChain', 'LastPaymentRecorded', 'ChainClosed']);

// Every workshop event but the two that change no figure of the chain view.
const WORKSHOP_TYPES: ReadonlySet<string> = new Set(WORKSHOP_EVENT_TYPES.filter((type) => type !== 'PersonInvited' && type !== 'CitizenInputSummaryForwarded'));

// A recorded event has the domain event's `type` and `data`: read it as one, without a copy.
const asChainViewEvent = (event: RecordedEvent): ChainViewEvent => event as unknown as ChainViewEvent;

const sameAttendance = (a: AttendanceFact, b: AttendanceFact): boolean =>
  a.registrationId === b.registrationId && a.organizationId === b.organizationId && a.mode === b.mode;

const own = <T>(map: Record<string, T>, id: string): T | undefined => (Object.hasOwn(map, id) ? map[id] : undefined);

const emptyFacts = (): WorkshopFacts => ({
  registrations: idMap(),
  attendance: idMap(),
  pledges: idMap(),
  expenses: idMap(),
  feedbackRatings: idMap(),
  citizenInputs: idMap(),
  planningMeetings: idMap(),
  collaborations: idMap(),
  organizations: idMap(),
});

/** The workshop's facts, as idMaps (they are plain objects in a chain read from the store): the draft gains ids in them. */
function draftFacts(workshop: ChainWorkshop): WorkshopFacts {
  const facts = workshop.facts;
  if (Object.getPrototypeOf(facts.registrations) === null) return facts;
  workshop.facts = {
    registrations: asIdMap(facts.registrations),
    attendance: asIdMap(facts.attendance),
    pledges: asIdMap(facts.pledges),
    expenses: asIdMap(facts.expenses),
    feedbackRatings: asIdMap(facts.feedbackRatings),
    citizenInputs: asIdMap(facts.citizenInputs),
    planningMeetings: asIdMap(facts.planningMeetings),
    collaborations: asIdMap(facts.collaborations),
    organizations: asIdMap(facts.organizations),
  };
  return workshop.facts;
}

/** A workshop entry from its plan, figures still to be computed. Nothing in it is shared with the event. */
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
    location: copyJson(data.location),
    targetGroups: [...data.targetGroups],
    access: data.access,
    capacity: data.capacity,
    coOrganizerIds: [...data.coOrganizerIds],
    sustainability: null,
    facts: emptyFacts(),
  };
}

/** Every figure derived again from the facts (the reference derivation): for the rare changes that move many figures. */
function recomputeAll(view: WorkshopChainView): void {
  forgetWhere(view);
  const { workshops, totals } = figuresOf(view.workshops, view.facts.workshopOrder);
  view.workshops = workshops;
  view.totals = totals;
}

/**
 * After the workshop at `index` changed its place keys (order, start): if it keeps its place among its
 * neighbours, no figure changes; if it moves, which people return and which organisations are new change in
 * between: recompute all.
 */
function placeMoved(view: WorkshopChainView, index: number): void {
  const { workshops } = view;
  const moved = workshops[index];
  const inPlace =
    (index === 0 || compareInChainOrder(workshops[index - 1], moved) < 0) && (index === workshops.length - 1 || compareInChainOrder(moved, workshops[index + 1]) < 0);
  if (!inPlace) recomputeAll(view);
}

/** The chain's details and workshops after a chain-stream event, changed in place (or made, by ChainStarted). */
function applyChainEvent(view: WorkshopChainView | undefined, event: ChainEvent, lastPosition: string, revision: number): WorkshopChainView | undefined {
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
      revision,
      lastPosition,
    };
    if (view) return Object.assign(view, details);
    return {
      ...details,
      status: 'active',
      closedAt: null,
      closeReason: null,
      lastPaymentOn: null,
      retentionEndsOn: null,
      ...figuresOf([], {}),
      facts: { workshopOrder: idMap() },
    };
  }
  // Nothing but ChainStarted opens a chain's stream: without it there is no chain to show.
  if (!view) return undefined;
  view.lastPosition = lastPosition;
  view.revision = revision;
  switch (event.type) {
    case 'ChainDetailsUpdated': {
      const { data } = event;
      view.name = data.name ?? view.name;
      view.description = data.description ?? view.description;
      view.fundingProgramme = data.fundingProgramme ?? view.fundingProgramme;
      view.esfOperationId = data.esfOperationId ?? view.esfOperationId;
      view.period = { start: data.periodStart ?? view.period.start, end: data.periodEnd ?? view.period.end };
      break;
    }
    case 'WorkshopAddedToChain': {
      const { workshopId, order } = event.data;
      view.facts.workshopOrder = asIdMap(view.facts.workshopOrder);
      view.facts.workshopOrder[workshopId] = order;
      const index = indexOfWorkshop(view.workshops, workshopId);
      // Not planned yet: the plan will find its place in workshopOrder.
      if (index >= 0 && view.workshops[index].order !== order) {
        view.workshops[index].order = order;
        placeMoved(view, index);
      }
      break;
    }
    case 'LastPaymentRecorded':
      view.lastPaymentOn = event.data.paidOn;
      view.retentionEndsOn = event.data.retentionEndsOn;
      break;
    case 'ChainClosed':
      view.status = 'closed';
      view.closedAt = event.data.at;
      view.closeReason = event.data.reason;
      break;
    default:
      break;
  }
  return view;
}

/** Ids are unique in a chain; the workshop an event is about is usually the latest planned: look from the end. */
function indexOfWorkshop(workshops: readonly ChainWorkshop[], workshopId: string | null): number {
  for (let i = workshops.length - 1; i >= 0; i--) if (workshops[i].workshopId === workshopId) return i;
  return -1;
}

/** A newly planned workshop, placed in chain order with no facts yet, then reaching its co-organisers. */
function addPlanned(view: WorkshopChainView, entry: WorkshopEntry): void {
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

/** An organisation named by a new fact of workshop `index`: if the workshop reaches it for the first time, a fact and figures. */
function reach(view: WorkshopChainView, index: number, organizationId: string | null | undefined): void {
  const { organizations } = view.workshops[index].facts;
  if (typeof organizationId !== 'string' || Object.hasOwn(organizations, organizationId)) return;
  organizations[organizationId] = true;
  organizationReached(view, index, organizationId);
}

function setRegistration(view: WorkshopChainView, workshop: ChainWorkshop, registrationId: string, fact: RegistrationFact): void {
  const was = own(workshop.facts.registrations, registrationId);
  workshop.facts.registrations[registrationId] = fact;
  registrationChanged(view, workshop, was, fact);
}

/**
 * Applies one workshop (or sparked-collaboration) event to the chain in place: the fact, kept by id so that applying
 * an event twice changes nothing, then only the figures that fact can move (the touched workshop's own figure, the
 * totals, returners and organisations new elsewhere in the chain). Untouched workshops are not visited, except by
 * the scans that tell whether a person or an organisation was seen in another workshop.
 */
function applyWorkshopEvent(view: WorkshopChainView, event: Exclude<ChainViewEvent, ChainEvent>): void {
  const index = indexOfWorkshop(view.workshops, workshopIdOf(event));
  if (event.type === 'WorkshopPlanned') {
    // First plan wins: a repeat must not undo a later reschedule.
    if (index < 0) addPlanned(view, plannedWorkshop(event.data));
    return;
  }
  // Facts of a workshop whose plan this chain has not seen cannot be shown with it.
  if (index < 0) return;
  const workshop = view.workshops[index];
  const facts = draftFacts(workshop);
  switch (event.type) {
    case 'CollaborationRecorded': {
      if (own(facts.collaborations, event.data.collaborationId)) return;
      facts.collaborations[event.data.collaborationId] = true;
      const sparked = Object.keys(facts.collaborations).length;
      view.totals.collaborationsSparked += sparked - workshop.collaborationsSparked;
      workshop.collaborationsSparked = sparked;
      return;
    }
    case 'WorkshopRescheduled':
      workshop.startsAt = event.data.startsAt;
      workshop.endsAt = event.data.endsAt;
      workshop.location = copyJson(event.data.location);
      // A new start may move a workshop the chain has not ordered.
      placeMoved(view, index);
      return;
    case 'CoOrganizerAdded':
      if (workshop.coOrganizerIds.includes(event.data.organizationId)) return;
      workshop.coOrganizerIds.push(event.data.organizationId);
      reach(view, index, event.data.organizationId);
      return;
    case 'WorkshopCapacityChanged':
      workshop.capacity = event.data.capacity;
      return;
    case 'RegistrationOpened':
      workshop.status = 'registration-open';
      return;
    case 'RegistrationClosed':
      workshop.status = 'registration-closed';
      return;
    case 'WorkshopHeld':
      workshop.status = 'held';
      return;
    case 'WorkshopReported':
      workshop.status = 'reported';
      return;
    case 'WorkshopCancelled':
      workshop.status = 'cancelled';
      return;
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const { registrationId, personId, organizationId } = event.data;
      if (own(facts.registrations, registrationId)) return;
      const fact: RegistrationFact = { personId, organizationId, status: statusAfter(event.type)!, attended: null };
      facts.registrations[registrationId] = fact;
      registrationChanged(view, workshop, undefined, fact);
      reach(view, index, organizationId);
      return;
    }
    case 'WaitlistedParticipantPromoted': {
      const registration = own(facts.registrations, event.data.registrationId);
      if (registration?.status !== 'waitlisted') return;
      setRegistration(view, workshop, event.data.registrationId, { ...registration, status: statusAfter(event.type)! });
      return;
    }
    case 'RegistrationCancelled': {
      const { registrationId, personId } = event.data;
      const registration: RegistrationFact = own(facts.registrations, registrationId) ?? { personId, organizationId: null, status: 'cancelled', attended: null };
      setRegistration(view, workshop, registrationId, { ...registration, status: statusAfter(event.type)! });
      return;
    }
    case 'AttendanceRecorded': {
      const { personId, registrationId, mode } = event.data;
      const registration = own(facts.registrations, registrationId);
      const organizationId = event.data.organizationId ?? registration?.organizationId ?? null;
      const fact: AttendanceFact = { registrationId, organizationId, mode };
      const earlier = own(facts.attendance, personId);
      if (earlier && sameAttendance(earlier, fact)) return;
      facts.attendance[personId] = fact;
      // The attendance figures count the registration's attendance (the domain's count), the people who attended
      // (returning participants, organisations reached) the attendance facts.
      const attendedAs = registration !== undefined && registration.attended !== mode ? { ...registration, attended: mode } : undefined;
      // A changed organisation may drop one the workshop reached (and move it elsewhere): rare, so recompute all.
      if (earlier && earlier.organizationId !== organizationId) {
        if (attendedAs) facts.registrations[registrationId] = attendedAs;
        return recomputeAll(view);
      }
      if (attendedAs) setRegistration(view, workshop, registrationId, attendedAs);
      if (!earlier) newAttendee(view, index, personId);
      reach(view, index, organizationId);
      return;
    }
    case 'ResourcePledged': {
      const { pledgeId, organizationId, kind, inKindValueCents } = event.data;
      if (own(facts.pledges, pledgeId)) return;
      facts.pledges[pledgeId] = { organizationId, kind, inKindValueCents, status: 'pending' };
      pledgesChanged(view, workshop);
      reach(view, index, organizationId);
      return;
    }
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn': {
      const pledge = own(facts.pledges, event.data.pledgeId);
      if (!pledge) return;
      facts.pledges[event.data.pledgeId] = { ...pledge, status: event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn' };
      pledgesChanged(view, workshop);
      return;
    }
    case 'ExpenseRecorded': {
      const { expenseId, amountCents, category } = event.data;
      if (own(facts.expenses, expenseId)) return;
      facts.expenses[expenseId] = { amountCents, category, status: 'recorded', corrected: false };
      expensesChanged(view, workshop);
      return;
    }
    case 'ExpenseCorrected': {
      const expense = own(facts.expenses, event.data.expenseId);
      if (!expense) return;
      const { amountCents, category } = event.data;
      facts.expenses[event.data.expenseId] = { ...expense, amountCents, category, corrected: true };
      expensesChanged(view, workshop);
      return;
    }
    case 'ExpenseVoided': {
      const expense = own(facts.expenses, event.data.expenseId);
      if (!expense) return;
      facts.expenses[event.data.expenseId] = { ...expense, status: 'voided' };
      expensesChanged(view, workshop);
      return;
    }
    case 'FeedbackSubmitted': {
      const { feedbackId, rating } = event.data;
      const was = own(facts.feedbackRatings, feedbackId);
      facts.feedbackRatings[feedbackId] = rating;
      feedbackChanged(view, workshop, was, rating);
      return;
    }
    case 'CitizenInputCollected': {
      facts.citizenInputs[event.data.inputId] = event.data.citizensHeard;
      let heard = 0;
      for (const id in facts.citizenInputs) heard += facts.citizenInputs[id];
      view.totals.citizensHeard += heard - workshop.citizensHeard;
      workshop.citizensHeard = heard;
      return;
    }
    case 'PlanningMeetingRecorded':
      facts.planningMeetings[event.data.meetingId] = event.data.kind;
      planningMeetingsChanged(view, workshop);
      return;
    case 'SustainabilityPracticesRecorded':
      // The latest record replaces the earlier one.
      workshop.sustainability = { practices: [...event.data.practices], notes: event.data.notes };
      return;
    default:
      return;
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
 * A mutator: it changes the chain's document in place, one fact and the figures it moves per event (a chain
 * document holds thousands of facts: copying them per event was most of a rebuild's time).
 */
export const workshopChainProjection = mutatorProjection<WorkshopChainView>({
  name: 'workshop-chain',
  // 3: the chain stream's revision (the ETag of GET /chains/:id); registration and attendance figures by the domain's count.
  version: 3,
  collection: WORKSHOP_CHAIN_COLLECTION,
  eventTypes: [...CHAIN_TYPES, ...WORKSHOP_TYPES, 'CollaborationRecorded'],
  readsFrom: [WORKSHOP_CHAIN_INDEX],

  keysOf(event, lookup) {
    const routed = asChainViewEvent(event);
    if (CHAIN_TYPES.has(routed.type)) return [(routed as ChainEvent).data.chainId];
    if (routed.type !== 'CollaborationRecorded' && !WORKSHOP_TYPES.has(routed.type)) return [];
    const workshopId = workshopIdOf(routed);
    if (workshopId === null) return [];
    return lookupThen<WorkshopChainIndexView, string[]>(lookup, WORKSHOP_CHAIN_INDEX, workshopId, (entry) => {
      if (entry !== null) return [entry.chainId];
      // Only if the index has not seen the plan yet (e.g. this projection placed before it): the plan names its chain.
      return routed.type === 'WorkshopPlanned' && routed.data.chainId !== null ? [routed.data.chainId] : [];
    });
  },

  apply(view, event) {
    if (alreadyApplied(view, event)) return view;
    const applied = asChainViewEvent(event);
    const lastPosition = eventPositionText(event);
    if (CHAIN_TYPES.has(applied.type)) return applyChainEvent(view, applied as ChainEvent, lastPosition, event.revision);
    // Workshop events of a chain never started (or of a chain whose start this view has not seen) have nowhere to go.
    if (!view) return undefined;
    view.lastPosition = lastPosition;
    applyWorkshopEvent(view, applied as Exclude<ChainViewEvent, ChainEvent>);
    return view;
  },
});
