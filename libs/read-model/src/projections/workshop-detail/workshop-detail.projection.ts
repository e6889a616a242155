import type { Recorded, RecordedEvent } from '@kuhina/event-store';
import {
  isWorkshopEventType,
  noRegistrations,
  recount,
  roleOf,
  statusAfter,
  WORKSHOP_EVENT_TYPES,
  type CountedRegistration,
  type WorkshopAddedToChain,
  type WorkshopEvent,
  type WorkshopRole,
} from '@kuhina/domain';
import { alreadyApplied, asIdMap, byWorkshopOf, copyJson, idMap, mutatorProjection, eventPositionText } from '../../projection';
import type { PutOptions } from '../../read-store.port';
import {
  WORKSHOP_DETAIL_COLLECTION,
  type WorkshopDetailExpense,
  type WorkshopDetailPledge,
  type WorkshopDetailSpeaker,
  type WorkshopDetailView,
} from './workshop-detail.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type HandledEvent = Recorded<WorkshopEvent | WorkshopAddedToChain>;

/** Replaces the entry with the same id, or appends it: applying an event twice leaves one entry. */
function upsert<T>(items: T[], idOf: (item: T) => string, item: T): void {
  const id = idOf(item);
  const index = items.findIndex((existing) => idOf(existing) === id);
  if (index === -1) items.push(item);
  else items[index] = item;
}

/** Replaces the entry with this id by `change(entry)` (a new object: the old one is left as it was). */
function updateById<T>(items: T[], idOf: (item: T) => string, id: string, change: (item: T) => T): void {
  for (let i = 0; i < items.length; i++) if (idOf(items[i]) === id) items[i] = change(items[i]);
}

const pledgeId = (pledge: WorkshopDetailPledge): string => pledge.pledgeId;
const expenseId = (expense: WorkshopDetailExpense): string => expense.expenseId;

/**
 * Moves the counts for one registration changing from `was` (undefined: new) to `now`, through `recount`, the domain's
 * one counting function. The view keeps no fact per registration (a 10,000-person webinar would make every event rewrite
 * them all): what an event leaves out of its data (the role of a cancelled registration) is in `facts.staff`, which
 * holds only the few people running the workshop; the rest is the decider's promise (a registration id is new once,
 * only a waitlisted participant is promoted, a registration is cancelled before the workshop is held, attended once,
 * while registered). A replayed event moves nothing: `apply` skips an event of the stream at or before `revision`.
 */
function count(view: WorkshopDetailView, was: CountedRegistration | undefined, now: CountedRegistration): void {
  view.counts = recount(view.counts, was, now);
}

/** The role of a registration of this workshop: a participant unless it is one of the people running it. */
const roleIn = (view: WorkshopDetailView, registrationId: string): WorkshopRole => (Object.hasOwn(view.facts.staff, registrationId) ? view.facts.staff[registrationId] : 'participant');

/** Money totals, recomputed from the (few) pledges and expenses whenever one of them changes, never incremented. */
function refreshTotals(view: WorkshopDetailView): void {
  let inKindPledgedCents = 0;
  let inKindFulfilledCents = 0;
  let expensesCents = 0;
  for (const pledge of view.pledges) {
    if (pledge.status === 'withdrawn') continue;
    inKindPledgedCents += pledge.inKindValueCents;
    if (pledge.status === 'fulfilled') inKindFulfilledCents += pledge.inKindValueCents;
  }
  for (const expense of view.expenses) if (expense.status !== 'voided') expensesCents += expense.amountCents;
  view.totals = { inKindPledgedCents, inKindFulfilledCents, expensesCents };
}

function planned(event: Extract<HandledEvent, { type: 'WorkshopPlanned' }>): WorkshopDetailView {
  const { workshopId, plannedAt, ...plan } = event.data;
  return {
    workshopId,
    chainId: plan.chainId,
    chainOrder: null,
    title: plan.title,
    theme: plan.theme,
    method: plan.method,
    kind: plan.kind,
    format: plan.format,
    location: copyJson(plan.location),
    startsAt: plan.startsAt,
    endsAt: plan.endsAt,
    targetGroups: [...plan.targetGroups],
    access: plan.access,
    capacity: plan.capacity,
    coOrganizerIds: [...plan.coOrganizerIds],
    status: 'planned',
    dates: {
      plannedAt,
      rescheduledAt: null,
      registrationOpenedAt: null,
      registrationClosedAt: null,
      heldOn: null,
      cancelledAt: null,
      reportedAt: null,
    },
    cancellationReason: null,
    reportSummary: null,
    counts: noRegistrations(),
    programme: [],
    invited: 0,
    pledges: [],
    expenses: [],
    totals: { inKindPledgedCents: 0, inKindFulfilledCents: 0, expensesCents: 0 },
    citizenInput: { inputs: [], citizensHeard: 0, forwardings: [] },
    planningMeetings: [],
    sustainability: null,
    facts: { staff: idMap() },
    revision: event.revision,
    lastPosition: eventPositionText(event),
  };
}

