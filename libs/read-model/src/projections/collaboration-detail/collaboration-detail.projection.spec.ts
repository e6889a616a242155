import { ProjectionSpec, recorded } from '@kuhina/testing';
import { CHAIN, ORG, RAUMA, chainStarted } from '../workshop-chain/chain-events.spec-helper';
import { collaborationDetailProjection as sut } from './collaboration-detail.projection';
import type { CollaborationDetailView } from './collaboration-detail.view';

const BENCH = 'c1000000-0000-4000-8000-000000000001';
const OTHER = 'c1000000-0000-4000-8000-000000000002';

const recordedCollaboration = (collaborationId = BENCH, sparkedByWorkshopId: string | null = RAUMA) =>
  recorded('CollaborationRecorded', {
    collaborationId,
    organizationIds: [ORG.pori, ORG.rauma],
    sparkedByWorkshopId,
    title: 'Penkkikahvilat',
    description: 'Bench cafés in Satakunta',
    startedOn: '2023-09-01',
    at: '2023-09-01T09:00:00+03:00',
  });

const partnerAdded = (organizationId: string) => recorded('CollaborationPartnerAdded', { collaborationId: BENCH, organizationId, joinedOn: '2023-10-01', at: '2023-10-01T09:00:00+03:00' });

const recordedView = (over: Partial<CollaborationDetailView>): CollaborationDetailView => ({
  collaborationId: BENCH,
  title: 'Penkkikahvilat',
  description: 'Bench cafés in Satakunta',
  status: 'active',
  organizationIds: [ORG.pori, ORG.rauma],
  foundingOrganizationIds: [ORG.pori, ORG.rauma],
  sparkedByWorkshopId: RAUMA,
  startedOn: '2023-09-01',
  recordedAt: '2023-09-01T09:00:00+03:00',
  endedOn: null,
  outcome: null,
  revision: 0,
  lastPosition: '',
  ...over,
});

describe('collaboration-detail projection', () => {
  it('CollaborationRecorded shows the founding partners, the sparking workshop and the revision', async () => {
    const when = recordedCollaboration();
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then(recordedView({ revision: when.revision, lastPosition: when.position.toString() }));
  });

  it('CollaborationPartnerAdded appends the partner after the founders; the founders stay as recorded', async () => {
    const first = recordedCollaboration();
    await ProjectionSpec.for(sut)
      .given([first])
      .when(partnerAdded(ORG.coaching))
      .then((view) => {
        expect(view?.organizationIds).toEqual([ORG.pori, ORG.rauma, ORG.coaching]);
        expect(view?.foundingOrganizationIds).toEqual([ORG.pori, ORG.rauma]);
        expect(view?.revision).toBe(first.revision + 1);
      });
  });

  it('CollaborationDetailsUpdated changes only the fields it carries', async () => {
    await ProjectionSpec.for(sut)
      .given([recordedCollaboration()])
      .when(recorded('CollaborationDetailsUpdated', { collaborationId: BENCH, description: '', at: '2023-11-01T09:00:00+02:00' }))
      .then((view) => expect(view).toMatchObject({ title: 'Penkkikahvilat', description: '' }));
  });

  it('CollaborationEnded records the end and the outcome', async () => {
    await ProjectionSpec.for(sut)
      .given([recordedCollaboration(), partnerAdded(ORG.coaching)])
      .when(recorded('CollaborationEnded', { collaborationId: BENCH, endedOn: '2024-06-30', outcome: 'Method adopted', at: '2024-06-30T09:00:00+03:00' }))
      .then((view) => expect(view).toMatchObject({ status: 'ended', endedOn: '2024-06-30', outcome: 'Method adopted', organizationIds: [ORG.pori, ORG.rauma, ORG.coaching] }));
  });

  it('idempotent if applied twice (a partner delivered again joins once)', async () => {
    const given = [recordedCollaboration()];
    const when = partnerAdded(ORG.coaching);
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then(recordedView({ organizationIds: [ORG.pori, ORG.rauma, ORG.coaching], revision: given[0]!.revision + 1, lastPosition: when.position.toString() }));
  });

  it('a collaboration sparked by no workshop is shown all the same', async () => {
    await ProjectionSpec.for(sut)
      .given([])
      .when(recordedCollaboration(OTHER, null))
      .then((view) => expect(view).toMatchObject({ collaborationId: OTHER, sparkedByWorkshopId: null }));
  });

  it('an event of a collaboration never recorded shows nothing', async () => {
    await ProjectionSpec.for(sut).given([]).when(partnerAdded(ORG.coaching)).thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut).given([recordedCollaboration()]).when(chainStarted(CHAIN)).thenNothingChanges();
  });
});
