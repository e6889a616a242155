import type { RecordedEvent } from '@kuhina/event-store';
import { WORKSHOP_EVENT_TYPES, type WorkshopAddedToChain, type WorkshopEvent } from '@kuhina/domain';
import type { Projection } from '../../projection';
import type { PutOptions } from '../../read-store.port';
import {
  WORKSHOP_DETAIL_COLLECTION,
  type WorkshopDetailExpense,
  type WorkshopDetailPledge,
  type WorkshopDetailView,
} from './workshop-detail.view';

/** The recorded form of each domain event, so `switch (event.type)` narrows `data`. */
type Recorded<E> = E extends { type: infer T extends string; data: infer D } ? RecordedEvent<T, D> : never;
type HandledEvent = Recorded<WorkshopEvent | WorkshopAddedToChain>;

const alreadyApplied = (view: WorkshopDetailView | undefined, event: RecordedEvent): boolean =>
  view !== undefined && event.position <= BigInt(view.lastPosition);

/** Replaces the entry with the same id, or appends it: applying an event twice leaves one entry. */
function upsert<T>(items: readonly T[], idOf: (item: T) => string, item: T): T[] {
  const id = idOf(item);
  const index = items.findIndex((existing) => idOf(existing) === id);
  if (index === -1) return [...items, item];
  const copy = [...items];
  copy[index] = item;
  return copy;
}

function updateById<T>(items: readonly T[], idOf: (item: T) => string, id: string, change: (item: T) => T): T[] {
  return items.map((item) => (idOf(item) === id ? change(item) : item));
}

const pledgeId = (pledge: WorkshopDetailPledge): string => pledge.pledgeId;
const expenseId = (expense: WorkshopDetailExpense): string => expense.expenseId;

/** Counts and totals are always recomputed from the facts and lists, never incremented. */
function derive(view: WorkshopDetailView): WorkshopDetailView {
  const registrations = Object.values(view.facts.registrations);
  const count = (test: (r: (typeof registrations)[number]) => boolean): number => registrations.filter(test).length;
  const livePledges = view.pledges.filter((p) => p.status !== 'withdrawn');
  const liveExpenses = view.expenses.filter((e) => e.status !== 'voided');
  return {
    ...view,
    counts: {
      invited: Object.keys(view.facts.invitedPersonIds).length,
      registered: count((r) => r.status === 'registered'),
      waitlisted: count((r) => r.status === 'waitlisted'),
      cancelled: count((r) => r.status === 'cancelled'),
      attendedOnSite: count((r) => r.attended === 'on-site'),
      attendedRemote: count((r) => r.attended === 'remote'),
      attendedTotal: count((r) => r.attended !== null),
    },
    totals: {
      inKindPledgedCents: livePledges.reduce((sum, p) => sum + p.inKindValueCents, 0),
      inKindFulfilledCents: livePledges.filter((p) => p.status === 'fulfilled').reduce((sum, p) => sum + p.inKindValueCents, 0),
      expensesCents: liveExpenses.reduce((sum, e) => sum + e.amountCents, 0),
    },
  };
}

function planned(event: Extract<HandledEvent, { type: 'WorkshopPlanned' }>): WorkshopDetailView {
  const { workshopId, plannedAt, ...plan } = event.data;
  return derive({
    workshopId,
    chainId: plan.chainId,
    chainOrder: null,
    title: plan.title,
    theme: plan.theme,
    method: plan.method,
    kind: plan.kind,
    format: plan.format,
    location: plan.location,
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
    counts: { invited: 0, registered: 0, waitlisted: 0, cancelled: 0, attendedOnSite: 0, attendedRemote: 0, attendedTotal: 0 },
    pledges: [],
    expenses: [],
    totals: { inKindPledgedCents: 0, inKindFulfilledCents: 0, expensesCents: 0 },
    citizenInput: { inputs: [], citizensHeard: 0, forwardings: [] },
    planningMeetings: [],
    sustainability: null,
    facts: { invitedPersonIds: {}, registrations: {} },
    lastPosition: event.position.toString(),
  });
}

