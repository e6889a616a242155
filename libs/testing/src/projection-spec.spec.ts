import { alreadyApplied, mutatorProjection, type Projection } from '@kuhina/read-model/projection';
import { ProjectionSpec, recorded } from './projection-spec';

// A tiny view to exercise the helper: votes per topic, facts kept by vote id.
type TallyView = { topic: string; votes: Record<string, number>; total: number; lastPosition: string };
type VoteData = { topic: string; voteId: string; points: number };

const tally: Projection<TallyView> = {
  name: 'tally',
  version: 1,
  collection: 'tallies',
  eventTypes: ['VoteCast'],
  keysOf: (event) => [(event.data as VoteData).topic],
  project(view, event, key) {
    if (view && event.position <= BigInt(view.lastPosition)) return view;
    const { voteId, points } = event.data as VoteData;
    const votes = { ...(view?.votes ?? {}), [voteId]: points };
    return { topic: key, votes, total: Object.values(votes).reduce((a, b) => a + b, 0), lastPosition: event.position.toString() };
  },
  indexesOf: (view) => ({ sortKey: view.topic }),
};

const vote = (voteId: string, points: number, topic = 'venue') => recorded('VoteCast', { topic, voteId, points });

// The same tally as a mutator: `apply` changes the draft it owns, `project` is derived from it.
const mutatorTally = mutatorProjection<TallyView>({
  name: 'tally',
  version: 1,
  collection: 'tallies',
  eventTypes: ['VoteCast'],
  keysOf: (event) => [(event.data as VoteData).topic],
  apply(view, event, key) {
    if (alreadyApplied(view, event)) return view;
    const { voteId, points } = event.data as VoteData;
    const draft = view ?? { topic: key, votes: {}, total: 0, lastPosition: '-1' };
    draft.total += points - (draft.votes[voteId] ?? 0);
    draft.votes[voteId] = points;
    draft.lastPosition = event.position.toString();
    return draft;
  },
});

// Voters per topic and in a shared 'all' document (a voter counted once); `voters` is the event's own array.
type VotersView = { voters: string[]; lastPosition: string };
type VotersData = { topic: string; voters: string[] };
const voters = (apply: (view: VotersView | undefined, data: VotersData, lastPosition: string) => VotersView): Projection<VotersView> => ({
  name: 'voters',
  version: 1,
  collection: 'voters',
  eventTypes: ['VotersCounted'],
  keysOf: (event) => [(event.data as VotersData).topic, 'all'],
  project: (view, event) => (view && alreadyApplied(view, event) ? view : apply(view && { ...view, voters: [...view.voters] }, event.data as VotersData, event.position.toString())),
  apply: (view, event) => (view && alreadyApplied(view, event) ? view : apply(view, event.data as VotersData, event.position.toString())),
});
const counted = (topic: string, ...names: string[]) => recorded('VotersCounted', { topic, voters: names });

