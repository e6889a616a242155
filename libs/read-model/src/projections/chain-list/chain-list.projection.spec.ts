import { ProjectionSpec, recorded } from '@kuhina/testing';
import { CHAIN, OTHER_CHAIN, PORI, RAUMA, addedToChain, chainStarted, workshopPlanned } from '../workshop-chain/chain-events.spec-helper';
import { chainListProjection as sut } from './chain-list.projection';
import type { ChainListView } from './chain-list.view';

const listed: Omit<ChainListView, 'lastPosition'> = {
  chainId: CHAIN,
  name: 'Sosiaalisten innovaatioiden työpajaketju 2023',
  fundingProgramme: 'ESF+ 2021–2027',
  esfOperationId: 'S30123',
  periodStart: '2023-03-01',
  periodEnd: '2023-12-31',
  status: 'active',
  workshopCount: 0,
};

describe('chain-list projection', () => {
  it('ChainStarted: lists the chain, sorted by period start then name', async () => {
    const when = chainStarted();
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then((view, outcome) => {
        expect(view).toEqual({ ...listed, lastPosition: when.position.toString() });
        expect(outcome.putOptions.get(CHAIN)).toEqual({ sortKey: '2023-03-01 Sosiaalisten innovaatioiden työpajaketju 2023' });
      });
  });

  it('ChainDetailsUpdated: changes only the fields it carries', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted()])
      .when(recorded('ChainDetailsUpdated', { chainId: CHAIN, periodEnd: '2024-02-29', name: 'Työpajaketju 2023–2024', at: '2023-11-01T09:00:00+02:00' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ ...listed, name: 'Työpajaketju 2023–2024', periodEnd: '2024-02-29' });
        expect(outcome.putOptions.get(CHAIN)?.sortKey).toBe('2023-03-01 Työpajaketju 2023–2024');
      });
  });

  it('WorkshopAddedToChain: counts the workshops', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted(), workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0), workshopPlanned(PORI, CHAIN)])
      .when(addedToChain(CHAIN, PORI, 1))
      .then((view) => expect(view?.workshopCount).toBe(2));
  });

  it('ChainClosed: marks the chain closed', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted(), addedToChain(CHAIN, RAUMA, 0)])
      .when(recorded('ChainClosed', { chainId: CHAIN, reason: 'Operation ended', at: '2024-01-15T09:00:00+02:00' }))
      .then((view) => expect(view).toMatchObject({ status: 'closed', workshopCount: 1 }));
  });

  it('idempotent if applied twice', async () => {
    // The helper also re-projects the `when` event without the position guard: the count must not grow.
    const given = [chainStarted(), addedToChain(CHAIN, RAUMA, 0)];
    const when = addedToChain(CHAIN, PORI, 1);
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then({ ...listed, workshopCount: 2, lastPosition: when.position.toString() });
  });

  it('ChainStarted following another chain: lists which one it follows', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted()])
      .when(chainStarted(OTHER_CHAIN, { name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', followsChainId: CHAIN }))
      .then((view) => expect(view).toMatchObject({ chainId: OTHER_CHAIN, followsChainId: CHAIN }));
  });

  it('an event for a chain never started lists nothing', async () => {
    await ProjectionSpec.for(sut).given([]).when(addedToChain(OTHER_CHAIN, RAUMA, 0)).thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut).given([chainStarted()]).when(workshopPlanned(RAUMA, CHAIN)).thenNothingChanges();
  });

  it('another chain is listed apart', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted()])
      .when(chainStarted(OTHER_CHAIN, { name: 'Ketju 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' }))
      .then((_view, outcome) => {
        expect([...outcome.documents.keys()].sort()).toEqual([CHAIN, OTHER_CHAIN].sort());
        expect(outcome.documents.get(CHAIN)?.name).toBe(listed.name);
        expect(outcome.putOptions.get(OTHER_CHAIN)?.sortKey).toBe('2024-01-01 Ketju 2024');
      });
  });
});
