import {
  CHAIN_EVENT_TYPES,
  COLLABORATION_EVENT_TYPES,
  ORGANIZATION_EVENT_TYPES,
  PERSON_EVENT_TYPES,
  chainStream,
  collaborationStream,
  isWorkshopEventType,
  organizationStream,
  personStream,
  workshopStream,
} from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
// Deep imports on purpose: the testing lib needs the port types only, not the store adapters behind the package index.
import type { Projection, ViewLookup } from '@kuhina/read-model/projection';
import type { PutOptions, ViewDocument } from '@kuhina/read-model/read-store.port';

// ---------------------------------------------------------------------------------------------
// recorded(): RecordedEvent factory
// ---------------------------------------------------------------------------------------------

let nextPosition = 1n;
const revisions = new Map<string, number>();
const BUSINESS_EPOCH = Date.UTC(2023, 0, 1);

export interface RecordedOptions {
  /** Default: inferred from the event type and its id field (`workshop-<workshopId>`, `chain-<chainId>`, ...). */
  stream?: string;
  /** Default: one more than the last position handed out (positions only grow, across the whole test file). */
  position?: bigint | number;
  /** Business time. Default: 2023-01-01T00:00Z plus one minute per position. */
  occurredAt?: string;
  /** Default: a UUID derived from the position. */
  id?: string;
}

const streamFamilies: Array<{ is: (type: string) => boolean; field: string; stream: (id: string) => string }> = [
  { is: (type) => (CHAIN_EVENT_TYPES as readonly string[]).includes(type), field: 'chainId', stream: chainStream },
  { is: isWorkshopEventType, field: 'workshopId', stream: workshopStream },
  { is: (type) => (ORGANIZATION_EVENT_TYPES as readonly string[]).includes(type), field: 'organizationId', stream: organizationStream },
  { is: (type) => (PERSON_EVENT_TYPES as readonly string[]).includes(type), field: 'personId', stream: personStream },
  { is: (type) => (COLLABORATION_EVENT_TYPES as readonly string[]).includes(type), field: 'collaborationId', stream: collaborationStream },
];

function inferStream(type: string, data: unknown): string {
  const family = streamFamilies.find((candidate) => candidate.is(type));
  const id = family && typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[family.field] : undefined;
  return family && typeof id === 'string' ? family.stream(id) : 'test-stream';
}

/**
 * A RecordedEvent as the event store would deliver it, with auto-increasing global positions and
 * per-stream revisions. Hash fields are placeholders: projections never read them.
 */
export function recorded<T extends string, D>(type: T, data: D, options: RecordedOptions = {}): RecordedEvent<T, D> {
  const position = options.position === undefined ? nextPosition : BigInt(options.position);
  if (position >= nextPosition) nextPosition = position + 1n;
  const stream = options.stream ?? inferStream(type, data);
  const revision = revisions.get(stream) ?? 0;
  revisions.set(stream, revision + 1);
  const occurredAt = options.occurredAt ?? new Date(BUSINESS_EPOCH + Number(position) * 60_000).toISOString();
  return {
    id: options.id ?? `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
    stream,
    revision,
    position,
    type,
    data,
    metadata: { occurredAt, recordedAt: occurredAt, actor: 'test', correlationId: 'test-correlation', causationId: null, schemaVersion: 1 },
    prevHash: null,
    hash: 'test-hash',
  };
}

// ---------------------------------------------------------------------------------------------
// ProjectionSpec: Given-When-Then over an in-memory store
// ---------------------------------------------------------------------------------------------

interface StoredDocument {
  doc: ViewDocument;
  options: PutOptions;
}

/** collection → id → document (with its index values and sort key). */
type MemoryViews = Map<string, Map<string, StoredDocument>>;

export interface ProjectionSpecOptions {
  /**
   * Projections that run BEFORE the one under test for every event, as they do in the projector's array
   * (e.g. the workshop-chain index that a chain projection looks up in `keysOf`).
   */
  upstream?: readonly Projection[];
}

export interface ThenOptions {
  /** Which document of the projection `view` is (default: the first key `keysOf` gave for the `when` event). */
  key?: string;
}

export interface ProjectionOutcome<V extends ViewDocument> {
  /** Keys the projection under test routed the `when` event to. */
  keys: string[];
  /** Every document of the projection's collection after the `when` event. */
  documents: ReadonlyMap<string, V>;
  /** Index values and sort key each document was put with (`indexesOf`). */
  putOptions: ReadonlyMap<string, PutOptions>;
  /** Documents of any collection (e.g. an upstream projection's). */
  collection<T extends ViewDocument = ViewDocument>(name: string): ReadonlyMap<string, T>;
}

export type ProjectionExpectation<V extends ViewDocument> = V | undefined | ((view: V | undefined, outcome: ProjectionOutcome<V>) => void);

// Documents are checked to be JSON, so a JSON copy is exact (and, unlike structuredClone, stays in Jest's realm).
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Where `value` stops being plain JSON (null if it is JSON): every adapter stores views as JSON, so nothing else survives. */
function jsonProblem(value: unknown, path: string): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} is ${value}`;
    case 'object': {
      if (value === null) return null;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const problem = jsonProblem(value[i], `${path}[${i}]`);
          if (problem) return problem;
        }
        return null;
      }
      // Plain objects only (any realm): a Date, Map or class instance would come back as something else.
      if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return `${path} is a ${value.constructor?.name ?? 'non-plain object'}`;
      for (const [key, inner] of Object.entries(value)) {
        const problem = jsonProblem(inner, `${path}.${key}`);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return `${path} is ${typeof value}`;
  }
}

