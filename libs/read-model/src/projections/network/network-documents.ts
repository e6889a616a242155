import type { Page, ReadStore, ViewDocument } from '../../read-store.port';
import { comparePositions } from './network-dates';
import {
  NETWORK_ATTENDED_AT_INDEX,
  NETWORK_WORKSHOPS_COLLECTION,
  type NetworkAttendance,
  type NetworkRegistrationDocument,
  type NetworkWorkshopDocument,
  type NetworkWorkshopView,
} from './network.view';

/** Every document of a listing, page after page. */
async function listAll<T extends ViewDocument>(store: Pick<ReadStore, 'list'>, collection: string, where: { index: string; value: string }): Promise<T[]> {
  const docs: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await store.list<T>(collection, { where, after, limit: 1000 });
    for (const item of page.items) docs.push(item.doc);
    after = page.next;
  } while (after !== null);
  return docs;
}

/**
 * A workshop's document with the attendances of its registrations, by person: a person's first attendance (by log
 * position) stands, as when the attendances were one map in the workshop's document. Attendances a document still
 * carries itself (made by an older version, or by hand) are kept.
 */
export function withAttendances(doc: NetworkWorkshopDocument & { attendances?: Record<string, NetworkAttendance> }, registrations: readonly NetworkRegistrationDocument[]): NetworkWorkshopView {
  const attendances: Record<string, NetworkAttendance> = { ...(doc.attendances ?? {}) };
  for (const { attendance } of registrations) {
    if (attendance === null) continue;
    const { personId, organizationId, role, position } = attendance;
    const known = Object.hasOwn(attendances, personId) ? attendances[personId] : undefined;
    if (known === undefined || comparePositions(position, known.position) < 0) attendances[personId] = { organizationId, role, position };
  }
  return { ...doc, attendances };
}

/** The network documents of a chain's workshops in a store (live or replayed), each with its attendances. */
export async function networkWorkshopsOf(store: Pick<ReadStore, 'list'>, chainId: string): Promise<NetworkWorkshopView[]> {
  const workshops = await listAll<NetworkWorkshopDocument>(store, NETWORK_WORKSHOPS_COLLECTION, { index: 'chainId', value: chainId });
  return Promise.all(
    workshops.map(async (doc) => withAttendances(doc, await listAll<NetworkRegistrationDocument>(store, NETWORK_WORKSHOPS_COLLECTION, { index: NETWORK_ATTENDED_AT_INDEX, value: doc.workshopId }))),
  );
}
