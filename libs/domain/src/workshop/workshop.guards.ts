import { assertNever } from '../shared/decider';
import { conflict, invalid, notFound, type DomainError } from '../shared/domain-error';
import { idMapGet } from './id-map';
import { WorkshopErrors as E } from './workshop.errors';
import type { ExistingWorkshop, HeldWorkshop, RegistrationEntry, ReportedWorkshop, WorkshopState } from './workshop.state';
import { fieldChecks } from './workshop.validation';

// The refusals shared by the areas' decisions (planning, registration, pledges, expenses, engagement).

/** Checks of the workshop's own fields, refusing with WORKSHOP.INVALID_FIELD. */
export const workshopField = fieldChecks(E.INVALID_FIELD);

/** The workshop the command is about, or the refusal when there is none (or it is another one). */
export function existing(state: WorkshopState, workshopId: string): ExistingWorkshop {
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

export const cancelledError = (w: ExistingWorkshop, action: string): DomainError =>
  conflict(E.CANCELLED, `Workshop ${w.workshopId} is cancelled: cannot ${action}`, { workshopId: w.workshopId, status: w.status });

export const alreadyHeldError = (w: HeldWorkshop | ReportedWorkshop, action: string): DomainError =>
  conflict(E.ALREADY_HELD, `Workshop ${w.workshopId} was held on ${w.heldOn}: cannot ${action}`, {
    workshopId: w.workshopId,
    status: w.status,
    heldOn: w.heldOn,
  });

/** Planning and registration changes end when the workshop is held (or cancelled). */
export function requireNotYetHeld(w: ExistingWorkshop, action: string): void {
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
export function requireHeld(w: ExistingWorkshop, action: string): void {
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
export function requireOpenForContributions(w: ExistingWorkshop, action: string): void {
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

export function requireRegistrationOpen(w: ExistingWorkshop): void {
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

/** The registration a command names (attendance, feedback, cancellation, promotion), or the refusal. */
export function registrationOf(w: ExistingWorkshop, registrationId: string): RegistrationEntry {
  const registration = idMapGet(w.registrations, registrationId);
  if (!registration) {
    throw notFound(E.REGISTRATION_NOT_FOUND, `Registration ${registrationId} does not exist in workshop ${w.workshopId}`, {
      workshopId: w.workshopId,
      registrationId,
    });
  }
  return registration;
}

/** Attendance and linked feedback belong to those who held a seat, not to the waitlisted or cancelled. */
export function requireSeatHolder(registrationId: string, registration: RegistrationEntry): void {
  if (registration.status !== 'registered') {
    throw conflict(E.REGISTRATION_NOT_REGISTERED, `Registration ${registrationId} is ${registration.status}, not registered`, {
      registrationId,
      status: registration.status,
    });
  }
}
