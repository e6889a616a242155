import { assertNever } from '../../shared/decider';
import { conflict, invalid, unprocessable } from '../../shared/domain-error';
import { idMapGet, idMapHas } from '../id-map';
import { headOfWaitlist, type Waitlist } from '../waitlist';
import type {
  CancelRegistration,
  CloseRegistration,
  InvitePerson,
  OpenRegistration,
  RecordAttendance,
  RegisterParticipant,
} from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import {
  ATTENDANCE_MODES,
  WORKSHOP_ROLES,
  type AttendanceMode,
  type SpeakerDetails,
  type WorkshopRole,
  type AttendanceRecorded,
  type WaitlistedParticipantPromoted,
  type WorkshopEvent,
  type WorkshopFormat,
} from '../workshop.events';
import { registrationKey } from '../workshop.fingerprints';
import {
  alreadyHeldError,
  cancelledError,
  existing,
  registrationOf,
  requireHeld,
  requireNotYetHeld,
  requireRegistrationOpen,
  requireSeatHolder,
  workshopField,
} from '../workshop.guards';
import type { ExistingWorkshop, WorkshopState } from '../workshop.state';
import type { RegistrationStatus } from '../registration-counts';
import { fieldChecks } from '../workshop.validation';
import { outreachOf } from '../outreach/outreach.decide';
import { checkedSubmission } from '../form/form.decide';

// Registration and attendance: opening and closing registration, invitations, seats and the waitlist
// (capacity counts `counts.registered` only), cancellations that promote the waitlist, and who attended how.

const registrationField = fieldChecks(E.REGISTRATION_INVALID_FIELD);
const attendanceField = fieldChecks(E.ATTENDANCE_INVALID_FIELD);

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

/**
 * Waitlisted participants who get the seats free under `capacity` once `registered` seats are taken, first come
 * first served. Also decided by ChangeCapacity (planning), whose added seats go to the waitlist.
 */
export function promotions(
  w: ExistingWorkshop,
  capacity: number | null,
  registered: number,
  waitlist: Waitlist,
  at: string,
): WaitlistedParticipantPromoted[] {
  const free = capacity === null ? waitlist.length : Math.max(0, capacity - registered);
  return headOfWaitlist(waitlist, free).map((registrationId) => ({
    type: 'WaitlistedParticipantPromoted',
    data: { workshopId: w.workshopId, registrationId, personId: registrationOf(w, registrationId).personId, promotedAt: at },
  }));
}

