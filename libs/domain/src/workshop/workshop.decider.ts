import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound, type DomainError } from '../shared/domain-error';
import { emptyIdMap, idMapDelete, idMapGet, idMapHas, idMapSet } from './id-map';
import type {
  AddCoOrganizer,
  CancelRegistration,
  CancelWorkshop,
  ChangeCapacity,
  CloseRegistration,
  CollectCitizenInput,
  CorrectExpense,
  ForwardCitizenInputSummary,
  FulfilPledge,
  InvitePerson,
  MarkHeld,
  OpenRegistration,
  PlanWorkshop,
  PledgeResource,
  RecordAttendance,
  RecordExpense,
  RecordPlanningMeeting,
  RecordSustainabilityPractices,
  RegisterParticipant,
  ReportWorkshop,
  RescheduleWorkshop,
  SubmitFeedback,
  VoidExpense,
  WithdrawPledge,
  WorkshopCommand,
} from './workshop.commands';
import { WorkshopErrors as E } from './workshop.errors';
import {
  ATTENDANCE_MODES,
  EXPENSE_CATEGORIES,
  FUNDING_SOURCES,
  PLANNING_MEETING_KINDS,
  PLEDGE_KINDS,
  SUSTAINABILITY_PRACTICES,
  WORKSHOP_ACCESS,
  WORKSHOP_FORMATS,
  WORKSHOP_KINDS,
  type AttendanceMode,
  type AttendanceRecorded,
  type ExpenseFigures,
  type WaitlistedParticipantPromoted,
  type WorkshopEvent,
  type WorkshopFormat,
  type WorkshopLocation,
  type WorkshopPlan,
} from './workshop.events';
import type { ExistingWorkshop, HeldWorkshop, RegistrationEntry, ReportedWorkshop, WorkshopData, WorkshopState } from './workshop.state';
import { fieldChecks, fingerprint, instant, isCents } from './workshop.validation';

const workshopField = fieldChecks(E.INVALID_FIELD);
const registrationField = fieldChecks(E.REGISTRATION_INVALID_FIELD);
const attendanceField = fieldChecks(E.ATTENDANCE_INVALID_FIELD);
const pledgeField = fieldChecks(E.PLEDGE_INVALID_FIELD);
const expenseField = fieldChecks(E.EXPENSE_INVALID_FIELD);
const feedbackField = fieldChecks(E.FEEDBACK_INVALID_FIELD);
const citizenInputField = fieldChecks(E.CITIZEN_INPUT_INVALID_FIELD);
const meetingField = fieldChecks(E.PLANNING_MEETING_INVALID_FIELD);
const sustainabilityField = fieldChecks(E.SUSTAINABILITY_INVALID_FIELD);

// ---------------------------------------------------------------------------------------------
// Fingerprints: the identifying facts of a sub-entity, computed alike from the command (decide)
// and from the event (evolve). A command reusing an id with the same facts is a retry (no events);
// with other facts it is refused as ALREADY_EXISTS. Long free texts stay out to keep state small.
// ---------------------------------------------------------------------------------------------

const registrationKey = (r: { personId: string; organizationId: string | null; attendanceMode: AttendanceMode }): string =>
  fingerprint(r.personId, r.organizationId, r.attendanceMode);
const pledgeKey = (p: { organizationId: string; kind: string; inKindValueCents: number; valuationBasis: string }): string =>
  fingerprint(p.organizationId, p.kind, p.inKindValueCents, p.valuationBasis);
const expenseKey = (x: ExpenseFigures & { incurredOn: string }): string =>
  fingerprint(x.amountCents, x.category, x.fundingSource, x.receiptReference, x.incurredOn);
const feedbackKey = (f: { registrationId: string | null; anonymous: boolean; rating: number }): string =>
  fingerprint(f.registrationId, f.anonymous, f.rating);
const citizenInputKey = (c: { topic: string; citizensHeard: number; collectedAt: string }): string =>
  fingerprint(c.topic, c.citizensHeard, c.collectedAt);
const forwardKey = (s: { summary: string; recipients: readonly string[]; forwardedAt: string }): string =>
  fingerprint(s.summary, s.recipients, s.forwardedAt);
const meetingKey = (m: { heldOn: string; kind: string; online: boolean; organizationIds: readonly string[] }): string =>
  fingerprint(m.heldOn, m.kind, m.online, m.organizationIds);
const locationKey = (l: WorkshopLocation | null): string => fingerprint(l && [l.venue, l.municipality, l.region]);
const planKey = (p: WorkshopPlan): string =>
  fingerprint(
    p.chainId,
    p.title,
    p.theme,
    p.method,
    p.kind,
    p.format,
    locationKey(p.location),
    p.startsAt,
    p.endsAt,
    p.targetGroups,
    p.access,
    p.capacity,
    p.coOrganizerIds,
  );

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

/** The workshop the command is about, or the refusal when there is none (or it is another one). */
function existing(state: WorkshopState, workshopId: string): ExistingWorkshop {
  switch (state.status) {
    case 'empty':
      throw notFound(E.NOT_FOUND, `Workshop ${workshopId} does not exist`, { workshopId });
    case 'planned':
    case 'registration-open':
    case 'registration-closed':
    case 'held':
    case 'reported':
    case 'cancelled':
      if (state.workshopId !== workshopId) {
        throw invalid(E.ID_MISMATCH, `Command for workshop ${workshopId} sent to workshop ${state.workshopId}`, {
          workshopId,
          streamWorkshopId: state.workshopId,
        });
      }
      return state;
    default:
      return assertNever(state, 'workshop state');
  }
}

