import { ProjectionSpec, recorded } from '@kuhina/testing';
import { CHAIN, KEMI, OTHER_CHAIN, PORI, RAUMA, addedToChain, chainStarted, registered, uuid, workshopPlanned } from '../workshop-chain/chain-events.spec-helper';
import { workshopChainIndexProjection as sut } from './workshop-chain-index.projection';

describe('workshop-chain-index projection', () => {
  it('WorkshopPlanned with a chain: routes the workshop to that chain, order not known yet', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted()])
      .when(workshopPlanned(RAUMA, CHAIN))
      .then((view) => expect(view).toEqual({ workshopId: RAUMA, chainId: CHAIN, order: null, lastPosition: expect.any(String) }));
  });

  it('WorkshopAddedToChain: records the order the chain gave', async () => {
    const added = () => addedToChain(CHAIN, PORI, 1);
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(PORI, CHAIN)])
      .when(added())
      .then((view, outcome) => {
        expect(view).toMatchObject({ workshopId: PORI, chainId: CHAIN, order: 1 });
        // Listing a chain's workshops by the index gives chain order.
        expect(outcome.putOptions.get(PORI)).toEqual({ indexes: { chainId: CHAIN }, sortKey: '000001' });
      });
  });

  it('WorkshopAddedToChain for a workshop planned without a chain creates the entry', async () => {
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(KEMI, null)])
      .when(addedToChain(OTHER_CHAIN, KEMI, 0))
      .then({ workshopId: KEMI, chainId: OTHER_CHAIN, order: 0, lastPosition: expect.any(String) });
  });

  it('a repeated plan does not forget the order the chain gave', async () => {
    const given = [workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0)];
    const when = recorded('WorkshopPlanned', given[0].data);
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then((view) => expect(view).toEqual({ workshopId: RAUMA, chainId: CHAIN, order: 0, lastPosition: when.position.toString() }));
  });

  it('idempotent if applied twice', async () => {
    // The helper re-delivers the `when` event and re-projects it without the position guard; the document stays the same.
    const given = [workshopPlanned(RAUMA, CHAIN)];
    const when = addedToChain(CHAIN, RAUMA, 0);
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then({ workshopId: RAUMA, chainId: CHAIN, order: 0, lastPosition: when.position.toString() });
  });

  it('an older event delivered again changes nothing (position guard)', () => {
    const planned = workshopPlanned(RAUMA, CHAIN);
    const added = addedToChain(CHAIN, RAUMA, 0);
    const view = sut.project(sut.project(undefined, planned, RAUMA), added, RAUMA);
    expect(sut.project(view, planned, RAUMA)).toBe(view);
  });

  it('a workshop planned without a chain is not indexed', async () => {
    await ProjectionSpec.for(sut).given([]).when(workshopPlanned(KEMI, null)).thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0)])
      .when(registered(RAUMA, uuid('b0000000', 1), uuid('e0000000', 1), null))
      .thenNothingChanges();
  });
});
