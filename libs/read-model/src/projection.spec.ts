import type { RecordedEvent } from '@kuhina/event-store';
import { alreadyApplied, asIdMap, copyJson, idMap, lookupThen, mutatorProjection, eventPositionText, type ViewLookup } from './projection';
import type { ViewDocument } from './read-store.port';

const at = (position: bigint, data: Record<string, unknown> = {}): RecordedEvent =>
  ({ id: `e${position}`, stream: 's', revision: 0, position, type: 'Counted', data, metadata: {}, prevHash: null, hash: 'h' }) as unknown as RecordedEvent;

describe('copyJson', () => {
  it('copies every level, so changing the copy leaves the original as it was', () => {
    const original = { a: { b: [1, { c: 'x' }] }, d: null, e: true };
    const sut = copyJson(original);
    (sut.a.b[1] as { c: string }).c = 'changed';
    (sut.a.b as unknown[]).push(2);

    expect(original).toEqual({ a: { b: [1, { c: 'x' }] }, d: null, e: true });
    expect(sut).toEqual({ a: { b: [1, { c: 'changed' }, 2] }, d: null, e: true });
  });

  it('keeps an idMap an idMap (and a plain object plain)', () => {
    const sut = copyJson({ ids: idMap({ x: 1 }), plain: { y: 2 } });
    expect(Object.getPrototypeOf(sut.ids)).toBeNull();
    expect(Object.getPrototypeOf(sut.plain)).toBe(Object.prototype);
  });
});

describe('idMap / asIdMap', () => {
  it('makes maps with no prototype that JSON writes as plain objects, keeping ids such as __proto__ as keys', () => {
    const sut = idMap<number>({ b: 2 });
    sut['__proto__'] = 1;

    expect(Object.getPrototypeOf(sut)).toBeNull();
    expect(JSON.parse(JSON.stringify(sut))).toEqual(JSON.parse('{"b":2,"__proto__":1}'));
  });

  it('asIdMap copies a plain (parsed) map once and returns an idMap as it is', () => {
    const parsed = JSON.parse('{"x":1,"y":2}') as Record<string, number>;
    const sut = asIdMap(parsed);

    expect(sut).not.toBe(parsed);
    expect({ ...sut }).toEqual({ x: 1, y: 2 });
    expect(asIdMap(sut)).toBe(sut);
  });
});

describe('eventPositionText / alreadyApplied', () => {
  it('gives the decimal position, beyond the safe integers too', () => {
    expect(eventPositionText(at(42n))).toBe('42');
    expect(eventPositionText(at(9_007_199_254_740_993n))).toBe('9007199254740993');
  });

  it('never answers from its one-entry cache for another position, even of the same event object', () => {
    const event = at(7n);
    expect(eventPositionText(event)).toBe('7');
    (event as { position: bigint }).position = 8n;
    expect(eventPositionText(event)).toBe('8');
  });

  it('tells events at or before the last position from later ones, across digit counts and the -1 of an empty view', () => {
    const view = (lastPosition: string) => ({ lastPosition });
    expect(alreadyApplied(view('100'), at(100n))).toBe(true);
    expect(alreadyApplied(view('100'), at(99n))).toBe(true);
    expect(alreadyApplied(view('100'), at(101n))).toBe(false);
    expect(alreadyApplied(view('99'), at(100n))).toBe(false);
    expect(alreadyApplied(view('100'), at(20n))).toBe(true);
    expect(alreadyApplied(view('-1'), at(0n))).toBe(false);
    expect(alreadyApplied(view('0'), at(0n))).toBe(true);
    expect(alreadyApplied(undefined, at(1n))).toBe(false);
  });
});

describe('lookupThen', () => {
  const doc = { chainId: 'c-1' };
  it('answers synchronously when the lookup has the document at hand (peek)', () => {
    const lookup: ViewLookup = { get: () => Promise.reject(new Error('not expected')), peek: <T extends ViewDocument>() => doc as unknown as T };
    expect(lookupThen<{ chainId: string }, string[]>(lookup, 'index', 'w-1', (entry) => (entry ? [entry.chainId] : []))).toEqual(['c-1']);
  });

  it('falls back to get when peek cannot tell (or there is no peek)', async () => {
    const lookup: ViewLookup = { get: <T extends ViewDocument>() => Promise.resolve(doc as unknown as T), peek: () => undefined };
    const sut = lookupThen<{ chainId: string }, string[]>(lookup, 'index', 'w-1', (entry) => (entry ? [entry.chainId] : []));
    expect(sut).toBeInstanceOf(Promise);
    expect(await sut).toEqual(['c-1']);
    expect(await lookupThen({ get: () => Promise.resolve(null) }, 'index', 'w-1', (entry) => entry)).toBeNull();
  });
});

describe('mutatorProjection', () => {
  type Counter = { key: string; seen: string[]; lastPosition: string };
  const sut = mutatorProjection<Counter>({
    name: 'counter',
    version: 1,
    collection: 'counters',
    eventTypes: ['Counted'],
    keysOf: () => ['k'],
    apply(draft, event, key) {
      if (alreadyApplied(draft, event)) return draft;
      const doc = draft ?? { key, seen: [], lastPosition: '-1' };
      doc.seen.push(event.id);
      doc.lastPosition = eventPositionText(event);
      return doc;
    },
  });

  it('derives a pure project: the view it is given (frozen here) is not changed', () => {
    const view = Object.freeze({ key: 'k', seen: Object.freeze(['e1']), lastPosition: '1' }) as Counter;
    const next = sut.project(view, at(2n), 'k');

    expect(next).toEqual({ key: 'k', seen: ['e1', 'e2'], lastPosition: '2' });
    expect(view.seen).toEqual(['e1']);
  });

  it('returns the very same view for an event it has seen, without a copy', () => {
    const view: Counter = { key: 'k', seen: ['e5'], lastPosition: '5' };
    expect(sut.project(view, at(5n), 'k')).toBe(view);
  });

  it('keeps apply, which changes the draft it is given', () => {
    const draft: Counter = { key: 'k', seen: [], lastPosition: '-1' };
    expect(sut.apply!(draft, at(3n), 'k')).toBe(draft);
    expect(draft.seen).toEqual(['e3']);
  });
});
