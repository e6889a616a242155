import { MemoryReadStore, PROJECTIONS, Projector, type EventLog } from '@kuhina/read-model';
import { ViewReader } from './view-reader';

/**
 * The views the query handlers read, projected from a spec's event store by the real projector and projections:
 * write through the command handler, `catchUp()`, then query (what `?consistentWith=` waits for in the API).
 */
export function projectedViews(log: EventLog): { reader: ViewReader; catchUp: () => Promise<number> } {
  const store = new MemoryReadStore();
  const projector = new Projector(log, store, { projections: PROJECTIONS });
  return { reader: new ViewReader(store), catchUp: () => projector.catchUp() };
}