describe('ProjectionSpec', () => {
  it('folds given and when and hands over the view the when event routed to', async () => {
    const given = [vote('v1', 2)];
    const when = vote('v2', 3);
    await ProjectionSpec.for(tally)
      .given(given)
      .when(when)
      .then({ topic: 'venue', votes: { v1: 2, v2: 3 }, total: 5, lastPosition: when.position.toString() });
  });

  it('gives the callback the keys, documents and put options', async () => {
    await ProjectionSpec.for(tally)
      .given([vote('v1', 1, 'catering')])
      .when(vote('v2', 1, 'venue'))
      .then((view, outcome) => {
        expect(view?.topic).toBe('venue');
        expect(outcome.keys).toEqual(['venue']);
        expect([...outcome.documents.keys()].sort()).toEqual(['catering', 'venue']);
        expect(outcome.putOptions.get('catering')).toEqual({ sortKey: 'catering' });
      });
  });

  it('fails when the view differs from the expected one', async () => {
    const given = [vote('v1', 2)];
    const when = vote('v2', 3);
    await expect(ProjectionSpec.for(tally).given(given).when(when).then({ topic: 'venue', votes: {}, total: 4, lastPosition: when.position.toString() })).rejects.toThrow();
  });

  it('fails a projection that counts an event twice when it is re-projected past the guard', async () => {
    const counting: Projection<TallyView> = {
      ...tally,
      project(view, event, key) {
        if (view && event.position <= BigInt(view.lastPosition)) return view;
        const { points } = event.data as VoteData;
        return { topic: key, votes: {}, total: (view?.total ?? 0) + points, lastPosition: event.position.toString() };
      },
    };
    const given = [vote('v1', 2)];
    await expect(ProjectionSpec.for(counting).given(given).when(vote('v2', 3)).then(() => undefined)).rejects.toThrow(/idempotent without the position guard/);
  });

  it('fails a projection without a position guard that counts a redelivered event', async () => {
    const unguarded: Projection<TallyView> = {
      ...tally,
      project(view, event, key) {
        const { points } = event.data as VoteData;
        return { topic: key, votes: {}, total: (view?.total ?? 0) + points, lastPosition: event.position.toString() };
      },
    };
    await expect(ProjectionSpec.for(unguarded).given([]).when(vote('v1', 3)).then(() => undefined)).rejects.toThrow(/idempotent if applied twice/);
  });

  it('fails a projection that mutates the view it is given', async () => {
    const mutating: Projection<TallyView> = {
      ...tally,
      project(view, event, key) {
        if (!view) return tally.project(view, event, key);
        view.total += 1;
        return view;
      },
    };
    const given = [vote('v1', 1)];
    await expect(ProjectionSpec.for(mutating).given(given).when(vote('v2', 1)).then(() => undefined)).rejects.toThrow(TypeError);
  });

  it('fails a document that is not plain JSON', async () => {
    const leaky = { ...tally, project: (_view: unknown, event: { position: bigint }) => ({ at: event.position, missing: undefined }) } as unknown as Projection;
    await expect(ProjectionSpec.for(leaky).given([]).when(vote('v1', 1)).then(() => undefined)).rejects.toThrow(/not plain JSON: document.at is bigint/);
  });

  it('runs a mutator projection through the same checks (apply on copies and on drafts kept through the history)', async () => {
    const given = [vote('v1', 2), vote('v2', 5)];
    const when = vote('v1', 4);
    await ProjectionSpec.for(mutatorTally)
      .given(given)
      .when(when)
      .then({ topic: 'venue', votes: { v1: 4, v2: 5 }, total: 9, lastPosition: when.position.toString() });
  });

  it('fails a projection whose apply does not give what its project gives', async () => {
    const disagreeing: Projection<TallyView> = {
      ...tally,
      apply: (view, event, key) => {
        const next = tally.project(view, event, key);
        return next && { ...next, total: next.total + 1 };
      },
    };
    await expect(ProjectionSpec.for(disagreeing).given([]).when(vote('v1', 1)).then(() => undefined)).rejects.toThrow(/apply on a private copy gives what project gives/);
  });

  it('fails a mutator that keeps the event\'s own objects in its drafts (two documents then share one array)', async () => {
    const aliasing = voters((view, data, lastPosition) => {
      if (!view) return { voters: data.voters, lastPosition };
      view.voters.push(...data.voters.filter((name) => !view.voters.includes(name)));
      view.lastPosition = lastPosition;
      return view;
    });
    await expect(ProjectionSpec.for(aliasing).given([counted('venue', 'ann')]).when(counted('catering', 'bob')).then(() => undefined)).rejects.toThrow(
      /apply on drafts kept through all events gives what project gives/,
    );
  });

  it('passes the same mutator once it copies what it keeps', async () => {
    const copying = voters((view, data, lastPosition) => {
      if (!view) return { voters: [...data.voters], lastPosition };
      view.voters.push(...data.voters.filter((name) => !view.voters.includes(name)));
      view.lastPosition = lastPosition;
      return view;
    });
    await ProjectionSpec.for(copying)
      .given([counted('venue', 'ann')])
      .when(counted('catering', 'bob'))
      .then((view, outcome) => {
        expect(view?.voters).toEqual(['bob']);
        expect(outcome.documents.get('venue')?.voters).toEqual(['ann']);
        expect(outcome.documents.get('all')?.voters).toEqual(['ann', 'bob']);
      });
  });

  it('refuses events out of log order', () => {
    const when = vote('v2', 1);
    const given = [vote('v1', 1)];
    expect(() => ProjectionSpec.for(tally).given(given).when(when)).toThrow(/log order/);
  });

  it('thenNothingChanges fails when the event changes a document', async () => {
    const given = [vote('v1', 1)];
    await expect(ProjectionSpec.for(tally).given(given).when(vote('v2', 1)).thenNothingChanges()).rejects.toThrow();
  });

  it('thenNothingChanges passes for an event type the projection does not handle', async () => {
    const given = [vote('v1', 1)];
    await ProjectionSpec.for(tally).given(given).when(recorded('VoteRetracted', { topic: 'venue', voteId: 'v1' })).thenNothingChanges();
  });

  it('runs upstream projections first, so keysOf can look up what they wrote for the same event', async () => {
    type TopicOwner = { topic: string; owner: string; lastPosition: string };
    const owners: Projection<TopicOwner> = {
      name: 'owners',
      version: 1,
      collection: 'owners',
      eventTypes: ['VoteCast'],
      keysOf: (event) => [(event.data as VoteData).voteId],
      project: (_view, event, key) => ({ topic: (event.data as VoteData).topic, owner: key, lastPosition: event.position.toString() }),
    };
    const byOwner: Projection<TallyView> = {
      ...tally,
      async keysOf(event, lookup) {
        const owner = await lookup.get<TopicOwner>('owners', (event.data as VoteData).voteId);
        return owner ? [`owner:${owner.owner}`] : [];
      },
    };
    await ProjectionSpec.for(byOwner, { upstream: [owners] })
      .given([])
      .when(vote('v9', 4))
      .then((view, outcome) => {
        expect(outcome.keys).toEqual(['owner:v9']);
        expect(view?.total).toBe(4);
        expect(outcome.collection('owners').get('v9')).toMatchObject({ topic: 'venue' });
      });
  });
});

describe('recorded', () => {
  it('hands out growing positions, per-stream revisions and a stream inferred from the event type', () => {
    const planned = recorded('WorkshopPlanned', { workshopId: 'w-1' });
    const held = recorded('WorkshopHeld', { workshopId: 'w-1', heldOn: '2023-04-20' });
    const started = recorded('ChainStarted', { chainId: 'c-1' });
    expect(held.position).toBe(planned.position + 1n);
    expect([planned.stream, planned.revision, held.stream, held.revision]).toEqual(['workshop-w-1', 0, 'workshop-w-1', 1]);
    expect(started.stream).toBe('chain-c-1');
    expect(recorded('SomethingElse', {}).stream).toBe('test-stream');
  });

  it('takes an explicit position and business time and continues after it', () => {
    const far = recorded('WorkshopHeld', { workshopId: 'w-2' }, { position: 10_000, occurredAt: '2023-04-20T16:00:00+03:00' });
    expect(far.position).toBe(10_000n);
    expect(far.metadata.occurredAt).toBe('2023-04-20T16:00:00+03:00');
    expect(recorded('WorkshopHeld', { workshopId: 'w-2' }).position).toBe(10_001n);
  });
});