/** Changes the view in place after one event (the position guard and lastPosition are the caller's). */
function applyEvent(view: WorkshopDetailView, event: HandledEvent): void {
  switch (event.type) {
    case 'WorkshopPlanned':
      return; // planned once per stream; a second one cannot exist
    case 'WorkshopAddedToChain':
      view.chainId = event.data.chainId;
      view.chainOrder = event.data.order;
      return;
    case 'WorkshopRescheduled': {
      const { startsAt, endsAt, location, rescheduledAt } = event.data;
      Object.assign(view, { startsAt, endsAt, location: copyJson(location) });
      view.dates.rescheduledAt = rescheduledAt;
      return;
    }
    case 'CoOrganizerAdded':
      if (!view.coOrganizerIds.includes(event.data.organizationId)) view.coOrganizerIds.push(event.data.organizationId);
      return;
    case 'WorkshopCapacityChanged':
      view.capacity = event.data.capacity;
      return;
    case 'RegistrationOpened':
      view.status = 'registration-open';
      view.dates.registrationOpenedAt = event.data.openedAt;
      return;
    case 'RegistrationClosed':
      view.status = 'registration-closed';
      view.dates.registrationClosedAt = event.data.closedAt;
      return;
    case 'PersonInvited':
      // The decider invites a person once (a second invitation gives no event).
      view.invited += 1;
      return;
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const role = roleOf(event.data);
      count(view, undefined, { status: statusAfter(event.type)!, attended: null, role });
      if (role !== 'participant') view.facts.staff[event.data.registrationId] = role;
      if (role === 'speaker') {
        const { registrationId, organizationId, speaker } = event.data;
        view.programme ??= [];
        upsert(view.programme, (s) => s.registrationId, { registrationId, organizationId, topic: speaker?.topic ?? null, paid: speaker?.paid ?? false, status: 'registered', attended: false });
      }
      return;
    }
    case 'WaitlistedParticipantPromoted': {
      const role = roleIn(view, event.data.registrationId);
      count(view, { status: 'waitlisted', attended: null, role }, { status: 'registered', attended: null, role });
      return;
    }
    case 'RegistrationCancelled': {
      const role = roleIn(view, event.data.registrationId);
      count(view, { status: event.data.previousStatus, attended: null, role }, { status: 'cancelled', attended: null, role });
      updateById(view.programme ?? [], (s) => s.registrationId, event.data.registrationId, (s): WorkshopDetailSpeaker => ({ ...s, status: 'cancelled' }));
      return;
    }
    case 'AttendanceRecorded': {
      const role = Object.hasOwn(view.facts.staff, event.data.registrationId) ? view.facts.staff[event.data.registrationId] : roleOf(event.data);
      count(view, { status: 'registered', attended: null, role }, { status: 'registered', attended: event.data.mode, role });
      updateById(view.programme ?? [], (s) => s.registrationId, event.data.registrationId, (s): WorkshopDetailSpeaker => ({ ...s, attended: true }));
      return;
    }
    case 'ResourcePledged': {
      const { workshopId: _w, ...pledge } = event.data;
      upsert(view.pledges, pledgeId, { ...pledge, status: 'pending', fulfilledAt: null, withdrawnAt: null, withdrawalReason: null });
      refreshTotals(view);
      return;
    }
    case 'PledgeFulfilled':
      updateById(view.pledges, pledgeId, event.data.pledgeId, (p): WorkshopDetailPledge => ({ ...p, status: 'fulfilled', fulfilledAt: event.data.fulfilledAt }));
      refreshTotals(view);
      return;
    case 'PledgeWithdrawn':
      updateById(view.pledges, pledgeId, event.data.pledgeId, (p): WorkshopDetailPledge => ({
        ...p,
        status: 'withdrawn',
        withdrawnAt: event.data.withdrawnAt,
        withdrawalReason: event.data.reason,
      }));
      refreshTotals(view);
      return;
    case 'ExpenseRecorded': {
      const { workshopId: _w, ...expense } = event.data;
      upsert(view.expenses, expenseId, { ...expense, status: 'recorded', voidedAt: null, voidReason: null, corrections: [] });
      refreshTotals(view);
      return;
    }
    case 'ExpenseCorrected': {
      const { amountCents, category, fundingSource, receiptReference, previous, reason, correctedAt } = event.data;
      updateById(view.expenses, expenseId, event.data.expenseId, (e): WorkshopDetailExpense => {
        const corrections = [...e.corrections];
        // Two objects, not one: the expense's figures and the correction's must not be the same object in a draft.
        upsert(corrections, (c) => c.eventId, {
          eventId: event.id,
          previous: { ...previous },
          corrected: { amountCents, category, fundingSource, receiptReference },
          reason,
          correctedAt,
        });
        return { ...e, amountCents, category, fundingSource, receiptReference, status: e.status === 'voided' ? 'voided' : 'corrected', corrections };
      });
      refreshTotals(view);
      return;
    }
    case 'ExpenseVoided':
      updateById(view.expenses, expenseId, event.data.expenseId, (e): WorkshopDetailExpense => ({ ...e, status: 'voided', voidedAt: event.data.voidedAt, voidReason: event.data.reason }));
      refreshTotals(view);
      return;
    case 'CitizenInputCollected': {
      const { workshopId: _w, ...input } = event.data;
      upsert(view.citizenInput.inputs, (i) => i.inputId, { ...input, countingMethod: input.countingMethod ?? null });
      view.citizenInput.citizensHeard = view.citizenInput.inputs.reduce((sum, i) => sum + i.citizensHeard, 0);
      return;
    }
    case 'CitizenInputSummaryForwarded': {
      const { summary, recipients, forwardedAt } = event.data;
      upsert(view.citizenInput.forwardings, (f) => f.eventId, { eventId: event.id, summary, recipients: [...recipients], forwardedAt });
      return;
    }
    case 'PlanningMeetingRecorded': {
      const { meetingId, heldOn, kind, online, organizationIds, notes } = event.data;
      upsert(view.planningMeetings, (m) => m.meetingId, { meetingId, heldOn, kind, online, organizationIds: [...organizationIds], notes });
      return;
    }
    case 'SustainabilityPracticesRecorded': {
      const { practices, notes, recordedAt } = event.data;
      view.sustainability = { practices: [...practices], notes, recordedAt };
      return;
    }
    case 'OutreachRecorded': {
      const { outreachId, channel, sentOn, personIds, firstContacts, note, recordedAt } = event.data;
      upsert((view.outreach ??= []), (o) => o.outreachId, { outreachId, channel, sentOn, people: personIds.length, firstContacts, note, recordedAt });
      return;
    }
    case 'RegistrationFormSet':
      view.form = { ...(view.form ?? { links: [] }), questions: copyJson(event.data.questions), version: event.data.version };
      return;
    case 'RegistrationLinkCreated':
      upsert((view.form ??= { questions: [], version: 0, links: [] }).links, (l) => l.linkId, { linkId: event.data.linkId, createdAt: event.data.createdAt, revokedAt: null, revokeReason: null });
      return;
    case 'RegistrationLinkRevoked':
      updateById((view.form ??= { questions: [], version: 0, links: [] }).links, (l) => l.linkId, event.data.linkId, (l) => ({ ...l, revokedAt: event.data.revokedAt, revokeReason: event.data.reason }));
      return;
    case 'WorkshopHeld':
      view.status = 'held';
      view.dates.heldOn = event.data.heldOn;
      return;
    case 'WorkshopCancelled':
      view.status = 'cancelled';
      view.cancellationReason = event.data.reason;
      view.dates.cancelledAt = event.data.cancelledAt;
      return;
    case 'WorkshopReported':
      view.status = 'reported';
      view.reportSummary = event.data.summary;
      view.dates.reportedAt = event.data.reportedAt;
      return;
    default:
      return;
  }
}