function apply(view: WorkshopDetailView, event: HandledEvent): WorkshopDetailView {
  switch (event.type) {
    case 'WorkshopPlanned':
      return view; // planned once per stream; a second one cannot exist
    case 'WorkshopAddedToChain':
      return { ...view, chainId: event.data.chainId, chainOrder: event.data.order };
    case 'WorkshopRescheduled': {
      const { startsAt, endsAt, location, rescheduledAt } = event.data;
      return { ...view, startsAt, endsAt, location, dates: { ...view.dates, rescheduledAt } };
    }
    case 'CoOrganizerAdded':
      return view.coOrganizerIds.includes(event.data.organizationId)
        ? view
        : { ...view, coOrganizerIds: [...view.coOrganizerIds, event.data.organizationId] };
    case 'WorkshopCapacityChanged':
      return { ...view, capacity: event.data.capacity };
    case 'RegistrationOpened':
      return { ...view, status: 'registration-open', dates: { ...view.dates, registrationOpenedAt: event.data.openedAt } };
    case 'RegistrationClosed':
      return { ...view, status: 'registration-closed', dates: { ...view.dates, registrationClosedAt: event.data.closedAt } };
    case 'PersonInvited':
      return withFacts(view, { invitedPersonIds: { ...view.facts.invitedPersonIds, [event.data.personId]: true } });
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const status = event.type === 'ParticipantRegistered' ? 'registered' : 'waitlisted';
      return withRegistration(view, event.data.registrationId, { status, attended: null });
    }
    case 'WaitlistedParticipantPromoted':
      return changeRegistration(view, event.data.registrationId, { status: 'registered' });
    case 'RegistrationCancelled':
      return changeRegistration(view, event.data.registrationId, { status: 'cancelled' });
    case 'AttendanceRecorded':
      return changeRegistration(view, event.data.registrationId, { attended: event.data.mode });
    case 'ResourcePledged': {
      const { workshopId: _w, ...pledge } = event.data;
      return {
        ...view,
        pledges: upsert(view.pledges, pledgeId, {
          ...pledge,
          status: 'pending',
          fulfilledAt: null,
          withdrawnAt: null,
          withdrawalReason: null,
        }),
      };
    }
    case 'PledgeFulfilled':
      return {
        ...view,
        pledges: updateById(view.pledges, pledgeId, event.data.pledgeId, (p) => ({
          ...p,
          status: 'fulfilled',
          fulfilledAt: event.data.fulfilledAt,
        })),
      };
    case 'PledgeWithdrawn':
      return {
        ...view,
        pledges: updateById(view.pledges, pledgeId, event.data.pledgeId, (p) => ({
          ...p,
          status: 'withdrawn',
          withdrawnAt: event.data.withdrawnAt,
          withdrawalReason: event.data.reason,
        })),
      };
    case 'ExpenseRecorded': {
      const { workshopId: _w, ...expense } = event.data;
      return {
        ...view,
        expenses: upsert(view.expenses, expenseId, { ...expense, status: 'recorded', voidedAt: null, voidReason: null, corrections: [] }),
      };
    }
    case 'ExpenseCorrected': {
      const { amountCents, category, fundingSource, receiptReference, previous, reason, correctedAt } = event.data;
      const corrected = { amountCents, category, fundingSource, receiptReference };
      return {
        ...view,
        expenses: updateById(view.expenses, expenseId, event.data.expenseId, (e) => ({
          ...e,
          ...corrected,
          status: e.status === 'voided' ? 'voided' : 'corrected',
          corrections: upsert(e.corrections, (c) => c.eventId, {
            eventId: event.id,
            previous: { ...previous },
            corrected,
            reason,
            correctedAt,
          }),
        })),
      };
    }
    case 'ExpenseVoided':
      return {
        ...view,
        expenses: updateById(view.expenses, expenseId, event.data.expenseId, (e) => ({
          ...e,
          status: 'voided',
          voidedAt: event.data.voidedAt,
          voidReason: event.data.reason,
        })),
      };
    case 'CitizenInputCollected': {
      const { workshopId: _w, ...input } = event.data;
      const inputs = upsert(view.citizenInput.inputs, (i) => i.inputId, input);
      return {
        ...view,
        citizenInput: { ...view.citizenInput, inputs, citizensHeard: inputs.reduce((sum, i) => sum + i.citizensHeard, 0) },
      };
    }
    case 'CitizenInputSummaryForwarded': {
      const { summary, recipients, forwardedAt } = event.data;
      const forwardings = upsert(view.citizenInput.forwardings, (f) => f.eventId, {
        eventId: event.id,
        summary,
        recipients: [...recipients],
        forwardedAt,
      });
      return { ...view, citizenInput: { ...view.citizenInput, forwardings } };
    }
    case 'PlanningMeetingRecorded': {
      const { meetingId, heldOn, kind, online, organizationIds, notes } = event.data;
      return {
        ...view,
        planningMeetings: upsert(view.planningMeetings, (m) => m.meetingId, {
          meetingId,
          heldOn,
          kind,
          online,
          organizationIds: [...organizationIds],
          notes,
        }),
      };
    }
    case 'SustainabilityPracticesRecorded': {
      const { practices, notes, recordedAt } = event.data;
      return { ...view, sustainability: { practices: [...practices], notes, recordedAt } };
    }
    case 'WorkshopHeld':
      return { ...view, status: 'held', dates: { ...view.dates, heldOn: event.data.heldOn } };
    case 'WorkshopCancelled':
      return {
        ...view,
        status: 'cancelled',
        cancellationReason: event.data.reason,
        dates: { ...view.dates, cancelledAt: event.data.cancelledAt },
      };
    case 'WorkshopReported':
      return {
        ...view,
        status: 'reported',
        reportSummary: event.data.summary,
        dates: { ...view.dates, reportedAt: event.data.reportedAt },
      };
    default:
      return view;
  }
}