function assertJsonDocument(projection: string, key: string, doc: ViewDocument): void {
  const problem = jsonProblem(doc, 'document');
  if (problem) throw new Error(`${projection}: document ${key} is not plain JSON: ${problem}`);
}

function lookupOver(views: MemoryViews): ViewLookup {
  // Frozen copies: a projection that changes a document it looked up fails loudly.
  const copyOf = <T extends ViewDocument>(collection: string, id: string): T | null => {
    const stored = views.get(collection)?.get(id);
    return stored ? (deepFreeze(clone(stored.doc)) as T) : null;
  };
  return { get: async <T extends ViewDocument>(collection: string, id: string) => copyOf<T>(collection, id), peek: copyOf };
}

function snapshot(views: MemoryViews): Record<string, Record<string, StoredDocument>> {
  const out: Record<string, Record<string, StoredDocument>> = {};
  for (const [collection, docs] of views) {
    if (docs.size > 0) out[collection] = Object.fromEntries([...docs].map(([id, stored]) => [id, clone(stored)]));
  }
  return out;
}

/**
 * Applies one event the way the projector does: projections in array order, types filtered, keys routed, through
 * the pure `project`. Where a projection also has the mutator `apply`, checks that `apply` on a private copy of
 * the same view gives the same document. Returns the keys per projection.
 */
async function applyEvent(views: MemoryViews, projections: readonly Projection[], event: RecordedEvent): Promise<Map<Projection, string[]>> {
  const routed = new Map<Projection, string[]>();
  for (const projection of projections) {
    if (!projection.eventTypes.includes(event.type)) {
      routed.set(projection, []);
      continue;
    }
    const lookup = lookupOver(views);
    const keys = await projection.keysOf(event, lookup);
    routed.set(projection, keys);
    let docs = views.get(projection.collection);
    if (!docs) views.set(projection.collection, (docs = new Map()));
    for (const key of keys) {
      const current = docs.get(key);
      // Frozen input: a projection that mutates the view it was given fails loudly instead of passing by luck.
      const next = projection.project(current ? deepFreeze(clone(current.doc)) : undefined, event, key, lookup);
      if (projection.apply) {
        const applied = projection.apply(current ? clone(current.doc) : undefined, event, key, lookup);
        if (applied !== undefined) assertJsonDocument(`${projection.name} (apply)`, key, applied);
        expectNamed(`apply on a private copy gives what project gives (${projection.name}, document ${key}, ${event.type})`, applied, next);
      }
      if (next === undefined) {
        docs.delete(key);
        continue;
      }
      assertJsonDocument(projection.name, key, next);
      docs.set(key, { doc: clone(next), options: projection.indexesOf ? clone(projection.indexesOf(next, key)) : {} });
    }
  }
  return routed;
}

/** collection → id → a draft that `apply` owns and changes event after event, as in one projector batch. */
type Drafts = Map<string, Map<string, ViewDocument>>;

/**
 * Folds events the way one projector batch does with mutator projections: `apply` changes the same drafts event
 * after event (never copied in between), and routing looks them up synchronously (`peek`). Projections without
 * `apply` go through `project`. A mutator that keeps a reference to an event's objects, or shares one object
 * between two places of its drafts, ends up with other documents than the pure fold: the spec compares them.
 */
async function applyToDrafts(drafts: Drafts, projections: readonly Projection[], event: RecordedEvent): Promise<void> {
  const lookup: ViewLookup = {
    get: async <T extends ViewDocument>(collection: string, id: string) => (drafts.get(collection)?.get(id) ?? null) as T | null,
    peek: <T extends ViewDocument>(collection: string, id: string) => (drafts.get(collection)?.get(id) ?? null) as T | null,
  };
  for (const projection of projections) {
    if (!projection.eventTypes.includes(event.type)) continue;
    let docs = drafts.get(projection.collection);
    if (!docs) drafts.set(projection.collection, (docs = new Map()));
    for (const key of await projection.keysOf(event, lookup)) {
      const current = docs.get(key);
      const next = projection.apply ? projection.apply(current, event, key, lookup) : projection.project(current, event, key, lookup);
      if (next === undefined) docs.delete(key);
      else docs.set(key, next);
    }
  }
}

/** The drafts as JSON documents (what the projector would write), in the shape of `snapshot`'s documents. */
function draftsSnapshot(drafts: Drafts): Record<string, Record<string, ViewDocument>> {
  const out: Record<string, Record<string, ViewDocument>> = {};
  for (const [collection, docs] of drafts) if (docs.size > 0) out[collection] = Object.fromEntries([...docs].map(([id, doc]) => [id, clone(doc)]));
  return out;
}

