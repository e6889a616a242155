import { conflict, notFound } from '../../shared/domain-error';
import { checkStaffHours, staffHoursKey } from '../../staff/staff-hours';
import { idMapGet } from '../id-map';
import type { RecordStaffHours, VoidStaffHours } from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import type { WorkshopEvent } from '../workshop.events';
import { existing } from '../workshop.guards';
import type { WorkshopState } from '../workshop.state';
import { fieldChecks } from '../workshop.validation';

// Staff hours spent on the workshop: planning before it, running it, follow-up after; allowed in every state (the
// hours spent on a cancelled workshop were still spent). Whether the person is staff with a rate on that day is the
// use case's check (the rates are on the staff member's own stream).

const hoursField = fieldChecks(E.STAFF_HOURS_INVALID_FIELD);

export function recordStaffHours({ data, at }: RecordStaffHours, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  checkStaffHours(data, hoursField, E.STAFF_HOURS_INVALID_FIELD);
  const known = idMapGet(w.staffHours, data.entryId);
  if (known) {
    if (known.key === staffHoursKey(data)) return [];
    throw conflict(E.STAFF_HOURS_ALREADY_EXISTS, `Staff-hours entry ${data.entryId} is taken`, { entryId: data.entryId });
  }
  const { entryId, personId, activity, workedOn, minutes, note } = data;
  return [{ type: 'StaffHoursRecorded', data: { workshopId: w.workshopId, entryId, personId, activity, workedOn, minutes, note, recordedAt: at } }];
}

export function voidStaffHours({ data, at }: VoidStaffHours, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  hoursField.text(data.entryId, 'entryId');
  hoursField.text(data.reason, 'reason');
  const entry = idMapGet(w.staffHours, data.entryId);
  if (!entry) throw notFound(E.STAFF_HOURS_NOT_FOUND, `No staff-hours entry ${data.entryId} in workshop ${w.workshopId}`, { entryId: data.entryId });
  if (entry.voided) return [];
  return [{ type: 'StaffHoursVoided', data: { workshopId: w.workshopId, entryId: data.entryId, personId: entry.personId, reason: data.reason, voidedAt: at } }];
}