const cancelledError = (w: ExistingWorkshop, action: string): DomainError =>
  conflict(E.CANCELLED, `Workshop ${w.workshopId} is cancelled: cannot ${action}`, { workshopId: w.workshopId, status: w.status });

const alreadyHeldError = (w: HeldWorkshop | ReportedWorkshop, action: string): DomainError =>
  conflict(E.ALREADY_HELD, `Workshop ${w.workshopId} was held on ${w.heldOn}: cannot ${action}`, {
    workshopId: w.workshopId,
    status: w.status,
    heldOn: w.heldOn,
  });

/** Planning and registration changes end when the workshop is held (or cancelled). */
function requireNotYetHeld(w: ExistingWorkshop, action: string): void {
  switch (w.status) {
    case 'planned':
    case 'registration-open':
    case 'registration-closed':
      return;
    case 'held':
    case 'reported':
      throw alreadyHeldError(w, action);
    case 'cancelled':
      throw cancelledError(w, action);
    default:
      return assertNever(w, 'workshop state');
  }
}

/** Attendance and feedback exist only for a workshop that took place. */
function requireHeld(w: ExistingWorkshop, action: string): void {
  switch (w.status) {
    case 'planned':
    case 'registration-open':
    case 'registration-closed':
      throw conflict(E.NOT_HELD, `Workshop ${w.workshopId} has not been held yet: cannot ${action}`, {
        workshopId: w.workshopId,
        status: w.status,
      });
    case 'held':
    case 'reported':
      return;
    case 'cancelled':
      throw cancelledError(w, action);
    default:
      return assertNever(w, 'workshop state');
  }
}

/** Contributions to the workshop (pledges, co-organisers, citizen input, ...) end with the report or a cancellation. */
function requireOpenForContributions(w: ExistingWorkshop, action: string): void {
  switch (w.status) {
    case 'planned':
    case 'registration-open':
    case 'registration-closed':
    case 'held':
      return;
    case 'reported':
      throw conflict(E.ALREADY_REPORTED, `Workshop ${w.workshopId} was reported: cannot ${action}`, {
        workshopId: w.workshopId,
        status: w.status,
      });
    case 'cancelled':
      throw cancelledError(w, action);
    default:
      return assertNever(w, 'workshop state');
  }
}

function requireRegistrationOpen(w: ExistingWorkshop): void {
  switch (w.status) {
    case 'registration-open':
      return;
    case 'planned':
      throw conflict(E.REGISTRATION_NOT_OPEN, `Registration to workshop ${w.workshopId} has not been opened yet`, {
        workshopId: w.workshopId,
      });
    case 'registration-closed':
      throw conflict(E.REGISTRATION_CLOSED, `Registration to workshop ${w.workshopId} is closed`, { workshopId: w.workshopId });
    case 'held':
    case 'reported':
      throw alreadyHeldError(w, 'register participants');
    case 'cancelled':
      throw cancelledError(w, 'register participants');
    default:
      return assertNever(w, 'workshop state');
  }
}

/** Remote attendance needs a hybrid or webinar format; nobody attends a webinar on site. */
const offers = (format: WorkshopFormat, mode: AttendanceMode): boolean =>
  mode === 'remote' ? format !== 'in-person' : format !== 'webinar';

function requireModeOffered(w: ExistingWorkshop, mode: AttendanceMode): void {
  if (!offers(w.plan.format, mode)) {
    throw invalid(E.ATTENDANCE_MODE_NOT_OFFERED, `A ${w.plan.format} workshop cannot be attended ${mode}`, {
      format: w.plan.format,
      mode,
    });
  }
}

function registrationOf(w: ExistingWorkshop, registrationId: string): RegistrationEntry {
  const registration = idMapGet(w.registrations, registrationId);
  if (!registration) {
    throw notFound(E.REGISTRATION_NOT_FOUND, `Registration ${registrationId} does not exist in workshop ${w.workshopId}`, {
      workshopId: w.workshopId,
      registrationId,
    });
  }
  return registration;
}

