import { emptyIdMap, idMapDelete, idMapGet, idMapSet, type IdMap } from './id-map';

/**
 * The waitlist, first come first served, as a persistent queue in plain JSON: each waiting registration has a place
 * number; joining, leaving and being promoted change one path of two id maps (id-map.ts), never a copy of the whole
 * line (an array copied per waitlisting or promotion made a large webinar's waitlist cost grow with its length).
 */
export interface Waitlist {
  /** place → registrationId, for the registrations still waiting. */
  readonly byPlace: IdMap<string>;
  /** registrationId → place. */
  readonly placeOf: IdMap<number>;
  /** The lowest place that may still be waiting: every place before it has left the line. */
  readonly first: number;
  /** The place the next to join gets. */
  readonly next: number;
  /** How many are waiting. */
  readonly length: number;
}

export const emptyWaitlist = (): Waitlist => ({ byPlace: emptyIdMap(), placeOf: emptyIdMap(), first: 0, next: 0, length: 0 });

export function joinWaitlist(waitlist: Waitlist, registrationId: string): Waitlist {
  if (idMapGet(waitlist.placeOf, registrationId) !== undefined) return waitlist;
  const place = waitlist.next;
  return {
    byPlace: idMapSet(waitlist.byPlace, String(place), registrationId),
    placeOf: idMapSet(waitlist.placeOf, registrationId, place),
    first: waitlist.first,
    next: place + 1,
    length: waitlist.length + 1,
  };
}

/** The registration leaves the line (promoted, or cancelled from anywhere in it). */
export function leaveWaitlist(waitlist: Waitlist, registrationId: string): Waitlist {
  const place = idMapGet(waitlist.placeOf, registrationId);
  if (place === undefined) return waitlist;
  const byPlace = idMapDelete(waitlist.byPlace, String(place));
  // The head moves past every place already left: each place is passed once, so this is O(1) per leave on average.
  let first = waitlist.first;
  while (first < waitlist.next && idMapGet(byPlace, String(first)) === undefined) first++;
  return { byPlace, placeOf: idMapDelete(waitlist.placeOf, registrationId), first, next: waitlist.next, length: waitlist.length - 1 };
}

/** The first `count` waiting, in order (places left in the middle of the line are skipped). */
export function headOfWaitlist(waitlist: Waitlist, count: number): string[] {
  const head: string[] = [];
  for (let place = waitlist.first; place < waitlist.next && head.length < count; place++) {
    const registrationId = idMapGet(waitlist.byPlace, String(place));
    if (registrationId !== undefined) head.push(registrationId);
  }
  return head;
}

/** The registration's 1-based place in line now (those ahead who left do not count), or null when it is not waiting. */
export function placeInLine(waitlist: Waitlist, registrationId: string): number | null {
  const place = idMapGet(waitlist.placeOf, registrationId);
  if (place === undefined) return null;
  let ahead = 0;
  for (let p = waitlist.first; p < place; p++) if (idMapGet(waitlist.byPlace, String(p)) !== undefined) ahead++;
  return ahead + 1;
}
