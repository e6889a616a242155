import { verdict, toMarker, idStream, type Claim, type ClaimState } from './kurrentdb-id-index';

// The id index's decisions, pure: what an append does about an id another claim holds, in each state of that claim.
// Whether the server keeps its side (one winner per marker write, one copy of a same-ids same-revision append) is the
// contract suite's, against a real KurrentDB.
describe('KurrentDB id index', () => {
  const ids = ['a0', 'a1'];
  const wanted: Claim = { stream: 'workshop-1', first: 7, ids };
  const stored: ClaimState = { state: 'stored', events: [] };
  const free: ClaimState = { state: 'free', head: 6 };

  it.each([
    ['a stored claim (a retry: answered from the stored events)', wanted, stored, 'conflict'],
    ['a stored claim of another batch', { ...wanted, ids: ['a0'] }, stored, 'conflict'],
    ['a claim whose revisions were deleted', wanted, { state: 'gone' }, 'conflict'],
    ['another append in flight with one of the ids', { ...wanted, ids: ['a0', 'b1'] }, free, 'conflict'],
    ['the same ids in flight for another stream', { ...wanted, stream: 'workshop-2' }, free, 'conflict'],
    ['the same append in flight at the same revision (a twin)', wanted, free, 'adopt'],
    ['the same append claimed on a head not seen here', { ...wanted, first: 9 }, free, 'stale-head'],
    ['a claim that lost its revision to other events', { ...wanted, ids: ['z'] }, { state: 'void' }, 'take-over'],
    ['an earlier attempt of this append that lost its revision', { ...wanted, first: 3 }, { state: 'void' }, 'take-over'],
  ] as [string, Claim, ClaimState, string][])('%s: %s', (_label, holder, found, expected) => {
    expect(verdict(holder, found, wanted)).toBe(expected);
  });

  it('reads claims and pointers back from marker events, and nothing from a malformed one', () => {
    expect(toMarker('KuhinaIdClaim', { stream: 's', first: 3, ids: ['x', 'y'] }, 2n)).toEqual({ kind: 'claim', revision: 2n, claim: { stream: 's', first: 3, ids: ['x', 'y'] } });
    expect(toMarker('KuhinaIdPointer', { batch: 'x', claim: 2 }, 0n)).toEqual({ kind: 'pointer', revision: 0n, batch: 'x', claimRevision: 2 });
    expect(toMarker('KuhinaIdClaim', { stream: 's', first: '3', ids: ['x'] }, 0n)).toBeNull();
    expect(toMarker('Other', { batch: 'x', claim: 2 }, 0n)).toBeNull();
  });

  it('keeps markers in `$` streams, which every read of user streams leaves out, one per lower-case id', () => {
    expect(idStream('2F1C1D9E-8D7C-4A8E-9F57-2A0E5F6B7C10')).toBe('$kuhina-id-2f1c1d9e-8d7c-4a8e-9f57-2a0e5f6b7c10');
  });
});
