import { BACKWARDS, END, ErrorType, FORWARDS, NO_STREAM, jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventIdConflictError, WrongExpectedRevisionError, type RecordedEvent, type StreamName } from '../event-store.port';
import { isKurrentError } from './kurrentdb-mapping';
import { readStreamEvents } from './kurrentdb-reads';

/*
 * The event-id index of the KurrentDB adapter: how an append whose ids are already stored is recognised, by any process,
 * however old the retry, reading a bounded number of events.
 *
 * Why an index: KurrentDB compares event ids only when an append's expected revision is *behind* the stream (its
 * idempotency check, exact expected revisions only); at the head it writes. The chained store computes the expected
 * revision from the head it just read, so a retry after later events, or two processes racing, would store an id twice.
 * Deriving the expected revision from the command does not help a store that chains onto the head; what must be known is
 * the revision the ids were first meant for. The index keeps exactly that, enforced by the server:
 *
 *  - every event id has a marker stream `$kuhina-id-<id>` (a `$` stream: every read of user streams, `$streams` and the
 *    subscription already leave it out; on a secure node the connection's user must be allowed to write `$` streams);
 *  - the first id of an append holds the *claim* `{ stream, first, ids }`: these ids, in this order, at revisions
 *    `first..` of `stream`; the other ids hold a *pointer* to it (`{ batch: firstId, claim: <revision of the claim event> }`);
 *  - every marker is written with an expected revision (`no_stream` for a new id, the marker's last revision to take it
 *    over), so of two writers exactly one wins each marker, whichever process they run in;
 *  - all markers are written *before* the events, so the events of an id are never written without its claim.
 *
 * A claim's state is read from the stream itself, at most `ids.length` events from `first` (plus the head when none):
 *  - `stored`: those revisions hold these ids in order. The ids are taken for good: a retry is answered from them.
 *  - `free`: nothing at `first` yet: the claimer is about to write (or stopped before it could). The same append may go on
 *    at the same revision (the server's own idempotency check lets exactly one copy in: two appends of the same ids with the
 *    same expected revision are one write); any other append of these ids is refused.
 *  - `void`: other events hold `first` (the claimer lost the revision race; its write, expecting `first - 1`, can only
 *    fail): whoever comes next may take the ids over, through the marker's expected revision.
 *  - `gone`: the stream's head is past `first` but nothing is readable there (deleted or truncated): refused, so that a
 *    retry never writes deleted events again.
 * A process that stops between its markers and its events leaves a `free` claim: its retry finds the claim its own and
 * finishes the append at the same revision; once other events take that revision the claim is `void` and is re-claimed.
 * Events written before the index existed have no markers: their ids are not recognised (nothing to back-fill here).
 */

const CLAIM = 'KuhinaIdClaim';
const POINTER = 'KuhinaIdPointer';
/** Marker rounds per id before giving up: each lost round means another writer changed the marker meanwhile. */
const ROUNDS = 8;

export const idStream = (id: string): StreamName => `$kuhina-id-${id.toLowerCase()}`;

export interface Claim {
  stream: StreamName;
  first: number;
  ids: string[];
}

type Marker = { revision: bigint } & ({ kind: 'claim'; claim: Claim } | { kind: 'pointer'; batch: string; claimRevision: number });

export type ClaimState = { state: 'stored'; events: RecordedEvent[] } | { state: 'free'; head: number | null } | { state: 'void' | 'gone' };

/**
 * Claims `ids` for `stream` at revisions `first..`; returns when the append may be written (see the comment above).
 * `adopted`: the same append had claimed them first (a racing twin, or an attempt that stopped before its write): once
 * written, this one is its duplicate.
 */
export async function claimIds(client: KurrentDBClient, claim: Claim): Promise<{ adopted: boolean }> {
  const [head, ...rest] = claim.ids;
  const held = await holdId(client, head!, claim, null);
  await Promise.all(rest.map((id) => holdId(client, id, claim, held.revision)));
  return { adopted: held.adopted };
}

/**
 * The stored events of `stream` with these ids (found through their markers), and the claims they were found by.
 * Reads one marker per id (two for a pointer) and each claim's events once.
 */
export async function findStored(client: KurrentDBClient, stream: StreamName | null, ids: string[]): Promise<RecordedEvent[]> {
  const states = new Map<string, Promise<ClaimState>>();
  const found = await Promise.all(
    ids.map(async (id) => {
      const holder = await holderOf(client, id.toLowerCase(), await readMarker(client, id));
      if (!holder || (stream !== null && holder.claim.stream !== stream)) return undefined;
      const key = `${holder.claim.ids[0]}@${holder.revision}`;
      if (!states.has(key)) states.set(key, stateOf(client, holder.claim));
      const state = await states.get(key)!;
      return state.state === 'stored' ? state.events.find((event) => event.id === id.toLowerCase()) : undefined;
    }),
  );
  return found.filter((event): event is RecordedEvent => event !== undefined);
}

/** Reads where a claim stands (see the comment above): at most `ids.length` events, and the head when there are none. */
export async function stateOf(client: KurrentDBClient, claim: Claim): Promise<ClaimState> {
  const events = await readStreamEvents(client, claim.stream, { direction: FORWARDS, fromRevision: BigInt(claim.first), maxCount: claim.ids.length, requiresLeader: true });
  if (events.length > 0) {
    const stored = events.length === claim.ids.length && events.every((event, index) => event.id === claim.ids[index] && event.revision === claim.first + index);
    return stored ? { state: 'stored', events } : { state: 'void' };
  }
  const [last] = await readStreamEvents(client, claim.stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true });
  if (last && last.revision >= claim.first) return { state: 'gone' };
  return { state: 'free', head: last ? last.revision : null };
}

