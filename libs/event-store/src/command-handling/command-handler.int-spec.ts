import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNever, conflict, type Decider, type DomainCommand, type DomainEvent } from '@kuhina/domain';
import { ChainedEventStore } from '../chain/chained-event-store';
import { WrongExpectedRevisionError, type EventStore, type EventToAppend } from '../event-store.port';
import { SqliteEventStorage } from '../sqlite/sqlite-event-storage';
import { CommandHandler, type CommandContext } from './command-handler';
import { deriveEventId } from './derive-event-id';

// A tiny aggregate of our own keeps these tests about the generic handler, not about a domain rule.
type CounterCommand = DomainCommand<'Open', { id: string }> | DomainCommand<'Add', { by: number }> | DomainCommand<'Close', Record<string, never>>;
type CounterEvent = DomainEvent<'Opened', { id: string }> | DomainEvent<'Added', { by: number }> | DomainEvent<'Closed', Record<string, never>>;
type CounterState = { status: 'empty' } | { status: 'open'; total: number } | { status: 'closed'; total: number };
const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: { status: 'empty' },
  decide(command, state) {
    switch (command.type) {
      case 'Open':
        return state.status === 'empty' ? [{ type: 'Opened', data: { id: command.data.id } }] : [];
      case 'Add':
        if (state.status !== 'open') throw conflict('COUNTER.NOT_OPEN', 'Counter is not open');
        return [{ type: 'Added', data: { by: command.data.by } }];
      case 'Close':
        return state.status === 'open' ? [{ type: 'Closed', data: {} }] : [];
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Opened':
        return { status: 'open', total: 0 };
      case 'Added':
        return state.status === 'open' ? { status: 'open', total: state.total + event.data.by } : state;
      case 'Closed':
        return state.status === 'open' ? { status: 'closed', total: state.total } : state;
      default:
        return assertNever(event);
    }
  },
};

const at = '2023-04-19T10:00:00.000Z';
const open: CounterCommand = { type: 'Open', data: { id: 'c' }, at };
const add = (by: number): CounterCommand => ({ type: 'Add', data: { by }, at });
const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({ commandId: randomUUID(), actor: 'office', correlationId: randomUUID(), ...over });

/** Counts what the handler asks of a real store. */
function counting(store: EventStore) {
  const calls = { readStream: 0, eventsRead: 0, append: 0 };
  const proxy: EventStore = {
    append: (s, e, x) => {
      calls.append++;
      return store.append(s, e, x);
    },
    readStream: async (s, o) => {
      calls.readStream++;
      const events = await store.readStream(s, o);
      calls.eventsRead += events.length;
      return events;
    },
    readAll: (a, m) => store.readAll(a, m),
    streamHead: (s) => store.streamHead(s),
    findByIds: (s, ids) => store.findByIds(s, ids),
    findEvent: (id) => store.findEvent(id),
    headPosition: () => store.headPosition(),
    subscribe: (l) => store.subscribe(l),
    close: () => store.close(),
  };
  return { proxy, calls };
}

