import { assertNever } from '../../shared/decider';
import { conflict } from '../../shared/domain-error';
import type { RecordWorkshopDebrief } from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import type { WorkshopEvent } from '../workshop.events';
import { existing } from '../workshop.guards';
import type { ExistingWorkshop, WorkshopState } from '../workshop.state';
import { checkDebrief, debriefKey, debriefOf } from './debrief';

// The debrief of a workshop: what worked and what to develop, for the next workshop and the next chain.

/** A debrief looks back: at a workshop held (or reported), or at one cancelled (why, and what to do otherwise). */
function requireLookingBack(w: ExistingWorkshop): void {
  switch (w.status) {
    case 'planned':
    case 'registration-open':
    case 'registration-closed':
      throw conflict(E.NOT_HELD, `Workshop ${w.workshopId} has not been held yet: cannot record its debrief`, { workshopId: w.workshopId, status: w.status });
    case 'held':
    case 'reported':
    case 'cancelled':
      return;
    default:
      return assertNever(w, 'workshop state');
  }
}

/** The first record is version 1; a different one later revises it (version n+1, replacing it in views); the same again is a retry. */
export function recordWorkshopDebrief({ data, at }: RecordWorkshopDebrief, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  const debrief = checkDebrief(data);
  // Allowed after the report too: the debrief meeting often comes after the report is in.
  requireLookingBack(w);
  const current = w.debrief;
  if (current !== undefined && current.key === debriefKey(debrief)) return [];
  return [{ type: 'WorkshopDebriefRecorded', data: { workshopId: w.workshopId, ...debriefOf(debrief), version: (current?.version ?? 0) + 1, recordedAt: at } }];
}