function withFacts(view: WorkshopDetailView, change: Partial<WorkshopDetailView['facts']>): WorkshopDetailView {
  return { ...view, facts: { ...view.facts, ...change } };
}

type RegistrationFact = WorkshopDetailView['facts']['registrations'][string];

function withRegistration(view: WorkshopDetailView, registrationId: string, fact: RegistrationFact): WorkshopDetailView {
  return withFacts(view, { registrations: { ...view.facts.registrations, [registrationId]: fact } });
}

function changeRegistration(view: WorkshopDetailView, registrationId: string, change: Partial<RegistrationFact>): WorkshopDetailView {
  const fact = view.facts.registrations[registrationId];
  // An unknown registration cannot come from the decider; ignoring it keeps the view consistent.
  return fact === undefined ? view : withRegistration(view, registrationId, { ...fact, ...change });
}

// Feedback has its own view (workshop-feedback): skipping it here saves a document write per submission.
const EVENT_TYPES: readonly string[] = [...WORKSHOP_EVENT_TYPES.filter((type) => type !== 'FeedbackSubmitted'), 'WorkshopAddedToChain'];
const handled: ReadonlySet<string> = new Set(EVENT_TYPES);

/** GET /workshops/:id — one document per workshop with its plan, status, counts and the money trail. */
export const workshopDetailProjection: Projection<WorkshopDetailView> = {
  name: 'workshop-detail',
  version: 1,
  collection: WORKSHOP_DETAIL_COLLECTION,
  eventTypes: EVENT_TYPES,

  keysOf(event: RecordedEvent): string[] {
    if (!handled.has(event.type)) return [];
    const { workshopId } = event.data as { workshopId?: unknown };
    return typeof workshopId === 'string' ? [workshopId] : [];
  },

  project(view: WorkshopDetailView | undefined, recorded: RecordedEvent): WorkshopDetailView | undefined {
    if (!handled.has(recorded.type) || alreadyApplied(view, recorded)) return view;
    const event = recorded as HandledEvent;
    if (view === undefined) {
      // Everything but the plan needs the workshop's document; WorkshopPlanned (with its chainId) comes first in the log.
      return event.type === 'WorkshopPlanned' ? planned(event) : undefined;
    }
    return { ...derive(apply(view, event)), lastPosition: recorded.position.toString() };
  },

  indexesOf(view: WorkshopDetailView): PutOptions {
    return { indexes: view.chainId === null ? {} : { chainId: view.chainId }, sortKey: view.startsAt };
  },
};
