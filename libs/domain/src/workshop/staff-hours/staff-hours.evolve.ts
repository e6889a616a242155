import { assertNever } from '../../shared/decider';
import { staffHoursKey } from '../../staff/staff-hours';
import { idMapGet, idMapSet } from '../id-map';
import type { StaffHoursRecorded, StaffHoursVoided } from '../workshop.events';
import type { ExistingWorkshop } from '../workshop.state';

export type StaffHoursEvent = StaffHoursRecorded | StaffHoursVoided;

export function evolveStaffHours(w: ExistingWorkshop, event: StaffHoursEvent): ExistingWorkshop {
  // Workshops folded from before staff hours existed have no map yet.
  const hours = w.staffHours ?? {};
  switch (event.type) {
    case 'StaffHoursRecorded':
      return { ...w, staffHours: idMapSet(hours, event.data.entryId, { personId: event.data.personId, key: staffHoursKey(event.data), voided: false }) };
    case 'StaffHoursVoided': {
      const entry = idMapGet(hours, event.data.entryId);
      if (!entry) throw new Error(`Unknown staff-hours entry ${event.data.entryId} in workshop ${w.workshopId}`);
      return { ...w, staffHours: idMapSet(hours, event.data.entryId, { ...entry, voided: true }) };
    }
    default:
      return assertNever(event, 'staff-hours event');
  }
}
