import { randomUUID } from 'node:crypto';
import { EventIdConflictError, WrongExpectedRevisionError, type EventToAppend, type ExpectedRevision } from '../event-store.port';
import { InvalidAppendError } from './append-validation';
import { ChainedEventStore } from './chained-event-store';
import { hashEvent } from './event-hash';
import { InMemoryEventStorageDouble } from './in-memory-event-storage.double';

function event(type = 'ParticipantRegistered', data: unknown = { participantId: randomUUID() }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      occurredAt: '2023-04-12T09:00:00.000Z',
      recordedAt: '2023-04-12T09:00:01.000Z',
      actor: 'unit-test',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ChainedEventStore (generic layer, over an in-memory test double)', () => {
  let storage: InMemoryEventStorageDouble;
  let sut: ChainedEventStore;

  beforeEach(() => {
    storage = new InMemoryEventStorageDouble();
    sut = new ChainedEventStore(storage, { retryJitterMs: 0 });
  });

  describe('chaining', () => {
    it('numbers events from 0 per stream and links each to its predecessor', async () => {
      await sut.append('workshop-a', [event(), event()], 'no-stream');
      await sut.append('workshop-a', [event()], 1);

      const stored = await sut.readStream('workshop-a');
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(stored[0]!.prevHash).toBeNull();
      expect(stored[1]!.prevHash).toBe(stored[0]!.hash);
      expect(stored[2]!.prevHash).toBe(stored[1]!.hash);
      for (const e of stored) expect(e.hash).toBe(hashEvent(e));
    });

    it('stores ids in lower case and data as its JSON value, so that a read-back event hashes the same', async () => {
      const upper = { ...event('WorkshopPlanned', { at: new Date('2023-04-12T09:00:00.000Z'), dropped: undefined }), id: randomUUID().toUpperCase() };

      await sut.append('workshop-a', [upper], 'no-stream');

      const [stored] = await sut.readStream('workshop-a');
      expect(stored!.id).toBe(upper.id.toLowerCase());
      expect(stored!.data).toEqual({ at: '2023-04-12T09:00:00.000Z' });
      expect(stored!.hash).toBe(hashEvent(stored!));
      expect(await sut.findByIds('workshop-a', [upper.id])).toHaveLength(1);
    });
  });

  describe('expected revision', () => {
    it.each<[string, ExpectedRevision, boolean, number | 'no-stream']>([
      ['no-stream on an absent stream', 'no-stream', false, 'no-stream'],
      ['exists on an existing stream', 'exists', true, 0],
      ['any on an absent stream', 'any', false, 'no-stream'],
      ['any on an existing stream', 'any', true, 0],
      ['the head revision', 0, true, 0],
    ])('allows %s', async (_label, expected, existing) => {
      if (existing) await sut.append('s-1', [event()], 'no-stream');

      const result = await sut.append('s-1', [event()], expected);

      expect(result).toMatchObject({ revision: existing ? 1 : 0, duplicate: false });
    });

    it.each<[string, ExpectedRevision, boolean, number | 'no-stream']>([
      ['no-stream on an existing stream', 'no-stream', true, 0],
      ['exists on an absent stream', 'exists', false, 'no-stream'],
      ['a stale revision', 3, true, 0],
      ['a revision on an absent stream', 0, false, 'no-stream'],
    ])('refuses %s with WrongExpectedRevisionError carrying the actual revision', async (_label, expected, existing, actual) => {
      if (existing) await sut.append('s-1', [event()], 'no-stream');
      const before = storage.events.length;

      const error = await rejection(sut.append('s-1', [event()], expected));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream: 's-1', expected, actual });
      expect(storage.events).toHaveLength(before);
    });

    it('refuses an expected revision that is not one', async () => {
      await expect(sut.append('s-1', [event()], -1)).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(sut.append('s-1', [event()], 1.5)).rejects.toBeInstanceOf(InvalidAppendError);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated append with the original result and writes nothing', async () => {
      const batch = [event(), event()];
      const first = await sut.append('s-1', batch, 'no-stream');

      // A retry after success: the caller still sends its old expectation.
      const again = await sut.append('s-1', batch, 'no-stream');

      expect(again).toEqual({ ...first, duplicate: true });
      expect(storage.events).toHaveLength(2);
      expect(storage.appendCalls).toBe(1);
    });

    it('refuses a batch that mixes stored ids with new ones, naming the stored ones', async () => {
      const stored = event();
      await sut.append('s-1', [stored], 'no-stream');

      const error = await rejection(sut.append('s-1', [stored, event()], 'any'));

      expect(error).toBeInstanceOf(EventIdConflictError);
      expect((error as EventIdConflictError).eventIds).toEqual([stored.id]);
      expect(storage.events).toHaveLength(1);
    });

    it('passes on the storage conflict when an id is stored in another stream', async () => {
      const reused = event();
      await sut.append('s-1', [reused], 'no-stream');

      await expect(sut.append('s-2', [reused], 'no-stream')).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await sut.readStream('s-2')).toEqual([]);
    });
  });

  describe('when another writer moves the head between the check and the write', () => {
    function intruder(times: number): void {
      const other = new ChainedEventStore(storage);
      let intrusions = 0;
      storage.beforeAppend = async (stream) => {
        if (intrusions >= times) return;
        intrusions += 1;
        await other.append(stream, [event('IntruderWrote')], 'any');
      };
    }

    it("retries an 'any' append and links it after the intruder's event", async () => {
      await sut.append('s-1', [event()], 'no-stream');
      intruder(2);

      const result = await sut.append('s-1', [event('Mine')], 'any');

      const stored = await sut.readStream('s-1');
      expect(stored.map((e) => e.type)).toEqual(['ParticipantRegistered', 'IntruderWrote', 'IntruderWrote', 'Mine']);
      expect(result.revision).toBe(3);
      expect(stored[3]!.prevHash).toBe(stored[2]!.hash);
    });

    it("retries an 'exists' append while the stream still exists", async () => {
      await sut.append('s-1', [event()], 'no-stream');
      intruder(1);

      await expect(sut.append('s-1', [event('Mine')], 'exists')).resolves.toMatchObject({ revision: 2 });
    });

    it('does not retry an exact revision: the caller decided on a state that is gone', async () => {
      await sut.append('s-1', [event()], 'no-stream');
      intruder(1);

      const error = await rejection(sut.append('s-1', [event('Mine')], 0));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 0, actual: 1 });
      expect((await sut.readStream('s-1')).map((e) => e.type)).toEqual(['ParticipantRegistered', 'IntruderWrote']);
    });

    it('gives up after maxAttempts', async () => {
      sut = new ChainedEventStore(storage, { maxAttempts: 3, retryJitterMs: 0 });
      intruder(100);

      await expect(sut.append('s-1', [event('Mine')], 'any')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      // Three attempts of ours, three intruder appends in between.
      expect(storage.events.map((e) => e.type)).toEqual(['IntruderWrote', 'IntruderWrote', 'IntruderWrote']);
    });

    it('answers duplicate when the intruder was an identical retry of the same append', async () => {
      const batch = [event(), event()];
      const other = new ChainedEventStore(storage);
      storage.beforeAppend = async (stream) => {
        await other.append(stream, batch, 'no-stream');
      };

      const result = await sut.append('s-1', batch, 'no-stream');

      expect(result).toMatchObject({ revision: 1, duplicate: true });
      expect(storage.events).toHaveLength(2);
    });
  });

  it('serialises concurrent appends to one stream inside the process (no wasted attempts)', async () => {
    await Promise.all(Array.from({ length: 10 }, () => sut.append('s-1', [event()], 'any')));

    expect((await sut.readStream('s-1')).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(storage.appendCalls).toBe(10);
  });

  describe('an empty append', () => {
    it('writes nothing and answers the head', async () => {
      const last = await sut.append('s-1', [event(), event()], 'no-stream');

      const result = await sut.append('s-1', [], 1);

      expect(result).toEqual({ stream: 's-1', revision: 1, position: last.position, duplicate: false });
      expect(storage.appendCalls).toBe(1);
    });

    it('still honours the expected revision', async () => {
      await expect(sut.append('s-1', [], 'exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(sut.append('s-1', [], 'no-stream')).resolves.toMatchObject({ revision: -1, duplicate: false });
    });
  });

  describe('validation (nothing is written)', () => {
    const cases: [string, string, () => EventToAppend[]][] = [
      ['an id that is not a UUID', 's-1', () => [{ ...event(), id: 'not-a-uuid' }]],
      ['the same id twice', 's-1', () => {
        const e = event();
        return [e, { ...e }];
      }],
      ['an empty type', 's-1', () => [{ ...event(), type: '' }]],
      ['a $ type', 's-1', () => [{ ...event(), type: '$metadata' }]],
      ['a $ stream', '$all', () => [event()]],
      ['NaN in data', 's-1', () => [event('X', { n: Number.NaN })]],
      ['missing metadata fields', 's-1', () => {
        const e = event();
        const { correlationId: _dropped, ...metadata } = e.metadata;
        return [{ ...e, metadata: metadata as EventToAppend['metadata'] }];
      }],
      ['an unknown metadata field', 's-1', () => {
        const e = event();
        return [{ ...e, metadata: { ...e.metadata, extra: 1 } as EventToAppend['metadata'] }];
      }],
      ['a recordedAt that is not a date', 's-1', () => {
        const e = event();
        return [{ ...e, metadata: { ...e.metadata, recordedAt: 'yesterday' } }];
      }],
      ['a schemaVersion of 0', 's-1', () => {
        const e = event();
        return [{ ...e, metadata: { ...e.metadata, schemaVersion: 0 } }];
      }],
    ];

    it.each(cases)('refuses %s', async (_label, stream, events) => {
      await expect(sut.append(stream, events(), 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      expect(storage.appendCalls).toBe(0);
    });

    it('accepts a causationId that is a string', async () => {
      const e = event();
      await sut.append('s-1', [{ ...e, metadata: { ...e.metadata, causationId: randomUUID() } }], 'any');
      expect(storage.events).toHaveLength(1);
    });
  });
});