function requireSeatHolder(registrationId: string, registration: RegistrationEntry): void {
  if (registration.status !== 'registered') {
    throw conflict(E.REGISTRATION_NOT_REGISTERED, `Registration ${registrationId} is ${registration.status}, not registered`, {
      registrationId,
      status: registration.status,
    });
  }
}

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
  if (capacity !== null && !(typeof capacity === 'number' && Number.isSafeInteger(capacity) && capacity >= 1)) {
    throw invalid(E.CAPACITY_INVALID, 'capacity must be a positive integer, or null for unlimited', { capacity });
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

/** Waitlisted participants who get the seats free under `capacity` once `registered` seats are taken, first come first served. */
function promotions(
  w: ExistingWorkshop,
  capacity: number | null,
  registered: number,
  waitlist: readonly string[],
  at: string,
): WaitlistedParticipantPromoted[] {
  const free = capacity === null ? waitlist.length : Math.max(0, capacity - registered);
  return waitlist.slice(0, free).map((registrationId) => ({
    type: 'WaitlistedParticipantPromoted',
    data: { workshopId: w.workshopId, registrationId, personId: registrationOf(w, registrationId).personId, promotedAt: at },
  }));
}

// ---------------------------------------------------------------------------------------------
// Decisions, one per command
// ---------------------------------------------------------------------------------------------

function planWorkshop({ data, at }: PlanWorkshop, state: WorkshopState): WorkshopEvent[] {
  if (state.status !== 'empty') {
    const w = existing(state, data.workshopId);
    // A retry of the very same plan changes nothing; anything else would overwrite history.
    if (planKey(w.plan) === planKey(data)) return [];
    throw conflict(E.ALREADY_EXISTS, `Workshop ${data.workshopId} was already planned`, { workshopId: data.workshopId });
  }
  validatePlan(data);
  return [{ type: 'WorkshopPlanned', data: { workshopId: data.workshopId, ...planOf(data), plannedAt: at } }];
}

function rescheduleWorkshop({ data, at }: RescheduleWorkshop, state: WorkshopState): WorkshopEvent[] {
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

function addCoOrganizer({ data, at }: AddCoOrganizer, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.organizationId, 'organizationId');
  requireOpenForContributions(w, 'add a co-organiser');
  if (w.coOrganizerIds.includes(data.organizationId)) return [];
  return [{ type: 'CoOrganizerAdded', data: { workshopId: w.workshopId, organizationId: data.organizationId, addedAt: at } }];
}

function changeCapacity({ data, at }: ChangeCapacity, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  validateCapacity(data.capacity);
  requireNotYetHeld(w, 'change the capacity');
  if (data.capacity === w.capacity) return [];
  if (data.capacity !== null && data.capacity < w.registeredCount) {
    throw conflict(E.CAPACITY_BELOW_REGISTERED, `${w.registeredCount} seats are taken; capacity cannot be ${data.capacity}`, {
      capacity: data.capacity,
      registered: w.registeredCount,
    });
  }
  return [
    {
      type: 'WorkshopCapacityChanged',
      data: { workshopId: w.workshopId, capacity: data.capacity, previousCapacity: w.capacity, changedAt: at },
    },
    ...promotions(w, data.capacity, w.registeredCount, w.waitlist, at),
  ];
}

function openRegistration({ data, at }: OpenRegistration, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  switch (w.status) {
    case 'planned':
    case 'registration-closed': // re-opening, e.g. after seats were added
      return [{ type: 'RegistrationOpened', data: { workshopId: w.workshopId, openedAt: at } }];
    case 'registration-open':
      return [];
    case 'held':
    case 'reported':
      throw alreadyHeldError(w, 'open registration');
    case 'cancelled':
      throw cancelledError(w, 'open registration');
    default:
      return assertNever(w, 'workshop state');
  }
}

function closeRegistration({ data, at }: CloseRegistration, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  switch (w.status) {
    case 'planned':
      throw conflict(E.REGISTRATION_NOT_OPEN, `Registration to workshop ${w.workshopId} was never opened`, { workshopId: w.workshopId });
    case 'registration-open':
      return [{ type: 'RegistrationClosed', data: { workshopId: w.workshopId, closedAt: at } }];
    case 'registration-closed':
      return [];
    case 'held':
    case 'reported':
      throw alreadyHeldError(w, 'close registration');
    case 'cancelled':
      throw cancelledError(w, 'close registration');
    default:
      return assertNever(w, 'workshop state');
  }
}

function invitePerson({ data, at }: InvitePerson, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.personId, 'personId');
  requireNotYetHeld(w, 'invite');
  if (w.plan.access !== 'invitation-only') {
    throw conflict(E.NOT_INVITATION_ONLY, `Workshop ${w.workshopId} is open to all; invitations are not needed`, {
      workshopId: w.workshopId,
    });
  }
  if (idMapHas(w.invitedPersonIds, data.personId)) return [];
  return [{ type: 'PersonInvited', data: { workshopId: w.workshopId, personId: data.personId, invitedAt: at } }];
}

function registerParticipant({ data, at }: RegisterParticipant, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  registrationField.text(data.registrationId, 'registrationId');
  registrationField.text(data.personId, 'personId');
  registrationField.idOrNull(data.organizationId, 'organizationId');
  registrationField.oneOf(data.attendanceMode, ATTENDANCE_MODES, 'attendanceMode');
  registrationField.textOrNull(data.expectations, 'expectations');
  registrationField.strings(data.advanceQuestions, 'advanceQuestions', true);

  const known = idMapGet(w.registrations, data.registrationId);
  if (known) {
    if (known.key === registrationKey(data)) return [];
    throw conflict(E.REGISTRATION_ALREADY_EXISTS, `Registration id ${data.registrationId} is taken`, {
      registrationId: data.registrationId,
    });
  }
  requireRegistrationOpen(w);
  if (w.plan.access === 'invitation-only' && !idMapHas(w.invitedPersonIds, data.personId)) {
    throw conflict(E.NOT_INVITED, `Workshop ${w.workshopId} is invitation-only and the person was not invited`, {
      workshopId: w.workshopId,
      personId: data.personId,
    });
  }
  requireModeOffered(w, data.attendanceMode);
  const active = idMapGet(w.activeRegistrationByPerson, data.personId);
  if (active !== undefined) {
    throw conflict(E.REGISTRATION_DUPLICATE, 'The person is already registered or waitlisted for this workshop', {
      personId: data.personId,
      registrationId: active,
    });
  }

  const registration = {
    workshopId: w.workshopId,
    registrationId: data.registrationId,
    personId: data.personId,
    organizationId: data.organizationId,
    attendanceMode: data.attendanceMode,
    expectations: data.expectations,
    advanceQuestions: [...data.advanceQuestions],
  };
  // Someone already waiting keeps priority over a newcomer even if a seat looks free.
  const seatFree = (w.capacity === null || w.registeredCount < w.capacity) && w.waitlist.length === 0;
  if (seatFree) return [{ type: 'ParticipantRegistered', data: { ...registration, registeredAt: at } }];
  return [{ type: 'ParticipantWaitlisted', data: { ...registration, position: w.waitlist.length + 1, waitlistedAt: at } }];
}

