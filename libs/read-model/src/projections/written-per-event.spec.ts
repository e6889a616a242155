import type { RecordedEvent } from '@kuhina/event-store';
import type { Projection, ViewLookup } from '../projection';
import type { ViewDocument } from '../read-store.port';
import { PROJECTIONS } from '../projections.registry';
import {
  CHAIN,
  ORG,
  RAUMA,
  addedToChain,
  attended,
  chainStarted,
  feedbackSubmitted,
  registered,
  registrationCancelled,
  uuid,
  workshopHeld,
  workshopPlanned,
} from './workshop-chain/chain-events.spec-helper';

// What the projector writes for ONE event of a large workshop must not grow with the workshop: a registration,
// cancellation, attendance or feedback costs the same at 10 registrations as at 2,000 (issue 17). Every projection of
// the registry is run as one projector batch runs them (in array order, `apply` on drafts it owns, lookups into the
// batch's documents); then one more event is applied and the JSON of each document it changed is measured.

type Docs = Map<string, Map<string, ViewDocument | undefined>>;

class Batch {
  readonly docs: Docs = new Map();
  readonly lookup: ViewLookup = {
    get: async <T extends ViewDocument>(collection: string, id: string) => (this.docs.get(collection)?.get(id) ?? null) as T | null,
    peek: <T extends ViewDocument>(collection: string, id: string) => (this.docs.get(collection)?.get(id) ?? null) as T | null,
  };

  constructor(private readonly projections: readonly Projection[]) {}

  /** Applies one event; returns the bytes of JSON written per collection (the documents it changed, each written once). */
  async apply(event: RecordedEvent): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    for (const projection of this.projections) {
      if (!projection.eventTypes.includes(event.type)) continue;
      let docs = this.docs.get(projection.collection);
      if (!docs) this.docs.set(projection.collection, (docs = new Map()));
      for (const key of await projection.keysOf(event, this.lookup)) {
        const current = docs.get(key);
        const next = projection.apply ? projection.apply(current, event, key, this.lookup) : projection.project(current, event, key, this.lookup);
        if (current === undefined && next === undefined) continue;
        if (!projection.apply && next === current) continue;
        docs.set(key, next);
        written.set(projection.collection, (written.get(projection.collection) ?? 0) + (next === undefined ? 0 : JSON.stringify(next).length));
      }
    }
    return written;
  }
}

const person = (n: number) => uuid('b0000000', n);
const registration = (n: number) => uuid('e0000000', n);

/**
 * One workshop of a chain with `size` registrations, each attended and each with feedback; then, per kind of event,
 * the bytes written by the next one. (Positions grow through the file: a second history comes after the first.)
 */
async function bytesWritten(size: number): Promise<Record<'registration' | 'cancellation' | 'attendance' | 'feedback', Map<string, number>>> {
  const batch = new Batch(PROJECTIONS);
  for (const event of [chainStarted(CHAIN), workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 1)]) await batch.apply(event);
  for (let n = 1; n <= size; n++) await batch.apply(registered(RAUMA, registration(n), person(n), n % 2 === 0 ? ORG.rauma : ORG.pori));
  const registration_ = await batch.apply(registered(RAUMA, registration(size + 1), person(size + 1), ORG.coaching));
  const cancellation = await batch.apply(registrationCancelled(RAUMA, registration(size + 1), person(size + 1), 'registered'));
  await batch.apply(workshopHeld(RAUMA));
  for (let n = 1; n < size; n++) {
    await batch.apply(attended(RAUMA, registration(n), person(n), null));
    await batch.apply(feedbackSubmitted(RAUMA, uuid('f0000000', n), 4, registration(n)));
  }
  const attendance = await batch.apply(attended(RAUMA, registration(size), person(size), null));
  const feedback = await batch.apply(feedbackSubmitted(RAUMA, uuid('f0000000', size), 5, registration(size)));
  return { registration: registration_, cancellation, attendance, feedback };
}

/**
 * Collections whose documents written per registration, cancellation, attendance and feedback must stay bounded: all
 * that such an event writes (the chain's document once grew to ~0.4-0.85 MB per event at 2,000 registrations).
 */
const BOUNDED = ['workshop-registrations', 'workshops', 'workshop-feedback', 'network-workshops', 'workshop-chains'];

describe('documents written per event (issue 17: no cost that grows with the workshop)', () => {
  let small: Awaited<ReturnType<typeof bytesWritten>>;
  let large: Awaited<ReturnType<typeof bytesWritten>>;

  beforeAll(async () => {
    small = await bytesWritten(10);
    large = await bytesWritten(2000);
  }, 120_000);

  for (const kind of ['registration', 'cancellation', 'attendance', 'feedback'] as const) {
    it.each(BOUNDED)(`${kind === 'attendance' ? 'an' : 'a'} ${kind} writes as many bytes of %s at 2,000 registrations as at 10 (within 64 bytes)`, (collection) => {
      const atTen = small[kind].get(collection) ?? 0;
      const atTwoThousand = large[kind].get(collection) ?? 0;
      // A few more digits in counts and positions, no more: a document that lists the registrations grows by ~100 kB.
      expect(Math.abs(atTwoThousand - atTen)).toBeLessThanOrEqual(64);
    });
  }

  it('measures something: a registration writes its own document', () => {
    expect(large.registration.get('workshop-registrations')).toBeGreaterThan(100);
  });
});
