import { invalid } from '../shared/domain-error';
import type { FieldChecks } from '../shared/field-checks';
import { STAFF_ACTIVITIES, type StaffHours } from './staff.events';

/** One entry holds at most a day's work. */
export const MAX_MINUTES_PER_ENTRY = 1440;

/** The checks of a staff-hours entry, the same on a workshop's stream and on the chain's (each with its own error code). */
export function checkStaffHours(data: StaffHours, field: FieldChecks, code: string): void {
  field.text(data.entryId, 'entryId');
  field.text(data.personId, 'personId');
  field.oneOf(data.activity, STAFF_ACTIVITIES, 'activity');
  field.date(data.workedOn, 'workedOn');
  if (!Number.isInteger(data.minutes) || data.minutes < 1 || data.minutes > MAX_MINUTES_PER_ENTRY) {
    throw invalid(code, `minutes must be a whole number from 1 to ${MAX_MINUTES_PER_ENTRY}`, { field: 'minutes', expected: `a whole number from 1 to ${MAX_MINUTES_PER_ENTRY}`, value: data.minutes });
  }
  field.anyText(data.note, 'note');
}

/** What identifies an entry for retries: the same id with the same facts is a retry; with others, a conflict. */
export const staffHoursKey = (h: Pick<StaffHours, 'personId' | 'activity' | 'workedOn' | 'minutes'>): string => JSON.stringify([h.personId, h.activity, h.workedOn, h.minutes]);

/** A recorded entry as the deciders keep it. */
export interface StaffHoursEntry {
  personId: string;
  key: string;
  voided: boolean;
}
