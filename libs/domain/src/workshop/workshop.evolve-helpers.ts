import { assertNever } from '../shared/decider';
import type { WorkshopEvent } from './workshop.events';
import type { ExistingWorkshop, WorkshopData, WorkshopState } from './workshop.state';

// Shared by the areas' evolvers. Every case of evolve touches a constant number of fields; id maps copy one
// small shard (see id-map.ts), so folding a 10,000-event stream stays linear.

/** Only WorkshopPlanned may meet an empty state; anything else means a corrupt or foreign stream. */
export function current(state: WorkshopState, event: WorkshopEvent): ExistingWorkshop {
  if (state.status === 'empty') throw new Error(`${event.type} before WorkshopPlanned in workshop ${event.data.workshopId}`);
  return state;
}

/** The data shared by all statuses, without the fields of the status being left. */
export function dataOf(w: ExistingWorkshop): WorkshopData {
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
