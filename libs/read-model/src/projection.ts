import type { RecordedEvent } from '@kuhina/event-store';
import type { PutOptions, ViewDocument } from './read-store.port';

/** Read-only access to documents of other views (already updated by earlier events of the same batch). */
export interface ViewLookup {
  get<T extends ViewDocument>(collection: string, id: string): Promise<T | null>;
}

/**
 * One view, one folder: a pure `project(view | undefined, event) → view | undefined` (undefined deletes),
 * plus the routing that says which documents of the view an event touches.
 * `project` must be idempotent: applying the same event twice gives the same view as applying it once.
 */
export interface Projection<V extends ViewDocument = ViewDocument> {
  /** Stable name; also the checkpoint's key for its version. */
  readonly name: string;
  /** Bump when `project` changes meaning: the projector then rebuilds this projection from the log. */
  readonly version: number;
  readonly collection: string;
  /** Event types this projection cares about (the projector skips the others cheaply). */
  readonly eventTypes: readonly string[];
  /** Ids of the documents this event changes. May look up other views (e.g. workshop → chain). */
  keysOf(event: RecordedEvent, lookup: ViewLookup): string[] | Promise<string[]>;
  project(view: V | undefined, event: RecordedEvent, key: string): V | undefined;
  /** Index values and sort key of a document, for `list`. */
  indexesOf?(view: V, key: string): PutOptions;
}