function cancelRegistration({ data, at }: CancelRegistration, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  registrationField.text(data.registrationId, 'registrationId');
  registrationField.anyText(data.reason, 'reason');
  const registration = registrationOf(w, data.registrationId);
  if (registration.status === 'cancelled') return [];
  requireNotYetHeld(w, 'cancel a registration');

  const events: WorkshopEvent[] = [
    {
      type: 'RegistrationCancelled',
      data: {
        workshopId: w.workshopId,
        registrationId: data.registrationId,
        personId: registration.personId,
        previousStatus: registration.status,
        reason: data.reason,
        cancelledAt: at,
      },
    },
  ];
  if (registration.status === 'registered') {
    events.push(...promotions(w, w.capacity, w.registeredCount - 1, w.waitlist, at));
  }
  return events;
}

function recordAttendance({ data, at }: RecordAttendance, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  if (!Array.isArray(data.attendees)) {
    throw invalid(E.ATTENDANCE_INVALID_FIELD, 'attendees must be an array', { field: 'attendees' });
  }
  requireHeld(w, 'record attendance');

  const inBatch = new Map<string, AttendanceMode>();
  const events: AttendanceRecorded[] = [];
  for (const attendee of data.attendees) {
    attendanceField.text(attendee?.registrationId, 'attendees[].registrationId');
    attendanceField.oneOf(attendee.mode, ATTENDANCE_MODES, 'attendees[].mode');
    const { registrationId, mode } = attendee;
    const registration = registrationOf(w, registrationId);
    requireSeatHolder(registrationId, registration);
    requireModeOffered(w, mode);

    const earlier = inBatch.get(registrationId);
    if (earlier !== undefined) {
      if (earlier === mode) continue;
      throw invalid(E.ATTENDANCE_CONFLICTING_MODES, `Registration ${registrationId} appears with both modes`, { registrationId });
    }
    inBatch.set(registrationId, mode);
    if (registration.attended === mode) continue; // recorded already: a retry or an overlapping sheet
    if (registration.attended !== null) {
      throw conflict(E.ATTENDANCE_ALREADY_RECORDED, `Attendance of ${registrationId} was recorded as ${registration.attended}`, {
        registrationId,
        recorded: registration.attended,
        requested: mode,
      });
    }
    events.push({
      type: 'AttendanceRecorded',
      data: {
        workshopId: w.workshopId,
        registrationId,
        personId: registration.personId,
        organizationId: registration.organizationId,
        mode,
        recordedAt: at,
      },
    });
  }
  return events;
}

function pledgeResource({ data, at }: PledgeResource, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  pledgeField.text(data.pledgeId, 'pledgeId');
  pledgeField.text(data.organizationId, 'organizationId');
  pledgeField.oneOf(data.kind, PLEDGE_KINDS, 'kind');
  pledgeField.anyText(data.description, 'description');
  pledgeField.text(data.valuationBasis, 'valuationBasis');
  if (!isCents(data.inKindValueCents)) {
    throw invalid(E.PLEDGE_VALUE_INVALID, 'inKindValueCents must be an integer number of cents ≥ 0', {
      inKindValueCents: data.inKindValueCents,
    });
  }
  const known = idMapGet(w.pledges, data.pledgeId);
  if (known) {
    if (known.key === pledgeKey(data)) return [];
    throw conflict(E.PLEDGE_ALREADY_EXISTS, `Pledge id ${data.pledgeId} is taken`, { pledgeId: data.pledgeId });
  }
  requireOpenForContributions(w, 'pledge resources');
  return [
    {
      type: 'ResourcePledged',
      data: {
        workshopId: w.workshopId,
        pledgeId: data.pledgeId,
        organizationId: data.organizationId,
        kind: data.kind,
        description: data.description,
        inKindValueCents: data.inKindValueCents,
        valuationBasis: data.valuationBasis,
        pledgedAt: at,
      },
    },
  ];
}

function pendingPledge(w: ExistingWorkshop, pledgeId: string) {
  pledgeField.text(pledgeId, 'pledgeId');
  const pledge = idMapGet(w.pledges, pledgeId);
  if (!pledge) {
    throw notFound(E.PLEDGE_NOT_FOUND, `Pledge ${pledgeId} does not exist in workshop ${w.workshopId}`, { pledgeId });
  }
  if (pledge.status !== 'pending') {
    throw conflict(E.PLEDGE_NOT_PENDING, `Pledge ${pledgeId} is ${pledge.status}`, { pledgeId, status: pledge.status });
  }
  return pledge;
}

// Fulfilling or withdrawing is allowed in every state: a cancelled workshop's pledges still get settled.
function fulfilPledge({ data, at }: FulfilPledge, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const pledge = pendingPledge(w, data.pledgeId);
  return [
    {
      type: 'PledgeFulfilled',
      data: { workshopId: w.workshopId, pledgeId: data.pledgeId, organizationId: pledge.organizationId, fulfilledAt: at },
    },
  ];
}

function withdrawPledge({ data, at }: WithdrawPledge, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  pledgeField.anyText(data.reason, 'reason');
  const pledge = pendingPledge(w, data.pledgeId);
  return [
    {
      type: 'PledgeWithdrawn',
      data: {
        workshopId: w.workshopId,
        pledgeId: data.pledgeId,
        organizationId: pledge.organizationId,
        reason: data.reason,
        withdrawnAt: at,
      },
    },
  ];
}

