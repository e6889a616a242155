import { checkEventLink, type FoundBreak } from '../chain/chain-integrity';
import type { EventStorage, StreamHead, StreamName } from '../event-store.port';
import { AUDIT_SEALED, AUDIT_SEALS_STREAM } from './audit-seal.events';
import { merkleRoot } from './merkle-root';
import { readSeal, type ReadableSeal } from './verify-seals';

export interface LastSealCheck {
  id: string;
  position: string;
  root: string;
  /** The heads at the sealed position still give the sealed root (and count). */
  intact: boolean;
  recomputedRoot: string;
  recomputedStreams: number;
}

export interface SinceSealVerification {
  /** The last seal and whether the log still gives its root; null when the log has no readable seal (then every event is hashed). */
  seal: LastSealCheck | null;
  streams: number;
  /** Events read (all of the log). */
  events: number;
  /** Events whose own hash was recomputed: those after the last seal. */
  hashed: number;
  /** The first break of each broken stream, in the order found. */
  breaks: FoundBreak[];
}

export interface VerifySinceSealOptions {
  /** Events per `readAll` page. Default 2000. */
  pageSize?: number;
  /** Called for each break as soon as it is found (the log may be long). */
  onBreak?: (found: FoundBreak) => void;
  /** Awaited between pages: lets a serving process answer requests meanwhile (e.g. `() => new Promise(setImmediate)`). */
  betweenPages?: () => Promise<void>;
}

type Storage = Pick<EventStorage, 'readAll' | 'readStream' | 'streamHead'>;

/**
 * The start-up check, in one pass over the log keeping one head per stream:
 *  - every event after the last seal: its own hash recomputed and its link to the event before it (its revision, its prevHash);
 *  - every event up to it: revision and link only (string comparisons, no hashing), and the seal's root recomputed from
 *    the heads at its position. An event up to the seal rewritten with its hash recomputed changes a head, so the root;
 *    one edited with its stored hash left alone is found by a full `kuhina audit verify` and by the projector on a rebuild.
 * Without a seal, every event is hashed. Each stream's first break is reported and the stream's later events are skipped.
 */
export async function verifySinceLastSeal(storage: Storage, options: VerifySinceSealOptions = {}): Promise<SinceSealVerification> {
  const pageSize = options.pageSize ?? 2000;
  const seal = await lastSeal(storage);
  const heads = new Map<StreamName, StreamHead>();
  const broken = new Set<StreamName>();
  const breaks: FoundBreak[] = [];
  let sealCheck: LastSealCheck | null = null;
  let events = 0;
  let hashed = 0;
  const closeSeal = () => {
    if (!seal || sealCheck) return;
    const sealedHeads = new Map([...heads].filter(([stream]) => stream !== AUDIT_SEALS_STREAM));
    const { root, streams } = merkleRoot(sealedHeads);
    sealCheck = { id: seal.event.id, position: seal.position.toString(), root: seal.root, intact: root === seal.root && streams === seal.streams, recomputedRoot: root, recomputedStreams: streams };
  };
  for (let after: bigint | null = null; ; ) {
    const page = await storage.readAll(after, pageSize);
    for (const event of page) {
      if (seal && event.position > seal.position) closeSeal();
      const previous = heads.get(event.stream) ?? null;
      heads.set(event.stream, { revision: event.revision, hash: event.hash });
      if (broken.has(event.stream)) continue;
      const expectedRevision = previous ? previous.revision + 1 : 0;
      let found: FoundBreak | null = null;
      if (event.revision !== expectedRevision) {
        found = { stream: event.stream, revision: expectedRevision, eventId: event.id, expectedHash: previous?.hash ?? null, foundHash: event.prevHash, problem: 'revision-gap' };
      } else if (seal && event.position <= seal.position) {
        if (event.prevHash !== (previous?.hash ?? null)) found = { stream: event.stream, revision: event.revision, eventId: event.id, expectedHash: previous?.hash ?? null, foundHash: event.prevHash, problem: 'prev-hash-mismatch' };
      } else {
        hashed += 1;
        found = checkEventLink(event, previous);
      }
      if (found) {
        broken.add(event.stream);
        breaks.push(found);
        options.onBreak?.(found);
      }
    }
    events += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.position;
    await options.betweenPages?.();
  }
  closeSeal();
  return { seal: sealCheck, streams: heads.size, events, hashed, breaks };
}

/** The last readable AuditSealed event; a seal that cannot be read is no shortcut (everything is hashed). */
async function lastSeal(storage: Storage): Promise<ReadableSeal | null> {
  const head = await storage.streamHead(AUDIT_SEALS_STREAM);
  if (!head) return null;
  const [event] = await storage.readStream(AUDIT_SEALS_STREAM, { fromRevision: head.revision, maxCount: 1 });
  if (!event || event.type !== AUDIT_SEALED) return null;
  const seal = readSeal(event);
  return 'intact' in seal ? null : seal;
}
