import type { WorkshopDebriefRecorded } from '../workshop.events';
import type { ExistingWorkshop } from '../workshop.state';
import { debriefKey } from './debrief';

export function evolveDebrief(w: ExistingWorkshop, event: WorkshopDebriefRecorded): ExistingWorkshop {
  return { ...w, debrief: { key: debriefKey(event.data), version: event.data.version } };
}