const documentsOf = (views: MemoryViews): Record<string, Record<string, ViewDocument>> => {
  const out: Record<string, Record<string, ViewDocument>> = {};
  for (const [collection, docs] of views) if (docs.size > 0) out[collection] = Object.fromEntries([...docs].map(([id, stored]) => [id, clone(stored.doc)]));
  return out;
};

/** `toEqual`, with the name of the check in front of Jest's diff. */
function expectNamed(check: string, actual: unknown, expected: unknown): void {
  try {
    expect(actual).toEqual(expected);
  } catch (error) {
    if (error instanceof Error) error.message = `${check}:\n${error.message}`;
    throw error;
  }
}

function checkOrder(given: readonly RecordedEvent[], when: RecordedEvent): void {
  const all = [...given, when];
  for (let i = 1; i < all.length; i++) {
    if (all[i].position <= all[i - 1].position) {
      throw new Error(
        `ProjectionSpec: events must be in log order, but ${all[i].type} (position ${all[i].position}) comes after position ${all[i - 1].position}` +
          ' (build the `when` event after the `given` ones, or pass explicit positions).',
      );
    }
  }
}

/**
 * Given-When-Then for projections. `given` and `when` are folded through `keysOf`/`project` (after any
 * `upstream` projections, per event, like the projector) into an in-memory store; `then` checks the
 * document the `when` event routed to. Every scenario also proves idempotency, twice over:
 *  1. the `when` event delivered a second time leaves every document exactly as it was (the position guard);
 *  2. the `when` event re-projected onto its own result with `lastPosition` rewound just before it gives the
 *     same document: the facts kept by id, not the guard alone, make the projection idempotent.
 * Where a projection has the mutator `apply`, every scenario also checks that it agrees with `project`: per event on
 * a private copy of the view, and over the whole history on drafts kept and changed in place as one projector batch does.
 * Run with `await` (or return the promise): `keysOf` may be asynchronous.
 */
export const ProjectionSpec = {
  for<V extends ViewDocument>(sut: Projection<V>, options: ProjectionSpecOptions = {}) {
    const projections: readonly Projection[] = [...(options.upstream ?? []), sut];
    return {
      given(givenEvents: readonly RecordedEvent[]) {
        return {
          when(when: RecordedEvent) {
            checkOrder(givenEvents, when);

            const run = async () => {
              const views: MemoryViews = new Map();
              for (const event of givenEvents) await applyEvent(views, projections, event);
              const before = snapshot(views);
              const keys = (await applyEvent(views, projections, when)).get(projections[projections.length - 1]) ?? [];
              const after = snapshot(views);

              // The projector's way: mutator drafts changed in place through the whole history give the same documents.
              const drafts: Drafts = new Map();
              for (const event of [...givenEvents, when]) await applyToDrafts(drafts, projections, event);
              expectNamed('apply on drafts kept through all events gives what project gives', draftsSnapshot(drafts), documentsOf(views));

              await applyEvent(views, projections, when);
              expectNamed('idempotent if applied twice (the `when` event delivered again)', snapshot(views), after);

              const mine = views.get(sut.collection) ?? new Map<string, StoredDocument>();
              for (const key of keys) {
                const stored = mine.get(key);
                if (!stored || typeof stored.doc.lastPosition !== 'string') continue;
                const rewound = deepFreeze({ ...clone(stored.doc), lastPosition: (when.position - 1n).toString() }) as unknown as V;
                expectNamed(`idempotent without the position guard (document ${key})`, sut.project(rewound, when, key, lookupOver(views)), stored.doc);
              }
              return { views, keys, before, after };
            };

            return {
              /** Expect the document `when` routed to: equal to `expected`, or passing the checks of an `expected` callback. */
              async then(expected: ProjectionExpectation<V>, thenOptions: ThenOptions = {}): Promise<void> {
                const { views, keys } = await run();
                const docsOf = <T extends ViewDocument>(name: string): ReadonlyMap<string, T> =>
                  new Map([...(views.get(name) ?? new Map<string, StoredDocument>())].map(([id, stored]) => [id, clone(stored.doc) as T]));
                const mine = views.get(sut.collection) ?? new Map<string, StoredDocument>();
                const key = thenOptions.key ?? keys[0];
                const view = key === undefined ? undefined : (mine.get(key)?.doc as V | undefined);
                if (typeof expected === 'function') {
                  expected(view === undefined ? undefined : clone(view), {
                    keys,
                    documents: docsOf<V>(sut.collection),
                    putOptions: new Map([...mine].map(([id, stored]) => [id, clone(stored.options)])),
                    collection: docsOf,
                  });
                } else {
                  expect(view).toEqual(expected);
                }
              },
              /** Expect `when` to change no document of any collection (an unrelated or foreign event). */
              async thenNothingChanges(): Promise<void> {
                const { before, after } = await run();
                expect(after).toEqual(before);
              },
            };
          },
        };
      },
    };
  },
};
