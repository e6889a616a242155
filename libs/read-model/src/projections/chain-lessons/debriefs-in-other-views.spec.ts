import type { RecordedEvent } from '@kuhina/event-store';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import type { Projection } from '../../projection';
import { networkProjection } from '../network';
import { workshopChainProjection } from '../workshop-chain';
import { CHAIN, RAUMA, addedToChain, chainStarted, workshopHeld, workshopPlanned } from '../workshop-chain/chain-events.spec-helper';
import { workshopChainIndexProjection } from '../workshop-chain-index';
import { workshopDetailProjection } from '../workshop-detail';

// The debrief events reach the views that take every workshop or chain event (workshop-chain, workshop-detail): they
// must change no figure there, only the positions and revisions those views keep (their ETags follow the streams).

const debrief = { whatWorked: 'The method', whatToDevelop: 'Outreach', lessons: [], authorRole: 'joint', heldOn: null, version: 1 };
const history = () => [chainStarted(), workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0), workshopHeld(RAUMA)];
const withoutPositions = (doc: Record<string, unknown> | undefined) => {
  const { lastPosition: _lastPosition, revision: _revision, ...rest } = doc ?? {};
  return rest;
};

/** The document of `key` after `events`, with the projections run as the projector runs them. */
async function viewAfter(projection: Projection, upstream: Projection[], events: RecordedEvent[], key: string): Promise<Record<string, unknown> | undefined> {
  let found: Record<string, unknown> | undefined;
  await ProjectionSpec.for(projection, { upstream })
    .given(events.slice(0, -1))
    .when(events[events.length - 1]!)
    .then((_view, outcome) => {
      found = outcome.documents.get(key) as Record<string, unknown> | undefined;
    });
  return found;
}

describe('debrief events in the views that take every workshop or chain event', () => {
  // Built after the history, in log order.
  const workshopDebrief = () => recorded('WorkshopDebriefRecorded', { workshopId: RAUMA, ...debrief, recordedAt: '2023-04-27T12:00:00Z' });
  const chainDebrief = () => recorded('ChainDebriefRecorded', { chainId: CHAIN, ...debrief, at: '2023-12-15T12:00:00Z' });

  it('the workshop-chain view: a workshop debrief and a chain debrief change nothing but positions and the revision', async () => {
    const given = history();
    const before = await viewAfter(workshopChainProjection, [workshopChainIndexProjection], given, CHAIN);
    const after = await viewAfter(workshopChainProjection, [workshopChainIndexProjection], [...given, workshopDebrief(), chainDebrief()], CHAIN);

    expect(before).toBeDefined();
    expect(withoutPositions(after)).toEqual(withoutPositions(before));
  });

  it('the workshop detail: a debrief only moves its revision', async () => {
    const given = history();
    const before = await viewAfter(workshopDetailProjection, [], given, RAUMA);
    const when = workshopDebrief();
    const after = await viewAfter(workshopDetailProjection, [], [...given, when], RAUMA);

    expect(before).toBeDefined();
    expect(withoutPositions(after)).toEqual(withoutPositions(before));
    expect(after?.revision).toBe(when.revision);
  });

  it('the network takes no debrief event', () => {
    expect(networkProjection.eventTypes).not.toContain('WorkshopDebriefRecorded');
    expect(networkProjection.eventTypes).not.toContain('ChainDebriefRecorded');
  });
});
