import { positionText, type RecordedEvent } from '@kuhina/event-store';
import type { PutOptions, ViewDocument } from './read-store.port';

/** Read-only access to documents of other views (already updated by earlier events of the same batch). */
export interface ViewLookup {
  get<T extends ViewDocument>(collection: string, id: string): Promise<T | null>;
  /**
   * The document if the lookup has it at hand (null: known not to exist), undefined if only `get` can tell.
   * Optional; lets routing stay synchronous on the projector's hot path (see `lookupThen`).
   */
  peek?<T extends ViewDocument>(collection: string, id: string): T | null | undefined;
}

/**
 * `then(document)`, synchronously when the lookup has the document at hand (`peek`), else after `get`: a `keysOf`
 * that routes through an index costs no promise per event when the index entry is already in the batch.
 */
export function lookupThen<T extends ViewDocument, R>(lookup: ViewLookup, collection: string, id: string, then: (doc: T | null) => R): R | Promise<R> {
  const doc = lookup.peek?.<T>(collection, id);
  return doc === undefined ? lookup.get<T>(collection, id).then(then) : then(doc);
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
  /**
   * The collections of other views `keysOf` looks up (e.g. the workshop-chain index). A side-by-side rebuild rebuilds
   * their projections with this one, so that its lookups see views exactly as far as its own events.
   */
  readonly readsFrom?: readonly string[];
  /**
   * Ids of the documents this event changes, in the order they are changed. May look up other views (declared in
   * `readsFrom`) and documents of its own collection (loading them for `project`'s synchronous `lookup.peek`).
   */
  keysOf(event: RecordedEvent, lookup: ViewLookup): string[] | Promise<string[]>;
  /**
   * `lookup` (given by the projector and the spec helpers; absent in a bare call) sees the batch's documents as they
   * are now: for this event, the documents of keys before `key` already changed, those after it not yet. A projection
   * that keeps facts in documents of their own (the chain view) reads them there, as they were before the event.
   * Never change a document got through `lookup`.
   */
  project(view: V | undefined, event: RecordedEvent, key: string, lookup?: ViewLookup): V | undefined;
  /**
   * The same as `project` for a caller that owns `draft` (nobody else holds a reference to it or to anything in
   * it): may change `draft` in place, and returns the view after the event — `draft` itself, another object, or
   * undefined to delete. The result must never share objects with the event (the caller keeps changing it).
   * Optional: the projector uses it, when there, to skip the copy that keeps `project` pure.
   */
  apply?(draft: V | undefined, event: RecordedEvent, key: string, lookup?: ViewLookup): V | undefined;
  /** Index values and sort key of a document, for `list`. */
  indexesOf?(view: V, key: string): PutOptions;
}

/** A view that records the log position of the last event applied to it (decimal string). */
export type PositionedView = ViewDocument & { lastPosition: string };

// Every projection an event reaches asks for its position as text: the last answer is kept (keyed by the event and
// its position, so it can never be stale), instead of one bigint-to-string conversion per projection.
let lastEvent: RecordedEvent | null = null;
let lastPosition = 0n;
let lastText = '';

/** The event's position as a decimal string (what views keep in `lastPosition`), through the log's one formatter. */
export function eventPositionText(event: RecordedEvent): string {
  if (event !== lastEvent || event.position !== lastPosition) {
    lastText = positionText(event.position)!;
    lastEvent = event;
    lastPosition = event.position;
  }
  return lastText;
}

/**
 * `keysOf` of a view kept per workshop: the event's `workshopId`, for the event types in `handled` (the projector
 * routes by `eventTypes` already; the check keeps a direct call with another type harmless).
 */
export const byWorkshopOf =
  (handled: ReadonlySet<string>) =>
  (event: RecordedEvent): string[] => {
    if (!handled.has(event.type)) return [];
    const { workshopId } = event.data as { workshopId?: unknown };
    return typeof workshopId === 'string' ? [workshopId] : [];
  };

/**
 * The position guard: an event at or before the view's last position is in it already. Compares the decimal texts
 * (a shorter canonical number is smaller) instead of parsing a bigint per event and projection; '-1' (a view that has
 * seen nothing yet) and any non-canonical text fall back to bigint arithmetic.
 */
export function alreadyApplied(view: PositionedView | undefined, event: RecordedEvent): boolean {
  if (view === undefined) return false;
  const last = view.lastPosition;
  const first = last.charCodeAt(0);
  if (first < 49 || first > 57) return event.position <= BigInt(last);
  const text = eventPositionText(event);
  return text.length === last.length ? text <= last : text.length < last.length;
}

/**
 * A deep copy of a JSON document (an `idMap` stays an `idMap`). Views are plain JSON (ProjectionSpec checks it), so
 * a walk over arrays and own keys is exact; on chain documents it takes half the time of a JSON round trip and a
 * third of `structuredClone`'s.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out as T;
  }
  const out = (Object.getPrototypeOf(value) === null ? Object.create(null) : {}) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * A map from ids to values for a draft that gains ids one by one (registrations by id, attendance by person...).
 * V8 gives an object a hidden class per set of keys: an object literal that gains one new UUID after another goes
 * through a new hidden class per id (measured: 1-3 µs per id, the largest cost of the mutator projections until
 * this), and a map that JSON.parse made from a stored view does the same when it gains an id (5-10 µs). An object
 * with a null prototype is a hash table from the start (V8's dictionary mode): a new id costs a hash insert
 * (~0.2 µs). JSON.stringify writes it as any object, and ids such as "__proto__" stay plain keys.
 */
export function idMap<T>(entries?: Readonly<Record<string, T>>): Record<string, T> {
  const map = Object.create(null) as Record<string, T>;
  if (entries) for (const id of Object.keys(entries)) map[id] = entries[id];
  return map;
}

/** `map` itself if it is an `idMap` already, else an `idMap` copy of it (e.g. of a map parsed from a stored view). */
export const asIdMap = <T>(map: Record<string, T>): Record<string, T> => (Object.getPrototypeOf(map) === null ? map : idMap(map));

/** What a mutator projection defines: everything but `project`, which `mutatorProjection` derives from `apply`. */
export type MutatorProjectionDefinition<V extends PositionedView> = Omit<Projection<V>, 'project' | 'apply'> & {
  apply(draft: V | undefined, event: RecordedEvent, key: string, lookup?: ViewLookup): V | undefined;
};

/**
 * A projection written as a mutator (`apply` changes a draft it owns, as an Immer recipe would), with the pure
 * `project` derived from it: the view is copied, then the copy is changed; the input is never touched. An event the
 * view has seen (position guard) returns the very same view, without a copy.
 */
export function mutatorProjection<V extends PositionedView>(definition: MutatorProjectionDefinition<V>): Projection<V> {
  const { apply } = definition;
  return {
    ...definition,
    apply,
    project(view: V | undefined, event: RecordedEvent, key: string, lookup?: ViewLookup): V | undefined {
      if (alreadyApplied(view, event)) return view;
      return apply(view === undefined ? undefined : copyJson(view), event, key, lookup);
    },
  };
}