// Feedback has its own view (workshop-feedback): skipping it here saves a document write per submission.
const EVENT_TYPES: readonly string[] = [...WORKSHOP_EVENT_TYPES.filter((type) => type !== 'FeedbackSubmitted'), 'WorkshopAddedToChain'];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

/** GET /workshops/:id — one document per workshop with its plan, status, counts, the money trail and its stream's revision. */
export const workshopDetailProjection = mutatorProjection<WorkshopDetailView>({
  name: 'workshop-detail',
  // 2: counts by the domain's `recount` (attendedTotal → attended), invited beside them, the stream's revision.
  // 3: roles (staff counts, the programme's speakers) and how citizens heard were counted.
  // 4: no fact per registration or invitation (counts moved per event; only the staff's roles kept): bounded per event.
  version: 4,
  collection: WORKSHOP_DETAIL_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf: byWorkshopOf(handled),

  apply(view: WorkshopDetailView | undefined, recorded: RecordedEvent): WorkshopDetailView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = recorded as HandledEvent;
    if (view === undefined) {
      // Everything but the plan needs the workshop's document; WorkshopPlanned (with its chainId) comes first in the log.
      return event.type === 'WorkshopPlanned' ? planned(event) : undefined;
    }
    // The stream's events come in revision order: one at or before the view's revision is in it already (replayed).
    const replayed = isWorkshopEventType(recorded.type) && recorded.revision <= view.revision;
    // A map parsed from the store is a plain object: the draft gains ids in an idMap.
    view.facts.staff = asIdMap(view.facts.staff);
    if (!replayed) applyEvent(view, event);
    // WorkshopAddedToChain is the chain stream's: its revision is not the workshop's.
    if (isWorkshopEventType(recorded.type) && !replayed) view.revision = recorded.revision;
    view.lastPosition = eventPositionText(recorded);
    return view;
  },

  indexesOf(view: WorkshopDetailView): PutOptions {
    return { indexes: view.chainId === null ? {} : { chainId: view.chainId }, sortKey: view.startsAt };
  },
});
