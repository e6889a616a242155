import { assertNever } from '../../shared/decider';
import { conflict, invalid, unprocessable } from '../../shared/domain-error';
import { promotions } from '../registration/registration.decide';
import type {
  AddCoOrganizer,
  CancelWorkshop,
  ChangeCapacity,
  MarkHeld,
  PlanWorkshop,
  ReportWorkshop,
  RescheduleWorkshop,
} from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import {
  WORKSHOP_ACCESS,
  WORKSHOP_FORMATS,
  WORKSHOP_KINDS,
  type WorkshopEvent,
  type WorkshopFormat,
  type WorkshopLocation,
  type WorkshopPlan,
} from '../workshop.events';
import { locationKey, planKey } from '../workshop.fingerprints';
import {
  alreadyHeldError,
  cancelledError,
  existing,
  requireHeld,
  requireNotYetHeld,
  requireOpenForContributions,
  workshopField,
} from '../workshop.guards';
import type { ExistingWorkshop, WorkshopState } from '../workshop.state';
import { instant } from '../workshop.validation';
import { INTEGER, isWithin } from '../../shared/rules';

// Planning and lifecycle: the plan, its schedule, partners and capacity, and the workshop's way from
// planned to held, reported or cancelled.

// ---------------------------------------------------------------------------------------------
// Validation of the plan (shared by PlanWorkshop and RescheduleWorkshop)
// ---------------------------------------------------------------------------------------------

function validateSchedule(startsAt: unknown, endsAt: unknown): void {
  workshopField.dateTime(startsAt, 'startsAt');
  workshopField.dateTime(endsAt, 'endsAt');
  if (instant(endsAt as string) <= instant(startsAt as string)) {
    throw invalid(E.SCHEDULE_INVALID, 'endsAt must be after startsAt', { startsAt, endsAt });
  }
}

function validateLocation(location: unknown, format: WorkshopFormat): void {
  if (location === null) {
    if (format !== 'webinar') throw invalid(E.LOCATION_REQUIRED, `A ${format} workshop needs a location`, { format });
    return;
  }
  if (typeof location !== 'object') throw invalid(E.INVALID_FIELD, 'location must be an object or null', { field: 'location' });
  const { venue, municipality, region } = location as Partial<WorkshopLocation>;
  workshopField.text(venue, 'location.venue');
  workshopField.text(municipality, 'location.municipality');
  workshopField.text(region, 'location.region');
}

function validateCapacity(capacity: unknown): void {
  if (capacity !== null && !isWithin(INTEGER.CAPACITY, capacity)) {
    throw invalid(E.CAPACITY_INVALID, `capacity must be ${INTEGER.CAPACITY.expected}, or null for unlimited`, { capacity });
  }
}

function validatePlan(data: PlanWorkshop['data']): void {
  workshopField.text(data.workshopId, 'workshopId');
  workshopField.idOrNull(data.chainId, 'chainId');
  workshopField.text(data.title, 'title');
  workshopField.text(data.theme, 'theme');
  workshopField.text(data.method, 'method');
  workshopField.oneOf(data.kind, WORKSHOP_KINDS, 'kind');
  workshopField.oneOf(data.format, WORKSHOP_FORMATS, 'format');
  workshopField.oneOf(data.access, WORKSHOP_ACCESS, 'access');
  validateLocation(data.location, data.format);
  validateSchedule(data.startsAt, data.endsAt);
  workshopField.strings(data.targetGroups, 'targetGroups', true);
  validateCapacity(data.capacity);
  workshopField.strings(data.coOrganizerIds, 'coOrganizerIds', true);
}

// Events carry copies of exactly the documented fields, never the command object itself
// (a caller may have put anything else in it, and the log keeps it for good).
const copyLocation = (l: WorkshopLocation | null): WorkshopLocation | null =>
  l && { venue: l.venue, municipality: l.municipality, region: l.region };

const planOf = (d: WorkshopPlan): WorkshopPlan => ({
  chainId: d.chainId,
  title: d.title,
  theme: d.theme,
  method: d.method,
  kind: d.kind,
  format: d.format,
  location: copyLocation(d.location),
  startsAt: d.startsAt,
  endsAt: d.endsAt,
  targetGroups: [...d.targetGroups],
  access: d.access,
  capacity: d.capacity,
  coOrganizerIds: [...d.coOrganizerIds],
});

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