function validateFigures(figures: ExpenseFigures): void {
  if (!isCents(figures.amountCents)) {
    throw invalid(E.EXPENSE_AMOUNT_INVALID, 'amountCents must be an integer number of cents ≥ 0', { amountCents: figures.amountCents });
  }
  expenseField.oneOf(figures.category, EXPENSE_CATEGORIES, 'category');
  expenseField.oneOf(figures.fundingSource, FUNDING_SOURCES, 'fundingSource');
  // ESF audits trace every euro to its evidence.
  expenseField.text(figures.receiptReference, 'receiptReference');
}

// Expenses are allowed in every state: the costs of a cancelled workshop are still costs.
function recordExpense({ data, at }: RecordExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  expenseField.text(data.expenseId, 'expenseId');
  validateFigures(data);
  expenseField.anyText(data.description, 'description');
  expenseField.date(data.incurredOn, 'incurredOn');
  const known = idMapGet(w.expenses, data.expenseId);
  if (known) {
    if (known.key === expenseKey(data)) return [];
    throw conflict(E.EXPENSE_ALREADY_EXISTS, `Expense id ${data.expenseId} is taken`, { expenseId: data.expenseId });
  }
  return [
    {
      type: 'ExpenseRecorded',
      data: {
        workshopId: w.workshopId,
        expenseId: data.expenseId,
        category: data.category,
        amountCents: data.amountCents,
        fundingSource: data.fundingSource,
        receiptReference: data.receiptReference,
        description: data.description,
        incurredOn: data.incurredOn,
        recordedAt: at,
      },
    },
  ];
}

function liveExpense(w: ExistingWorkshop, expenseId: string) {
  expenseField.text(expenseId, 'expenseId');
  const expense = idMapGet(w.expenses, expenseId);
  if (!expense) {
    throw notFound(E.EXPENSE_NOT_FOUND, `Expense ${expenseId} does not exist in workshop ${w.workshopId}`, { expenseId });
  }
  if (expense.status === 'voided') throw conflict(E.EXPENSE_VOIDED, `Expense ${expenseId} was voided`, { expenseId });
  return expense;
}

function voidExpense({ data, at }: VoidExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  expenseField.text(data.reason, 'reason');
  liveExpense(w, data.expenseId);
  return [{ type: 'ExpenseVoided', data: { workshopId: w.workshopId, expenseId: data.expenseId, reason: data.reason, voidedAt: at } }];
}

function correctExpense({ data, at }: CorrectExpense, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  validateFigures(data);
  expenseField.text(data.reason, 'reason');
  const expense = liveExpense(w, data.expenseId);
  const figures: ExpenseFigures = {
    amountCents: data.amountCents,
    category: data.category,
    fundingSource: data.fundingSource,
    receiptReference: data.receiptReference,
  };
  const previous: ExpenseFigures = {
    amountCents: expense.amountCents,
    category: expense.category,
    fundingSource: expense.fundingSource,
    receiptReference: expense.receiptReference,
  };
  if (fingerprint(figures) === fingerprint(previous)) return []; // nothing to correct (or a retry)
  return [
    {
      type: 'ExpenseCorrected',
      data: { workshopId: w.workshopId, expenseId: data.expenseId, ...figures, previous, reason: data.reason, correctedAt: at },
    },
  ];
}

function submitFeedback({ data, at }: SubmitFeedback, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  feedbackField.text(data.feedbackId, 'feedbackId');
  feedbackField.idOrNull(data.registrationId, 'registrationId');
  feedbackField.boolean(data.anonymous, 'anonymous');
  feedbackField.textOrNull(data.comment, 'comment');
  if (!(typeof data.rating === 'number' && Number.isInteger(data.rating) && data.rating >= 1 && data.rating <= 5)) {
    throw invalid(E.FEEDBACK_RATING_INVALID, 'rating must be an integer from 1 to 5', { rating: data.rating });
  }
  const known = idMapGet(w.feedback, data.feedbackId);
  if (known) {
    if (known.key === feedbackKey(data)) return [];
    throw conflict(E.FEEDBACK_ALREADY_EXISTS, `Feedback id ${data.feedbackId} is taken`, { feedbackId: data.feedbackId });
  }
  requireHeld(w, 'collect feedback');
  if (data.registrationId !== null) {
    requireSeatHolder(data.registrationId, registrationOf(w, data.registrationId));
    if (idMapHas(w.feedbackByRegistration, data.registrationId)) {
      throw conflict(E.FEEDBACK_DUPLICATE, `Feedback was already given for registration ${data.registrationId}`, {
        registrationId: data.registrationId,
      });
    }
  }
  return [
    {
      type: 'FeedbackSubmitted',
      data: {
        workshopId: w.workshopId,
        feedbackId: data.feedbackId,
        registrationId: data.registrationId,
        anonymous: data.anonymous,
        rating: data.rating,
        comment: data.comment,
        submittedAt: at,
      },
    },
  ];
}

function collectCitizenInput({ data }: CollectCitizenInput, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  citizenInputField.text(data.inputId, 'inputId');
  citizenInputField.text(data.topic, 'topic');
  citizenInputField.text(data.summary, 'summary');
  if (!isCents(data.citizensHeard)) {
    throw invalid(E.CITIZEN_INPUT_INVALID_FIELD, 'citizensHeard must be an integer ≥ 0', {
      field: 'citizensHeard',
      value: data.citizensHeard,
    });
  }
  citizenInputField.dateOrDateTime(data.collectedAt, 'collectedAt');
  const known = idMapGet(w.citizenInputs, data.inputId);
  if (known !== undefined) {
    if (known === citizenInputKey(data)) return [];
    throw conflict(E.CITIZEN_INPUT_ALREADY_EXISTS, `Citizen input id ${data.inputId} is taken`, { inputId: data.inputId });
  }
  requireOpenForContributions(w, 'collect citizen input');
  return [
    {
      type: 'CitizenInputCollected',
      data: {
        workshopId: w.workshopId,
        inputId: data.inputId,
        topic: data.topic,
        summary: data.summary,
        citizensHeard: data.citizensHeard,
        collectedAt: data.collectedAt,
      },
    },
  ];
}

