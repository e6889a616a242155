import type { Debrief } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { CHAIN, ORG, OTHER_CHAIN, PORI, RAUMA, addedToChain, attended, chainStarted, pledged, registered, workshopHeld, workshopPlanned } from '../workshop-chain/chain-events.spec-helper';
import { chainLessonsProjection as sut } from './chain-lessons.projection';
import { organizationEntity, partKey, personEntity, workshopLessonsKey, type ChainLessonsChainDocument, type ChainLessonsWorkshopDocument } from './chain-lessons.view';

const debrief: Debrief = {
  whatWorked: 'The futures workshop method; speakers answered questions sent ahead.',
  whatToDevelop: 'Tell participants about the coming events before they leave.',
  lessons: ['Map partners and their resources first'],
  authorRole: 'joint',
  heldOn: '2023-04-27',
};
const workshopDebrief = (workshopId: string, version: number, over: Partial<Debrief> = {}) =>
  recorded('WorkshopDebriefRecorded', { workshopId, ...debrief, ...over, version, recordedAt: '2023-04-27T12:00:00+03:00' });
const chainDebrief = (chainId: string, version: number, over: Partial<Debrief> = {}) =>
  recorded('ChainDebriefRecorded', { chainId, ...debrief, ...over, version, at: '2023-12-15T12:00:00+02:00' });
const version = (n: number, over: Partial<Debrief> = {}, recordedAt = '2023-04-27T12:00:00+03:00') => ({ version: n, ...debrief, ...over, recordedAt });
const PERSON = 'b0000000-0000-4000-8000-000000000001';