export function planWorkshop({ data, at }: PlanWorkshop, state: WorkshopState): WorkshopEvent[] {
  if (state.status !== 'empty') {
    const w = existing(state, data.workshopId);
    // A retry of the very same plan changes nothing; anything else would overwrite history.
    if (planKey(w.plan) === planKey(data)) return [];
    throw conflict(E.ALREADY_EXISTS, `Workshop ${data.workshopId} was already planned`, { workshopId: data.workshopId });
  }
  validatePlan(data);
  return [{ type: 'WorkshopPlanned', data: { workshopId: data.workshopId, ...planOf(data), plannedAt: at } }];
}

export function rescheduleWorkshop({ data, at }: RescheduleWorkshop, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  validateSchedule(data.startsAt, data.endsAt);
  validateLocation(data.location, w.plan.format);
  requireNotYetHeld(w, 'reschedule');
  if (data.startsAt === w.startsAt && data.endsAt === w.endsAt && locationKey(data.location) === locationKey(w.location)) return [];
  return [
    {
      type: 'WorkshopRescheduled',
      data: {
        workshopId: w.workshopId,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        location: copyLocation(data.location),
        previousStartsAt: w.startsAt,
        previousEndsAt: w.endsAt,
        rescheduledAt: at,
      },
    },
  ];
}

export function addCoOrganizer({ data, at }: AddCoOrganizer, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.organizationId, 'organizationId');
  requireOpenForContributions(w, 'add a co-organiser');
  if (w.coOrganizerIds.includes(data.organizationId)) return [];
  return [{ type: 'CoOrganizerAdded', data: { workshopId: w.workshopId, organizationId: data.organizationId, addedAt: at } }];
}

export function changeCapacity({ data, at }: ChangeCapacity, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  validateCapacity(data.capacity);
  requireNotYetHeld(w, 'change the capacity');
  if (data.capacity === w.capacity) return [];
  const registered = w.counts.registered;
  if (data.capacity !== null && data.capacity < registered) {
    throw conflict(E.CAPACITY_BELOW_REGISTERED, `${registered} seats are taken; capacity cannot be ${data.capacity}`, {
      capacity: data.capacity,
      registered,
    });
  }
  return [
    {
      type: 'WorkshopCapacityChanged',
      data: { workshopId: w.workshopId, capacity: data.capacity, previousCapacity: w.capacity, changedAt: at },
    },
    ...promotions(w, data.capacity, registered, w.waitlist, at),
  ];
}

/**
 * A workshop is held on one of the days it is planned for (or rescheduled to), in its own time zone: the date part of
 * `startsAt` and `endsAt` as written. A typo (2031 for 2024) would otherwise date every fact of the day wrongly for good.
 */
function requireHeldOnItsDates(w: ExistingWorkshop, heldOn: string): void {
  const first = w.startsAt.slice(0, 10);
  const last = w.endsAt.slice(0, 10);
  if (heldOn < first || heldOn > last) {
    throw unprocessable(E.HELD_OUTSIDE_DATES, `heldOn ${heldOn} is not a day the workshop is planned for (${first === last ? first : `${first} to ${last}`}); reschedule it first if it moved`, {
      heldOn,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
    });
  }
}

export function markHeld({ data, at }: MarkHeld, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.date(data.heldOn, 'heldOn');
  const held: WorkshopEvent = { type: 'WorkshopHeld', data: { workshopId: w.workshopId, heldOn: data.heldOn } };
  switch (w.status) {
    // Street events have no registration at all, so a planned workshop may be held directly.
    case 'planned':
    case 'registration-closed':
      requireHeldOnItsDates(w, data.heldOn);
      return [held];
    case 'registration-open':
      requireHeldOnItsDates(w, data.heldOn);
      return [{ type: 'RegistrationClosed', data: { workshopId: w.workshopId, closedAt: at } }, held];
    case 'held':
    case 'reported':
      if (w.heldOn === data.heldOn) return []; // a retry
      throw alreadyHeldError(w, `mark it held on ${data.heldOn}`);
    case 'cancelled':
      throw cancelledError(w, 'mark it held');
    default:
      return assertNever(w, 'workshop state');
  }
}

export function cancelWorkshop({ data, at }: CancelWorkshop, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.reason, 'reason');
  if (w.status === 'cancelled') return [];
  requireNotYetHeld(w, 'cancel it');
  return [{ type: 'WorkshopCancelled', data: { workshopId: w.workshopId, reason: data.reason, cancelledAt: at } }];
}

export function reportWorkshop({ data, at }: ReportWorkshop, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.summary, 'summary');
  if (w.status === 'reported') {
    throw conflict(E.ALREADY_REPORTED, `Workshop ${w.workshopId} was reported already`, { workshopId: w.workshopId });
  }
  requireHeld(w, 'report it');
  return [{ type: 'WorkshopReported', data: { workshopId: w.workshopId, summary: data.summary, reportedAt: at } }];
}
