import { emptyIdMap, idMapSet } from '../id-map';
import type { OutreachRecorded } from '../workshop.events';
import { fingerprint } from '../workshop.validation';
import type { ExistingWorkshop } from '../workshop.state';

/** The outreach's fingerprint, and each person it reached now attributed to it (the latest outreach wins). */
export function evolveOutreach(w: ExistingWorkshop, { data }: OutreachRecorded): ExistingWorkshop {
  let reachedBy = w.reachedBy ?? emptyIdMap<string>();
  for (const personId of data.personIds) reachedBy = idMapSet(reachedBy, personId, data.outreachId);
  const key = fingerprint(data.channel, data.sentOn, data.personIds, data.note);
  return { ...w, outreaches: idMapSet(w.outreaches ?? emptyIdMap(), data.outreachId, { key }), reachedBy };
}