describe('CommandHandler over a real SQLite event store', () => {
  let dir: string;
  let storage: SqliteEventStorage;
  let store: ChainedEventStore;
  const clock = () => new Date('2026-11-27T08:00:00.000Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-handler-'));
    storage = new SqliteEventStorage({ file: join(dir, 'events.db') });
    store = new ChainedEventStore(storage);
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with full metadata and derived ids, and answers revision and position', async () => {
    const sut = new CommandHandler(store, { clock });
    const context = ctx({ actor: 'office-key', correlationId: 'req-1' });

    const result = await sut.handle(counter, 'counter-1', open, context);

    const [stored] = await store.readStream('counter-1');
    expect(result).toMatchObject({ stream: 'counter-1', revision: 0, position: stored!.position, duplicate: false, state: { status: 'open', total: 0 } });
    expect(stored).toMatchObject({
      id: deriveEventId(context.commandId, 'counter-1', 0),
      type: 'Opened',
      data: { id: 'c' },
      metadata: { occurredAt: at, recordedAt: '2026-11-27T08:00:00.000Z', actor: 'office-key', correlationId: 'req-1', causationId: context.commandId, schemaVersion: 1 },
    });
  });

  it('dates a command without `at` by its `timed` option, from the state the decision sees and the recording time; a retry answers the first date', async () => {
    const sut = new CommandHandler(store, { clock });
    await sut.handle(counter, 'counter-1', open, ctx());
    const seen: Array<{ state: CounterState; recordedAt: string }> = [];
    const context = ctx();
    // E.g. a workshop's fact dated by the workshop: here, a date that depends on the total so far.
    const options = {
      timed: (state: CounterState, recordedAt: string): CounterCommand => {
        seen.push({ state, recordedAt });
        return { type: 'Add', data: { by: 2 }, at: state.status === 'open' && state.total === 0 ? '2024-03-14T07:00:00.000Z' : recordedAt };
      },
    };

    const result = await sut.handle(counter, 'counter-1', { type: 'Add', data: { by: 2 } }, context, options);
    const retry = await sut.handle(counter, 'counter-1', { type: 'Add', data: { by: 2 } }, context, options);

    const [, added] = await store.readStream('counter-1');
    expect(seen).toEqual([{ state: { status: 'open', total: 0 }, recordedAt: '2026-11-27T08:00:00.000Z' }]);
    expect(added!.metadata).toMatchObject({ occurredAt: '2024-03-14T07:00:00.000Z', recordedAt: '2026-11-27T08:00:00.000Z' });
    expect(result.occurredAt).toBe('2024-03-14T07:00:00.000Z');
    expect(retry).toMatchObject({ duplicate: true, occurredAt: '2024-03-14T07:00:00.000Z' });
  });

  it('refuses, as a programming error, a command with neither `at` nor `timed`', async () => {
    const sut = new CommandHandler(store, { clock });

    await expect(sut.handle(counter, 'counter-1', { type: 'Open', data: { id: 'c' } }, ctx())).rejects.toThrow(/no business time/);
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('answers a retried command (same command id) with the first result and appends nothing — also from a fresh handler after a restart', async () => {
    const context = ctx();
    await new CommandHandler(store, { clock }).handle(counter, 'counter-1', open, ctx());
    const first = await new CommandHandler(store, { clock }).handle(counter, 'counter-1', add(5), context);

    const retry = await new CommandHandler(store, { clock }).handle(counter, 'counter-1', add(5), context);

    expect(retry).toMatchObject({ duplicate: true, revision: first.revision, position: first.position, events: first.events });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('does not re-read a 10,000-event stream for the next command: state comes from its cache', async () => {
    const events: EventToAppend[] = [];
    const meta = { occurredAt: at, recordedAt: at, actor: 'seed', correlationId: 'seed', causationId: null, schemaVersion: 1 };
    events.push({ id: randomUUID(), type: 'Opened', data: { id: 'c' }, metadata: meta });
    for (let i = 1; i < 10_000; i++) events.push({ id: randomUUID(), type: 'Added', data: { by: 1 }, metadata: meta });
    for (let i = 0; i < events.length; i += 1000) await store.append('counter-big', events.slice(i, i + 1000), i === 0 ? 'no-stream' : i - 1);
    const { proxy, calls } = counting(store);
    const sut = new CommandHandler(proxy, { clock });

    await sut.handle(counter, 'counter-big', add(1), ctx());
    const afterFirst = { ...calls };
    await sut.handle(counter, 'counter-big', add(1), ctx());
    await sut.handle(counter, 'counter-big', add(1), ctx());

    expect(afterFirst.eventsRead).toBe(10_000); // the first command loads the stream once
    expect(calls.readStream).toBe(afterFirst.readStream); // the next ones read nothing more
    expect(calls.append).toBe(3);
    expect((await sut.load(counter, 'counter-big')).state).toEqual({ status: 'open', total: 9_999 + 3 });
  });

  it('on a concurrent write by another process, catches up and decides again (reading only the new events)', async () => {
    const mine = counting(store);
    const sut = new CommandHandler(mine.proxy, { clock });
    const other = new CommandHandler(new ChainedEventStore(new SqliteEventStorage({ file: join(dir, 'events.db') })), { clock });
    await sut.handle(counter, 'counter-1', open, ctx());
    await other.handle(counter, 'counter-1', add(10), ctx());
    const readBefore = mine.calls.eventsRead;

    const result = await sut.handle(counter, 'counter-1', add(1), ctx());

    expect(result).toMatchObject({ revision: 2, state: { status: 'open', total: 11 } });
    expect(mine.calls.eventsRead - readBefore).toBe(1); // only the other process's event
  });

  it('confirms a refusal against the store before giving it: a stale cache does not refuse wrongly', async () => {
    const sut = new CommandHandler(store, { clock });
    const other = new CommandHandler(new ChainedEventStore(new SqliteEventStorage({ file: join(dir, 'events.db') })), { clock });
    await expect(sut.handle(counter, 'counter-1', add(1), ctx())).rejects.toMatchObject({ code: 'COUNTER.NOT_OPEN' });
    await other.handle(counter, 'counter-1', open, ctx());

    const result = await sut.handle(counter, 'counter-1', add(1), ctx());

    expect(result.state).toEqual({ status: 'open', total: 1 });
  });

  it('gives up after a bounded number of attempts when the stream keeps moving', async () => {
    const { proxy, calls } = counting(store);
    const alwaysConflicting: EventStore = {
      ...proxy,
      append: async (stream, events, expected) => {
        calls.append++;
        throw new WrongExpectedRevisionError(stream, expected, 99);
      },
    };
    const sut = new CommandHandler(alwaysConflicting, { clock, maxRetries: 3 });

    await expect(sut.handle(counter, 'counter-1', open, ctx())).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(calls.append).toBe(4); // the first try and 3 retries
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('refuses a stale If-Match revision with WrongExpectedRevisionError and appends nothing', async () => {
    const sut = new CommandHandler(store, { clock });
    await sut.handle(counter, 'counter-1', open, ctx());
    await sut.handle(counter, 'counter-1', add(1), ctx());

    await expect(sut.handle(counter, 'counter-1', add(1), ctx({ expectedRevision: 0 }))).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 1 });
    const accepted = await sut.handle(counter, 'counter-1', add(1), ctx({ expectedRevision: 1 }));

    expect(accepted.revision).toBe(2);
    expect(await store.readStream('counter-1')).toHaveLength(3);
  });

  it('answers a command that decides nothing without appending', async () => {
    const sut = new CommandHandler(store, { clock });
    const opened = await sut.handle(counter, 'counter-1', open, ctx());

    const again = await sut.handle(counter, 'counter-1', open, ctx());

    expect(again).toMatchObject({ events: [], revision: 0, position: opened.position, duplicate: false });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });
});