function forwardCitizenInputSummary({ data }: ForwardCitizenInputSummary, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  citizenInputField.text(data.summary, 'summary');
  citizenInputField.strings(data.recipients, 'recipients', true);
  if (data.recipients.length === 0) {
    throw invalid(E.CITIZEN_INPUT_INVALID_FIELD, 'recipients must name at least one recipient', { field: 'recipients' });
  }
  citizenInputField.dateOrDateTime(data.forwardedAt, 'forwardedAt');
  // Forwarding to decision-makers often comes after the report, so only cancellation stops it.
  if (w.status === 'cancelled') throw cancelledError(w, 'forward a citizen-input summary');
  if (!w.citizenInputCollected) {
    throw conflict(E.CITIZEN_INPUT_NOT_COLLECTED, `No citizen input was collected at workshop ${w.workshopId}`, {
      workshopId: w.workshopId,
    });
  }
  if (w.lastForwardedSummaryKey === forwardKey(data)) return [];
  return [
    {
      type: 'CitizenInputSummaryForwarded',
      data: { workshopId: w.workshopId, summary: data.summary, recipients: [...data.recipients], forwardedAt: data.forwardedAt },
    },
  ];
}

// Planning work is ESF-relevant whatever became of the workshop, so meetings are recorded in every state.
function recordPlanningMeeting({ data, at }: RecordPlanningMeeting, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  meetingField.text(data.meetingId, 'meetingId');
  meetingField.date(data.heldOn, 'heldOn');
  meetingField.oneOf(data.kind, PLANNING_MEETING_KINDS, 'kind');
  meetingField.boolean(data.online, 'online');
  meetingField.strings(data.organizationIds, 'organizationIds', true);
  meetingField.anyText(data.notes, 'notes');
  const known = idMapGet(w.planningMeetings, data.meetingId);
  if (known !== undefined) {
    if (known === meetingKey(data)) return [];
    throw conflict(E.PLANNING_MEETING_ALREADY_EXISTS, `Planning meeting id ${data.meetingId} is taken`, { meetingId: data.meetingId });
  }
  return [
    {
      type: 'PlanningMeetingRecorded',
      data: {
        workshopId: w.workshopId,
        meetingId: data.meetingId,
        heldOn: data.heldOn,
        kind: data.kind,
        online: data.online,
        organizationIds: [...data.organizationIds],
        notes: data.notes,
        recordedAt: at,
      },
    },
  ];
}

function recordSustainabilityPractices({ data, at }: RecordSustainabilityPractices, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  if (!Array.isArray(data.practices)) {
    throw invalid(E.SUSTAINABILITY_INVALID_FIELD, 'practices must be an array', { field: 'practices' });
  }
  for (const practice of data.practices) sustainabilityField.oneOf(practice, SUSTAINABILITY_PRACTICES, 'practices[]');
  sustainabilityField.anyText(data.notes, 'notes');
  requireOpenForContributions(w, 'record sustainability practices');
  const practices = [...new Set(data.practices)];
  if (w.sustainabilityPractices !== null && fingerprint(w.sustainabilityPractices, w.sustainabilityNotes) === fingerprint(practices, data.notes)) {
    return [];
  }
  return [{ type: 'SustainabilityPracticesRecorded', data: { workshopId: w.workshopId, practices, notes: data.notes, recordedAt: at } }];
}

function markHeld({ data, at }: MarkHeld, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.date(data.heldOn, 'heldOn');
  const held: WorkshopEvent = { type: 'WorkshopHeld', data: { workshopId: w.workshopId, heldOn: data.heldOn } };
  switch (w.status) {
    // Street events have no registration at all, so a planned workshop may be held directly.
    case 'planned':
    case 'registration-closed':
      return [held];
    case 'registration-open':
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

function cancelWorkshop({ data, at }: CancelWorkshop, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.reason, 'reason');
  if (w.status === 'cancelled') return [];
  requireNotYetHeld(w, 'cancel it');
  return [{ type: 'WorkshopCancelled', data: { workshopId: w.workshopId, reason: data.reason, cancelledAt: at } }];
}

function reportWorkshop({ data, at }: ReportWorkshop, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.summary, 'summary');
  if (w.status === 'reported') {
    throw conflict(E.ALREADY_REPORTED, `Workshop ${w.workshopId} was reported already`, { workshopId: w.workshopId });
  }
  requireHeld(w, 'report it');
  return [{ type: 'WorkshopReported', data: { workshopId: w.workshopId, summary: data.summary, reportedAt: at } }];
}