describe('chain-lessons projection', () => {
  it('ChainStarted: a chain document with its succession (it follows none)', async () => {
    const when = chainStarted();
    await ProjectionSpec.for(sut)
      .given([])
      .when(when)
      .then({
        kind: 'chain',
        chainId: CHAIN,
        name: 'Sosiaalisten innovaatioiden työpajaketju 2023',
        periodStart: '2023-03-01',
        periodEnd: '2023-12-31',
        status: 'active',
        followsChainId: null,
        followedBy: [],
        debrief: null,
        earlierVersions: [],
        lastPosition: when.position.toString(),
      } satisfies ChainLessonsChainDocument);
  });

  it('a chain that follows another: both know it (several chains may follow one)', async () => {
    const third = 'c0000000-0000-4000-8000-000000000003';
    await ProjectionSpec.for(sut)
      .given([chainStarted(), chainStarted(OTHER_CHAIN, { followsChainId: CHAIN, name: 'Ketju 2024' })])
      .when(chainStarted(third, { followsChainId: CHAIN, name: 'Ketju 2024, Lappi' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ chainId: third, followsChainId: CHAIN });
        expect(outcome.documents.get(CHAIN)).toMatchObject({ followedBy: [OTHER_CHAIN, third] });
        expect(outcome.documents.get(OTHER_CHAIN)).toMatchObject({ followsChainId: CHAIN, followedBy: [] });
      });
  });

  it('ChainDebriefRecorded: the latest version in force, the earlier kept; idempotent by version', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted(), chainDebrief(CHAIN, 1)])
      .when(chainDebrief(CHAIN, 2, { lessons: [] }))
      .then((view) => {
        expect(view).toMatchObject({
          debrief: version(2, { lessons: [] }, '2023-12-15T12:00:00+02:00'),
          earlierVersions: [version(1, {}, '2023-12-15T12:00:00+02:00')],
        });
      });
  });

  it('a workshop: title, date, place in the chain, held day, and its debrief', async () => {
    const given = [chainStarted(), workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0), workshopHeld(RAUMA)];
    const when = workshopDebrief(RAUMA, 1);
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then((view, outcome) => {
        expect(view).toEqual({
          kind: 'workshop',
          workshopId: RAUMA,
          chainId: CHAIN,
          order: 0,
          title: 'Tulevaisuustyöpaja: sosiaaliset innovaatiot Raumalla',
          startsAt: '2023-04-20T09:00:00+03:00',
          heldOn: '2023-04-20',
          cancelled: false,
          debrief: version(1),
          earlierVersions: [],
          lastPosition: when.position.toString(),
        } satisfies ChainLessonsWorkshopDocument);
        expect(outcome.putOptions.get(workshopLessonsKey(RAUMA))).toEqual({ indexes: { chainId: CHAIN }, sortKey: '000000' });
      });
  });

  it('a revised workshop debrief replaces the one in force', async () => {
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(RAUMA, CHAIN), workshopDebrief(RAUMA, 1)])
      .when(workshopDebrief(RAUMA, 2, { whatToDevelop: 'Start outreach a month earlier.' }))
      .then((view) => expect(view).toMatchObject({ debrief: version(2, { whatToDevelop: 'Start outreach a month earlier.' }), earlierVersions: [version(1)] }));
  });

  it('an organisation keeps how it took part in each workshop, whatever the chain, in documents indexed by workshop and by organisation', async () => {
    const org = organizationEntity(ORG.rauma);
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(RAUMA, CHAIN), workshopPlanned(PORI, OTHER_CHAIN, { coOrganizerIds: [] }), pledged(PORI, 'p-1', ORG.rauma, 'venue', 0)])
      .when(attended(PORI, 'r-1', PERSON, ORG.rauma))
      .then(
        (view, outcome) => {
          expect(view).toEqual({ kind: 'part', workshopId: PORI, entity: org, parts: ['pledger', 'participant'], attended: true, lastPosition: expect.any(String) });
          expect(outcome.documents.get(partKey(RAUMA, org))).toMatchObject({ parts: ['co-organizer'], attended: false });
          expect(outcome.putOptions.get(partKey(PORI, org))).toEqual({ indexes: { workshopId: PORI, entity: org } });
        },
        { key: partKey(PORI, org) },
      );
  });

  it('a person keeps the workshops they registered for, in any chain', async () => {
    const person = personEntity(PERSON);
    await ProjectionSpec.for(sut)
      .given([workshopPlanned(RAUMA, CHAIN), registered(RAUMA, 'r-1', PERSON, null), workshopPlanned(PORI, OTHER_CHAIN)])
      .when(registered(PORI, 'r-2', PERSON, null))
      .then(
        (view, outcome) => {
          expect(view).toMatchObject({ kind: 'part', workshopId: PORI, entity: person, parts: ['participant'], attended: false });
          expect(outcome.documents.get(partKey(RAUMA, person))).toMatchObject({ parts: ['participant'] });
        },
        { key: partKey(PORI, person) },
      );
  });

  it('idempotent if applied twice', async () => {
    const given = [chainStarted(), workshopPlanned(RAUMA, CHAIN), addedToChain(CHAIN, RAUMA, 0), workshopDebrief(RAUMA, 1)];
    const when = workshopDebrief(RAUMA, 2, { lessons: ['Work with partners you know'] });
    await ProjectionSpec.for(sut)
      .given(given)
      .when(when)
      .then((view) => expect(view).toMatchObject({ debrief: { version: 2 }, earlierVersions: [{ version: 1 }], lastPosition: when.position.toString() }));
  });

  it('events of a workshop never planned, or of a chain never started, change nothing', async () => {
    await ProjectionSpec.for(sut).given([]).when(workshopDebrief(RAUMA, 1)).thenNothingChanges();
    await ProjectionSpec.for(sut).given([]).when(chainDebrief(CHAIN, 1)).thenNothingChanges();
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([chainStarted()])
      .when(recorded('ChainMeetingRecorded', { chainId: CHAIN, meetingId: 'm-1', heldOn: '2023-02-01', kind: 'core-team', online: true, organizationIds: [], notes: '', at: '2023-02-01T10:00:00Z' }))
      .thenNothingChanges();
  });
});
