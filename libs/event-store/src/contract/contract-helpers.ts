import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStorage, EventToAppend } from '../event-store.port';

// The event store contract's set-up and helpers: fresh names, events, and waiting.

/** What a contract run needs from an adapter's test set-up. */
export interface ContractStorage {
  storage: EventStorage;
  /** Closes the storage given so far and opens the same store again, as a restarted process would. */
  reopen(): Promise<EventStorage>;
  /** Opens the same store a second time beside the first, as another process would (closed by `cleanup`). */
  openAnother(): Promise<EventStorage>;
  /** Closes whatever is open and removes what the run created where that is possible. */
  cleanup(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** When set, every test is registered as skipped (Jest reports them as skipped, not passed). */
  skip?: boolean;
  /** Per-test timeout (ms). Default 30 000: a remote server may be slow. */
  timeoutMs?: number;
}

// Stream names are unique per test (random UUIDs), so that one shared server can serve many runs.
export const newStream = (kind = 'workshop') => `${kind}-${randomUUID()}`;

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    occurredAt: '2023-04-12T09:00:00.000Z',
    recordedAt: new Date().toISOString(),
    actor: 'contract-suite',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
    ...overrides,
  };
}

export function event(type = 'ParticipantRegistered', data: unknown = { participantId: randomUUID(), mode: 'on-site' }, meta?: Partial<EventMetadata>): EventToAppend {
  return { id: randomUUID(), type, data, metadata: metadata(meta) };
}

export const events = (count: number, type?: string) => Array.from({ length: count }, (_, i) => event(type, { n: i }));

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