export function openRegistration({ data, at }: OpenRegistration, state: WorkshopState): WorkshopEvent[] {
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

export function closeRegistration({ data, at }: CloseRegistration, state: WorkshopState): WorkshopEvent[] {
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

export function invitePerson({ data, at }: InvitePerson, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  workshopField.text(data.personId, 'personId');
  const role = workshopField.oneOf(data.role ?? 'participant', WORKSHOP_ROLES, 'role');
  requireNotYetHeld(w, 'invite');
  if (w.plan.access !== 'invitation-only') {
    throw conflict(E.NOT_INVITATION_ONLY, `Workshop ${w.workshopId} is open to all; invitations are not needed`, {
      workshopId: w.workshopId,
    });
  }
  if (idMapHas(w.invitedPersonIds, data.personId)) return [];
  return [{ type: 'PersonInvited', data: { workshopId: w.workshopId, personId: data.personId, role, invitedAt: at } }];
}

/** The role and speaker details of a registration, checked: speaker details belong to speakers only. */
function checkedRole(data: { role?: unknown; speaker?: unknown }): { role: WorkshopRole; speaker: SpeakerDetails | null } {
  const role = registrationField.oneOf(data.role ?? 'participant', WORKSHOP_ROLES, 'role');
  if (data.speaker === null || data.speaker === undefined) return { role, speaker: role === 'speaker' ? { topic: null, paid: false } : null };
  if (role !== 'speaker') {
    throw invalid(E.REGISTRATION_INVALID_FIELD, 'speaker must be null unless role is speaker', { field: 'speaker', expected: 'null unless role is speaker', value: data.speaker });
  }
  const given = data.speaker as Partial<SpeakerDetails>;
  return { role, speaker: { topic: registrationField.nonBlankOrNull(given.topic ?? null, 'speaker.topic'), paid: registrationField.boolean(given.paid ?? false, 'speaker.paid') } };
}

/**
 * Who may register in a role: a street event's citizens are a tally (never registrations); the people who run a
 * workshop (organisers, hosts, speakers) need no open registration or invitation, and take no seat.
 */
function requireRoleAllowed(w: ExistingWorkshop, role: WorkshopRole): void {
  if (role === 'participant') {
    if (w.plan.kind === 'street-event') {
      throw unprocessable(
        E.REGISTRATION_STREET_EVENT_CITIZEN,
        `Workshop ${w.workshopId} is a street event: the citizens heard there are a tally recorded with the citizen input, not registrations; register the people running it as hosts, organisers or speakers`,
        { workshopId: w.workshopId, kind: w.plan.kind, role },
      );
    }
    requireRegistrationOpen(w);
  } else requireNotYetHeld(w, 'register the people running it');
}

export function registerParticipant({ data, at }: RegisterParticipant, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  registrationField.text(data.registrationId, 'registrationId');
  registrationField.text(data.personId, 'personId');
  registrationField.idOrNull(data.organizationId, 'organizationId');
  registrationField.oneOf(data.attendanceMode, ATTENDANCE_MODES, 'attendanceMode');
  registrationField.textOrNull(data.expectations, 'expectations');
  registrationField.strings(data.advanceQuestions, 'advanceQuestions', true);
  const { role, speaker } = checkedRole(data);

  const known = idMapGet(w.registrations, data.registrationId);
  if (known) {
    if (known.key === registrationKey({ ...data, role })) return [];
    throw conflict(E.REGISTRATION_ALREADY_EXISTS, `Registration id ${data.registrationId} is taken`, {
      registrationId: data.registrationId,
    });
  }
  requireRoleAllowed(w, role);
  if (role === 'participant' && w.plan.access === 'invitation-only' && !idMapHas(w.invitedPersonIds, data.personId)) {
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
    role,
    speaker,
    // Attributed to the outreach that told them, when one did (participants only: staff are not reached, they run it).
    ...attribution(w, data.personId, role),
    ...checkedSubmission(w, data),
  };
  // Someone already waiting keeps priority over a newcomer even if a seat looks free. Staff take no seat.
  const seatFree = role !== 'participant' || ((w.capacity === null || w.counts.registered < w.capacity) && w.waitlist.length === 0);
  if (seatFree) return [{ type: 'ParticipantRegistered', data: { ...registration, registeredAt: at } }];
  return [{ type: 'ParticipantWaitlisted', data: { ...registration, position: w.waitlist.length + 1, waitlistedAt: at } }];
}

function attribution(w: ExistingWorkshop, personId: string, role: WorkshopRole): { outreachId?: string } {
  const outreachId = role === 'participant' ? outreachOf(w, personId) : null;
  return outreachId === null ? {} : { outreachId };
}

/**
 * The checks of RegisterParticipant that do not depend on who registers (the invitation and the one-active-registration
 * rule do): a use case that must create the person first asks this before, so that a refused registration creates
 * nobody. A known registration id passes: it is a retry, or a conflict the command itself reports.
 */
export function requireRegistrable(state: WorkshopState, data: Omit<RegisterParticipant['data'], 'personId'>): void {
  const w = existing(state, data.workshopId);
  registrationField.text(data.registrationId, 'registrationId');
  registrationField.idOrNull(data.organizationId, 'organizationId');
  registrationField.oneOf(data.attendanceMode, ATTENDANCE_MODES, 'attendanceMode');
  registrationField.textOrNull(data.expectations, 'expectations');
  registrationField.strings(data.advanceQuestions, 'advanceQuestions', true);
  const { role } = checkedRole(data);
  if (idMapHas(w.registrations, data.registrationId)) return;
  requireRoleAllowed(w, role);
  requireModeOffered(w, data.attendanceMode);
  checkedSubmission(w, data);
}

/** The status of a registration, or null when the workshop has no registration of that id. */
export function registrationStatus(state: WorkshopState, registrationId: string): RegistrationStatus | null {
  if (state.status === 'empty') return null;
  return idMapGet(state.registrations, registrationId)?.status ?? null;
}

export function cancelRegistration({ data, at }: CancelRegistration, state: WorkshopState): WorkshopEvent[] {
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
  // Only a participant's seat goes to the waitlist: the people running the workshop take none.
  if (registration.status === 'registered' && registration.role === 'participant') {
    events.push(...promotions(w, w.capacity, w.counts.registered - 1, w.waitlist, at));
  }
  return events;
}

export function recordAttendance({ data, at }: RecordAttendance, state: WorkshopState): WorkshopEvent[] {
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
        role: registration.role,
        recordedAt: at,
      },
    });
  }
  return events;
}