function decide(command: WorkshopCommand, state: WorkshopState): WorkshopEvent[] {
  switch (command.type) {
    case 'PlanWorkshop':
      return planWorkshop(command, state);
    case 'RescheduleWorkshop':
      return rescheduleWorkshop(command, state);
    case 'AddCoOrganizer':
      return addCoOrganizer(command, state);
    case 'ChangeCapacity':
      return changeCapacity(command, state);
    case 'OpenRegistration':
      return openRegistration(command, state);
    case 'CloseRegistration':
      return closeRegistration(command, state);
    case 'InvitePerson':
      return invitePerson(command, state);
    case 'RegisterParticipant':
      return registerParticipant(command, state);
    case 'CancelRegistration':
      return cancelRegistration(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'PledgeResource':
      return pledgeResource(command, state);
    case 'FulfilPledge':
      return fulfilPledge(command, state);
    case 'WithdrawPledge':
      return withdrawPledge(command, state);
    case 'RecordExpense':
      return recordExpense(command, state);
    case 'VoidExpense':
      return voidExpense(command, state);
    case 'CorrectExpense':
      return correctExpense(command, state);
    case 'SubmitFeedback':
      return submitFeedback(command, state);
    case 'CollectCitizenInput':
      return collectCitizenInput(command, state);
    case 'ForwardCitizenInputSummary':
      return forwardCitizenInputSummary(command, state);
    case 'RecordPlanningMeeting':
      return recordPlanningMeeting(command, state);
    case 'RecordSustainabilityPractices':
      return recordSustainabilityPractices(command, state);
    case 'MarkHeld':
      return markHeld(command, state);
    case 'CancelWorkshop':
      return cancelWorkshop(command, state);
    case 'ReportWorkshop':
      return reportWorkshop(command, state);
    default:
      return assertNever(command, 'workshop command');
  }
}

// ---------------------------------------------------------------------------------------------
// Evolution. Every case touches a constant number of fields; id maps copy one small shard
// (see id-map.ts), so folding a 10,000-event stream stays linear.
// ---------------------------------------------------------------------------------------------

/** Only WorkshopPlanned may meet an empty state; anything else means a corrupt or foreign stream. */
function current(state: WorkshopState, event: WorkshopEvent): ExistingWorkshop {
  if (state.status === 'empty') throw new Error(`${event.type} before WorkshopPlanned in workshop ${event.data.workshopId}`);
  return state;
}

/** The data shared by all statuses, without the fields of the status being left. */
function dataOf(w: ExistingWorkshop): WorkshopData {
  switch (w.status) {
    case 'planned':
    case 'registration-open':
    case 'registration-closed': {
      const { status: _status, ...data } = w;
      return data;
    }
    case 'held': {
      const { status: _status, heldOn: _heldOn, ...data } = w;
      return data;
    }
    case 'reported': {
      const { status: _status, heldOn: _heldOn, reportedAt: _reportedAt, ...data } = w;
      return data;
    }
    case 'cancelled': {
      const { status: _status, cancelledAt: _cancelledAt, ...data } = w;
      return data;
    }
    default:
      return assertNever(w, 'workshop state');
  }
}

function withRegistration(w: ExistingWorkshop, registrationId: string, change: Partial<RegistrationEntry>) {
  const registration = idMapGet(w.registrations, registrationId);
  if (!registration) throw new Error(`Unknown registration ${registrationId} in workshop ${w.workshopId}`);
  return idMapSet(w.registrations, registrationId, { ...registration, ...change });
}

function withoutFromWaitlist(waitlist: readonly string[], registrationId: string): readonly string[] {
  // Promotions take the head, cancellations anywhere. Either copies the array, but arrays of ids copy as
  // a block (10,000 ids in microseconds), unlike objects with many keys; see id-map.ts.
  return waitlist[0] === registrationId ? waitlist.slice(1) : waitlist.filter((id) => id !== registrationId);
}

function evolve(state: WorkshopState, event: WorkshopEvent): WorkshopState {
  switch (event.type) {
    case 'WorkshopPlanned': {
      if (state.status !== 'empty') throw new Error(`Workshop ${event.data.workshopId} planned twice in one stream`);
      const { workshopId, plannedAt: _plannedAt, ...plan } = event.data;
      return {
        status: 'planned',
        workshopId,
        plan,
        capacity: plan.capacity,
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
        location: plan.location,
        coOrganizerIds: plan.coOrganizerIds,
        invitedPersonIds: emptyIdMap(),
        registrations: emptyIdMap(),
        activeRegistrationByPerson: emptyIdMap(),
        registeredCount: 0,
        waitlist: [],
        pledges: emptyIdMap(),
        expenses: emptyIdMap(),
        feedback: emptyIdMap(),
        feedbackByRegistration: emptyIdMap(),
        citizenInputs: emptyIdMap(),
        citizenInputCollected: false,
        lastForwardedSummaryKey: null,
        planningMeetings: emptyIdMap(),
        sustainabilityPractices: null,
        sustainabilityNotes: null,
      };
    }
    case 'WorkshopRescheduled': {
      const w = current(state, event);
      return { ...w, startsAt: event.data.startsAt, endsAt: event.data.endsAt, location: event.data.location };
    }
    case 'CoOrganizerAdded': {
      const w = current(state, event);
      return { ...w, coOrganizerIds: [...w.coOrganizerIds, event.data.organizationId] };
    }
    case 'WorkshopCapacityChanged':
      return { ...current(state, event), capacity: event.data.capacity };
    case 'RegistrationOpened':
      return { ...dataOf(current(state, event)), status: 'registration-open' };
    case 'RegistrationClosed':
      return { ...dataOf(current(state, event)), status: 'registration-closed' };
    case 'PersonInvited': {
      const w = current(state, event);
      return { ...w, invitedPersonIds: idMapSet(w.invitedPersonIds, event.data.personId, true) };
    }
    case 'ParticipantRegistered':
    case 'ParticipantWaitlisted': {
      const w = current(state, event);
      const { registrationId, personId, organizationId, attendanceMode } = event.data;
      const registered = event.type === 'ParticipantRegistered';
      const entry: RegistrationEntry = {
        personId,
        organizationId,
        attendanceMode,
        status: registered ? 'registered' : 'waitlisted',
        attended: null,
        key: registrationKey(event.data),
      };
      return {
        ...w,
        registrations: idMapSet(w.registrations, registrationId, entry),
        activeRegistrationByPerson: idMapSet(w.activeRegistrationByPerson, personId, registrationId),
        registeredCount: registered ? w.registeredCount + 1 : w.registeredCount,
        waitlist: registered ? w.waitlist : [...w.waitlist, registrationId],
      };
    }
    case 'RegistrationCancelled': {
      const w = current(state, event);
      const { registrationId, personId } = event.data;
      const before = idMapGet(w.registrations, registrationId);
      const active = idMapGet(w.activeRegistrationByPerson, personId) === registrationId;
      return {
        ...w,
        registrations: withRegistration(w, registrationId, { status: 'cancelled' }),
        activeRegistrationByPerson: active ? idMapDelete(w.activeRegistrationByPerson, personId) : w.activeRegistrationByPerson,
        registeredCount: before?.status === 'registered' ? w.registeredCount - 1 : w.registeredCount,
        waitlist: before?.status === 'waitlisted' ? withoutFromWaitlist(w.waitlist, registrationId) : w.waitlist,
      };
    }
    case 'WaitlistedParticipantPromoted': {
      const w = current(state, event);
      const { registrationId } = event.data;
      return {
        ...w,
        registrations: withRegistration(w, registrationId, { status: 'registered' }),
        registeredCount: w.registeredCount + 1,
        waitlist: withoutFromWaitlist(w.waitlist, registrationId),
      };
    }
    case 'AttendanceRecorded': {
      const w = current(state, event);
      return { ...w, registrations: withRegistration(w, event.data.registrationId, { attended: event.data.mode }) };
    }
    case 'ResourcePledged': {
      const w = current(state, event);
      const { pledgeId, organizationId, kind, inKindValueCents } = event.data;
      return {
        ...w,
        pledges: idMapSet(w.pledges, pledgeId, { organizationId, kind, inKindValueCents, status: 'pending', key: pledgeKey(event.data) }),
      };
    }
    case 'PledgeFulfilled':
    case 'PledgeWithdrawn': {
      const w = current(state, event);
      const pledge = idMapGet(w.pledges, event.data.pledgeId);
      if (!pledge) throw new Error(`Unknown pledge ${event.data.pledgeId} in workshop ${w.workshopId}`);
      const status = event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn';
      return { ...w, pledges: idMapSet(w.pledges, event.data.pledgeId, { ...pledge, status }) };
    }
    case 'ExpenseRecorded': {
      const w = current(state, event);
      const { expenseId, amountCents, category, fundingSource, receiptReference } = event.data;
      return {
        ...w,
        expenses: idMapSet(w.expenses, expenseId, {
          amountCents,
          category,
          fundingSource,
          receiptReference,
          status: 'recorded',
          key: expenseKey(event.data),
        }),
      };
    }
    case 'ExpenseVoided':
    case 'ExpenseCorrected': {
      const w = current(state, event);
      const expense = idMapGet(w.expenses, event.data.expenseId);
      if (!expense) throw new Error(`Unknown expense ${event.data.expenseId} in workshop ${w.workshopId}`);
      const changed =
        event.type === 'ExpenseVoided'
          ? { ...expense, status: 'voided' as const }
          : {
              ...expense,
              amountCents: event.data.amountCents,
              category: event.data.category,
              fundingSource: event.data.fundingSource,
              receiptReference: event.data.receiptReference,
            };
      return { ...w, expenses: idMapSet(w.expenses, event.data.expenseId, changed) };
    }
    case 'FeedbackSubmitted': {
      const w = current(state, event);
      const { feedbackId, registrationId } = event.data;
      return {
        ...w,
        feedback: idMapSet(w.feedback, feedbackId, { registrationId, key: feedbackKey(event.data) }),
        feedbackByRegistration:
          registrationId === null ? w.feedbackByRegistration : idMapSet(w.feedbackByRegistration, registrationId, feedbackId),
      };
    }
    case 'CitizenInputCollected': {
      const w = current(state, event);
      return {
        ...w,
        citizenInputs: idMapSet(w.citizenInputs, event.data.inputId, citizenInputKey(event.data)),
        citizenInputCollected: true,
      };
    }
    case 'CitizenInputSummaryForwarded':
      return { ...current(state, event), lastForwardedSummaryKey: forwardKey(event.data) };
    case 'PlanningMeetingRecorded': {
      const w = current(state, event);
      return { ...w, planningMeetings: idMapSet(w.planningMeetings, event.data.meetingId, meetingKey(event.data)) };
    }
    case 'SustainabilityPracticesRecorded':
      return { ...current(state, event), sustainabilityPractices: event.data.practices, sustainabilityNotes: event.data.notes };
    case 'WorkshopHeld':
      return { ...dataOf(current(state, event)), status: 'held', heldOn: event.data.heldOn };
    case 'WorkshopCancelled':
      return { ...dataOf(current(state, event)), status: 'cancelled', cancelledAt: event.data.cancelledAt };
    case 'WorkshopReported': {
      const w = current(state, event);
      if (w.status !== 'held') throw new Error(`Workshop ${w.workshopId} reported while ${w.status}`);
      return { ...dataOf(w), status: 'reported', heldOn: w.heldOn, reportedAt: event.data.reportedAt };
    }
    default:
      return assertNever(event, 'workshop event');
  }
}

export const workshopDecider: Decider<WorkshopCommand, WorkshopEvent, WorkshopState> = {
  decide,
  evolve,
  initialState: { status: 'empty' },
};
