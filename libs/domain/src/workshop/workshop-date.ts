import { isIsoDate } from '../shared/iso-date';
import type { WorkshopState } from './workshop.state';

/**
 * A calendar day at the workshop's own start time of day, with its offset as written:
 * (`2024-03-14`, `2024-03-10T09:00:00+02:00`) → `2024-03-14T09:00:00+02:00`. A date-time is returned as it is.
 * Days given without a time (heldOn, incurredOn, a meeting's day) then date the fact when the workshop's day began,
 * not at midnight UTC, which in Finland is still the day before.
 */
export function atWorkshopTimeOfDay(dayOrDateTime: string, startsAt: string): string {
  return isIsoDate(dayOrDateTime) ? `${dayOrDateTime}${startsAt.slice(10)}` : dayOrDateTime;
}

/**
 * The workshop's own date, the business date its facts default to: the day it was held (at its planned start's time
 * of day) once held, else its planned or rescheduled start. Null before it is planned. As written (with its offset);
 * the caller compares instants. Pure: which of this date and the clock applies is the caller's business.
 */
export function workshopDate(state: WorkshopState): string | null {
  switch (state.status) {
    case 'empty':
      return null;
    case 'held':
    case 'reported':
      return atWorkshopTimeOfDay(state.heldOn, state.startsAt);
    default:
      return state.startsAt;
  }
}