/** Makes `id` held by `claim` (the claim itself for its first id, a pointer for the others); the claim event's revision. */
async function holdId(client: KurrentDBClient, id: string, claim: Claim, claimRevision: number | null): Promise<{ revision: number; adopted: boolean }> {
  const first = claimRevision === null;
  const data = first ? { ...claim } : { batch: claim.ids[0]!, claim: claimRevision };
  // Optimistic: a new id has no marker, and one write (expecting no stream) both checks and claims it.
  let expected: bigint | typeof NO_STREAM = NO_STREAM;
  for (let round = 0; round < ROUNDS; round++) {
    const written = await writeMarker(client, id, first ? CLAIM : POINTER, data, expected);
    if (written !== null) return { revision: first ? written : claimRevision, adopted: false };
    const marker = await readMarker(client, id);
    if (!marker) continue;
    const holder = await holderOf(client, id, marker);
    const found = holder ? await stateOf(client, holder.claim) : null;
    const next = holder && found ? verdict(holder.claim, found, claim) : 'take-over';
    if (next === 'conflict') throw new EventIdConflictError(claim.stream, [id]);
    if (next === 'stale-head') {
      const head = found?.state === 'free' ? found.head : null;
      throw new WrongExpectedRevisionError(claim.stream, claim.first === 0 ? 'no-stream' : claim.first - 1, head ?? 'no-stream');
    }
    // The same append at the same revision (a twin, or this one's earlier attempt): the server lets one copy in.
    if (next === 'adopt') return { revision: first ? holder!.revision : claimRevision, adopted: true };
    expected = marker.revision;
  }
  throw new Error(`Event id ${id}: its index marker kept changing under ${ROUNDS} attempts to claim it; try again`);
}

/**
 * What an append (`wanted`) does about an id another claim (`holder`) holds, in the state read from its stream:
 *  - `conflict`: stored (a retry: the store answers it from the stored events) or deleted, or held by another append in flight;
 *  - `adopt`: the same append at the same revision, not written yet: write it too, the server lets one copy in;
 *  - `stale-head`: the same append claimed on a head this one has not seen (a stale read): re-read the head and try again;
 *  - `take-over`: void, it lost its revision to other events and can never be written: the id is free.
 */
export function verdict(holder: Claim, found: ClaimState, wanted: Claim): 'conflict' | 'adopt' | 'stale-head' | 'take-over' {
  if (found.state === 'stored' || found.state === 'gone') return 'conflict';
  if (found.state === 'void') return 'take-over';
  if (!sameBatch(holder, wanted)) return 'conflict';
  return holder.first === wanted.first ? 'adopt' : 'stale-head';
}

/** The claim currently holding `id`: its own claim, or the claim its pointer names if that is still the batch's claim and lists it. */
async function holderOf(client: KurrentDBClient, id: string, marker: Marker | null): Promise<{ claim: Claim; revision: number } | null> {
  if (!marker) return null;
  if (marker.kind === 'claim') return marker.claim.ids[0] === id ? { claim: marker.claim, revision: Number(marker.revision) } : null;
  const batch = await readMarker(client, marker.batch);
  if (!batch || batch.kind !== 'claim' || Number(batch.revision) !== marker.claimRevision || !batch.claim.ids.includes(id)) return null;
  return { claim: batch.claim, revision: marker.claimRevision };
}

const sameBatch = (a: Claim, b: Claim): boolean => a.stream === b.stream && a.ids.length === b.ids.length && a.ids.every((id, index) => id === b.ids[index]);

/** Appends one marker event; its revision, or null when the marker changed meanwhile (another writer won it). */
async function writeMarker(client: KurrentDBClient, id: string, type: string, data: object, expected: bigint | typeof NO_STREAM): Promise<number | null> {
  try {
    const result = await client.appendToStream(idStream(id), jsonEvent({ type, data: data as Record<string, unknown> }), { streamState: expected });
    // `throwOnAppendFailure=false` in the URL: a refusal comes back as success: false instead of an error.
    return result.success ? Number(result.nextExpectedRevision) : null;
  } catch (error) {
    if (isKurrentError(error, ErrorType.WRONG_EXPECTED_VERSION)) return null;
    throw error;
  }
}

/** The last event of an id's marker stream, from the leader (a marker just won elsewhere must be seen). */
export async function readMarker(client: KurrentDBClient, id: string): Promise<Marker | null> {
  try {
    for await (const resolved of client.readStream(idStream(id), { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true })) {
      const event = resolved.event;
      if (!event || !event.isJson) continue;
      return toMarker(event.type, event.data, event.revision);
    }
  } catch (error) {
    if (isKurrentError(error, ErrorType.STREAM_NOT_FOUND)) return null;
    throw error;
  }
  return null;
}

/** A marker event's body, checked (a malformed one holds nothing). */
export function toMarker(type: string, data: unknown, revision: bigint): Marker | null {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (type === CLAIM && typeof body.stream === 'string' && Number.isSafeInteger(body.first) && Array.isArray(body.ids) && body.ids.every((id) => typeof id === 'string')) {
    return { kind: 'claim', revision, claim: { stream: body.stream, first: body.first as number, ids: body.ids as string[] } };
  }
  if (type === POINTER && typeof body.batch === 'string' && Number.isSafeInteger(body.claim)) return { kind: 'pointer', revision, batch: body.batch, claimRevision: body.claim as number };
  return null;
}
