import type { RecordedEvent } from '@kuhina/event-store';
import type { WorkshopEvent, WorkshopPlanned } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { workshopChainIndexProjection } from '../workshop-chain-index';
import { collaborationWorkshopIndexProjection } from './collaboration-workshop-index.projection';
import { assembleNetwork } from './network-assembly';
import { withAttendances } from './network-documents';
import { networkCollaborationKey, networkCollaborationsProjection, networkProjection } from './network.projection';
import {
  NETWORK_ATTENDED_AT_INDEX,
  networkRegistrationId,
  type NetworkCollaborationView,
  type NetworkRegistrationDocument,
  type NetworkWorkshopDocument,
  type NetworkWorkshopsDocument,
  type NetworkWorkshopView,
} from './network.view';

const CHAIN = 'c0000000-0000-4000-8000-000000000001';
const W1 = '11111111-1111-4111-8111-111111111111';
const W2 = '22222222-2222-4222-8222-222222222222';
const RAUMA = 'a0000000-0000-4000-8000-00000000000a';
const COACHES = 'a0000000-0000-4000-8000-00000000000b';
const LAPLAND_UAS = 'a0000000-0000-4000-8000-00000000000c';
const ROASTERY = 'a0000000-0000-4000-8000-00000000000d';
const COL1 = 'e0000000-0000-4000-8000-000000000001';

const on = <T extends WorkshopEvent['type']>(
  workshopId: string,
  type: T,
  data: Omit<Extract<WorkshopEvent, { type: T }>['data'], 'workshopId'>,
) => recorded(type, { workshopId, ...data });

const plan = (workshopId: string, overrides: Partial<WorkshopPlanned['data']> = {}) =>
  on(workshopId, 'WorkshopPlanned', {
    chainId: CHAIN,
    title: workshopId === W1 ? 'Rauma futures workshop' : 'Kemi hybrid workshop',
    theme: 'social innovation',
    method: 'futures workshop',
    kind: 'co-development',
    format: 'hybrid',
    location: { venue: 'city hall', municipality: 'Rauma', region: 'Satakunta' },
    startsAt: workshopId === W1 ? '2023-04-20T09:00:00+03:00' : '2023-09-14T09:00:00+03:00',
    endsAt: workshopId === W1 ? '2023-04-20T15:00:00+03:00' : '2023-09-14T15:00:00+03:00',
    targetGroups: ['NGO workers'],
    access: 'open',
    capacity: null,
    coOrganizerIds: [],
    plannedAt: '2023-02-01T10:00:00+02:00',
    ...overrides,
  });

const addedToChain = (workshopId: string, order: number) => recorded('WorkshopAddedToChain', { chainId: CHAIN, workshopId, order, at: '2023-02-01T10:00:00Z' });

const register = (workshopId: string, registrationId: string, personId: string, organizationId: string | null) =>
  on(workshopId, 'ParticipantRegistered', {
    registrationId,
    personId,
    organizationId,
    attendanceMode: 'on-site',
    expectations: null,
    advanceQuestions: [],
    registeredAt: '2023-04-01T10:00:00+03:00',
  });

const attend = (workshopId: string, registrationId: string, personId: string, organizationId: string | null) =>
  on(workshopId, 'AttendanceRecorded', { registrationId, personId, organizationId, mode: 'on-site', recordedAt: '2023-04-20T16:00:00+03:00' });

/** Registers and records the attendance of one person. */
const attendee = (workshopId: string, registrationId: string, personId: string, organizationId: string | null) => [
  register(workshopId, registrationId, personId, organizationId),
  attend(workshopId, registrationId, personId, organizationId),
];

const pledge = (pledgeId: string, organizationId = ROASTERY) =>
  on(W1, 'ResourcePledged', {
    pledgeId,
    organizationId,
    kind: 'catering',
    description: 'coffee',
    inKindValueCents: 5_000,
    valuationBasis: 'retail price',
    pledgedAt: '2023-04-01T10:00:00+03:00',
  });

const origin = (event: RecordedEvent, workshopId: string) => ({ workshopId, date: event.metadata.occurredAt, position: event.position.toString() });
/** A workshop's facts keep only their log position: the workshop's date dates them all (see network-dates.ts). */
const pos = (event: RecordedEvent) => event.position.toString();

type ViewOf = Record<string, unknown>;

/** The workshops as the reader gives them to the assembly: each workshop's document with the attendances of its registrations. */
function workshopsIn(docs: ReadonlyMap<string, ViewOf>): NetworkWorkshopView[] {
  const all = [...docs.values()] as NetworkWorkshopsDocument[];
  const registrations = all.filter((doc): doc is NetworkRegistrationDocument => 'registrationId' in doc);
  return all.filter((doc): doc is NetworkWorkshopDocument => !('registrationId' in doc)).map((doc) => withAttendances(doc, registrations.filter((r) => r.workshopId === doc.workshopId)));
}

const attendancesIn = (docs: ReadonlyMap<string, ViewOf>, workshopId = W1) => workshopsIn(docs).find((doc) => doc.workshopId === workshopId)?.attendances;

describe('network projection (one document per workshop, one per registration)', () => {
  // The projector runs the routing index before the network, per event; so does the spec.
  const spec = () => ProjectionSpec.for(networkProjection, { upstream: [workshopChainIndexProjection] });

  it('WorkshopPlanned creates the workshop’s document with its co-organisers, listed under its chain', async () => {
    const planned = plan(W1, { coOrganizerIds: [RAUMA, COACHES] });
    await spec()
      .given([])
      .when(planned)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([W1]);
        expect(view).toEqual({
          workshopId: W1,
          chainId: CHAIN,
          title: 'Rauma futures workshop',
          startsAt: '2023-04-20T09:00:00+03:00',
          heldOn: null,
          order: null,
          cancelled: false,
          createdBy: origin(planned, W1),
          coOrganizers: { [RAUMA]: pos(planned), [COACHES]: pos(planned) },
          pledges: {},
          lastPosition: planned.position.toString(),
        });
        expect(outcome.putOptions.get(W1)).toEqual({ indexes: { chainId: CHAIN }, sortKey: '~2023-04-20T09:00:00+03:00' });
      });
  });

  it('WorkshopAddedToChain gives the workshop its place in the chain (and its sort key)', async () => {
    await spec()
      .given([plan(W1)])
      .when(addedToChain(W1, 3))
      .then((view, outcome) => {
        expect(view).toMatchObject({ order: 3, title: 'Rauma futures workshop', chainId: CHAIN });
        expect(outcome.putOptions.get(W1)).toEqual({ indexes: { chainId: CHAIN }, sortKey: '000003' });
      });
  });

  it('WorkshopAddedToChain brings in a workshop planned outside any chain (without its plan’s title)', async () => {
    const given = [plan(W2, { chainId: null })];
    const added = addedToChain(W2, 1);
    await spec()
      .given(given)
      .when(added)
      .then((view) => expect(view).toMatchObject({ workshopId: W2, chainId: CHAIN, title: null, order: 1, createdBy: origin(added, W2) }));
  });

  it('CoOrganizerAdded is routed through the workshop-chain index and keeps earlier co-organisers', async () => {
    const planned = plan(W1, { coOrganizerIds: [RAUMA] });
    const added = on(W1, 'CoOrganizerAdded', { organizationId: COACHES, addedAt: '2023-02-10T10:00:00+02:00' });
    await spec()
      .given([planned])
      .when(added)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([W1]);
        expect((view as NetworkWorkshopDocument | undefined)?.coOrganizers).toEqual({ [RAUMA]: pos(planned), [COACHES]: pos(added) });
      });
  });

  it('WorkshopRescheduled and WorkshopCancelled update the workshop', async () => {
    const given = [
      plan(W1),
      on(W1, 'WorkshopRescheduled', {
        startsAt: '2023-04-27T09:00:00+03:00',
        endsAt: '2023-04-27T15:00:00+03:00',
        location: null,
        previousStartsAt: '2023-04-20T09:00:00+03:00',
        previousEndsAt: '2023-04-20T15:00:00+03:00',
        rescheduledAt: '2023-03-01T10:00:00+02:00',
      }),
    ];
    await spec()
      .given(given)
      .when(on(W1, 'WorkshopCancelled', { reason: 'storm', cancelledAt: '2023-04-26T10:00:00+03:00' }))
      .then((view) => expect(view).toMatchObject({ startsAt: '2023-04-27T09:00:00+03:00', cancelled: true }));
  });

  it('WorkshopHeld keeps the day it was held: it dates everything the workshop brought in, however late it was typed in', async () => {
    // A two-day workshop held on its second day; the events' own business time is 1 January (entered in one sitting).
    await spec()
      .given([plan(W1, { endsAt: '2023-04-21T15:00:00+03:00' }), ...attendee(W1, 'r1', 'p1', RAUMA), ...attendee(W1, 'r2', 'p2', COACHES)])
      .when(on(W1, 'WorkshopHeld', { heldOn: '2023-04-21' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ heldOn: '2023-04-21', startsAt: '2023-04-20T09:00:00+03:00' });
        const sut = assembleNetwork(CHAIN, workshopsIn(outcome.documents), []);
        const dates = new Set([...Object.values(sut.nodes), ...Object.values(sut.edges)].map((item) => item.createdBy.date));
        expect(dates).toEqual(new Set(['2023-04-21T06:00:00.000Z']));
        expect(Object.values(sut.edges).filter((edge) => edge.type === 'co-attendance')).toHaveLength(1);
      });
  });

  it('ParticipantRegistered and ParticipantWaitlisted keep the registration’s organisation, and bring nobody in', async () => {
    const given = [plan(W1), register(W1, 'r1', 'p1', RAUMA)];
    const waitlisted = on(W1, 'ParticipantWaitlisted', {
      registrationId: 'r2',
      personId: 'p2',
      organizationId: null,
      attendanceMode: 'remote',
      expectations: null,
      advanceQuestions: [],
      position: 1,
      waitlistedAt: '2023-04-02T10:00:00+03:00',
    });
    await spec()
      .given(given)
      .when(waitlisted)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([W1, networkRegistrationId(W1, 'r2')]);
        expect(view).toMatchObject({ workshopId: W1, lastPosition: pos(waitlisted) });
        expect(outcome.documents.get(networkRegistrationId(W1, 'r1'))).toMatchObject({ registrationId: 'r1', organizationId: RAUMA, attendance: null });
        expect(outcome.documents.get(networkRegistrationId(W1, 'r2'))).toMatchObject({ registrationId: 'r2', organizationId: null, attendance: null });
        // Not listed as attended: the reader reads only registrations with an attendance.
        expect(outcome.putOptions.get(networkRegistrationId(W1, 'r2'))).toEqual({});
        expect(attendancesIn(outcome.documents)).toEqual({});
      });
  });

  it('AttendanceRecorded adds the attendance with its organisation, its role (participant when the event has none) and position', async () => {
    const planned = plan(W1);
    const [registered, attended] = attendee(W1, 'r1', 'p1', RAUMA);
    await spec()
      .given([planned, registered])
      .when(attended)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([W1, networkRegistrationId(W1, 'r1')]);
        expect(view).toMatchObject({ workshopId: W1, lastPosition: pos(attended) });
        expect(attendancesIn(outcome.documents)).toEqual({ p1: { organizationId: RAUMA, role: 'participant', position: pos(attended) } });
        // The attendance is in the registration's own document, listed by the workshop for the reader.
        expect(outcome.putOptions.get(networkRegistrationId(W1, 'r1'))).toEqual({ indexes: { [NETWORK_ATTENDED_AT_INDEX]: W1 } });
      });
  });

  it('AttendanceRecorded keeps the role of a person who ran the workshop', async () => {
    const given = [plan(W1), register(W1, 'r1', 'p1', COACHES)];
    const attended = on(W1, 'AttendanceRecorded', { registrationId: 'r1', personId: 'p1', organizationId: COACHES, mode: 'on-site', role: 'host', recordedAt: '2023-04-20T16:00:00+03:00' });
    await spec()
      .given(given)
      .when(attended)
      .then((_view, outcome) => expect(attendancesIn(outcome.documents)).toEqual({ p1: { organizationId: COACHES, role: 'host', position: pos(attended) } }));
  });

  it('a second person of an organisation already present is an attendance of their own', async () => {
    const planned = plan(W1);
    const first = attendee(W1, 'r1', 'p1', RAUMA);
    const registered = register(W1, 'r2', 'p2', RAUMA);
    const second = attend(W1, 'r2', 'p2', RAUMA);
    await spec()
      .given([planned, ...first, registered])
      .when(second)
      .then((_view, outcome) =>
        expect(attendancesIn(outcome.documents)).toEqual({
          p1: { organizationId: RAUMA, role: 'participant', position: pos(first[1]!) },
          p2: { organizationId: RAUMA, role: 'participant', position: pos(second) },
        }),
      );
  });

  it('an attendance naming no organisation falls back to the registration’s organisation', async () => {
    const given = [plan(W1), register(W1, 'r1', 'p1', COACHES)];
    const attended = attend(W1, 'r1', 'p1', null);
    await spec()
      .given(given)
      .when(attended)
      .then((_view, outcome) => expect(attendancesIn(outcome.documents)).toEqual({ p1: { organizationId: COACHES, role: 'participant', position: pos(attended) } }));
  });

  it('a person without an organisation participates but brings no organisation', async () => {
    await spec()
      .given([plan(W1), register(W1, 'r1', 'p1', null)])
      .when(attend(W1, 'r1', 'p1', null))
      .then((_view, outcome) => expect(attendancesIn(outcome.documents)?.p1).toMatchObject({ organizationId: null }));
  });

  it('ResourcePledged keeps each pledge by id with its organisation and position', async () => {
    const planned = plan(W1);
    const first = pledge('pl1');
    const second = pledge('pl2');
    await spec()
      .given([planned, first])
      .when(second)
      .then((view) =>
        expect((view as NetworkWorkshopDocument | undefined)?.pledges).toEqual({
          pl1: { organizationId: ROASTERY, position: pos(first) },
          pl2: { organizationId: ROASTERY, position: pos(second) },
        }),
      );
  });

  it('events of a workshop in no chain change nothing', async () => {
    await spec()
      .given([plan(W1), plan(W2, { chainId: null }), register(W2, 'r1', 'p1', RAUMA)])
      .when(attend(W2, 'r1', 'p1', RAUMA))
      .thenNothingChanges();
  });

  it('is idempotent if applied twice (a second attendance of the same person keeps the first)', async () => {
    const planned = plan(W1);
    const first = attendee(W1, 'r1', 'p1', RAUMA);
    await spec()
      .given([planned, ...first, register(W1, 'r2', 'p1', RAUMA)])
      .when(attend(W1, 'r2', 'p1', RAUMA))
      .then((_view, outcome) => expect(attendancesIn(outcome.documents)).toEqual({ p1: { organizationId: RAUMA, role: 'participant', position: pos(first[1]!) } }));
  });

  it('an unrelated event changes nothing', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), on(W1, 'WorkshopHeld', { heldOn: '2023-04-20' })])
      .when(on(W1, 'WorkshopReported', { summary: 'Held as planned', reportedAt: '2023-04-21T10:00:00+03:00' }))
      .thenNothingChanges();
  });
});

const collaboration = (organizationIds: string[], sparkedByWorkshopId: string | null = W1, collaborationId = COL1) =>
  recorded('CollaborationRecorded', {
    collaborationId,
    organizationIds,
    sparkedByWorkshopId,
    title: 'Joint course',
    description: 'A course on social enterprises',
    startedOn: '2023-11-01',
    at: '2023-11-01T10:00:00Z',
  });

const partnerAdded = (organizationId: string, collaborationId = COL1) =>
  recorded('CollaborationPartnerAdded', { collaborationId, organizationId, joinedOn: '2023-12-01', at: '2023-12-01T10:00:00Z' });

describe('network-collaborations projection (one document per collaboration)', () => {
  // The projector runs both routing indexes before the network's collaborations, per event; so does the spec.
  const spec = () => ProjectionSpec.for(networkCollaborationsProjection, { upstream: [workshopChainIndexProjection, collaborationWorkshopIndexProjection] });
  const KEY = networkCollaborationKey(CHAIN, COL1);

  it('CollaborationRecorded creates the collaboration’s document under the chain of its sparking workshop', async () => {
    const given = [plan(W1)];
    const recordedCollaboration = collaboration([RAUMA, COACHES, LAPLAND_UAS]);
    await spec()
      .given(given)
      .when(recordedCollaboration)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([KEY]);
        expect(view).toEqual({
          collaborationId: COL1,
          chainId: CHAIN,
          workshopId: W1,
          title: 'Joint course',
          partners: { [RAUMA]: origin(recordedCollaboration, W1), [COACHES]: origin(recordedCollaboration, W1), [LAPLAND_UAS]: origin(recordedCollaboration, W1) },
          lastPosition: recordedCollaboration.position.toString(),
        });
        expect(outcome.putOptions.get(KEY)).toEqual({ indexes: { chainId: CHAIN } });
      });
  });

  it('CollaborationPartnerAdded is routed through the collaboration’s sparking workshop and adds the partner', async () => {
    const planned = plan(W1);
    const recordedCollaboration = collaboration([RAUMA, COACHES]);
    const joined = partnerAdded(ROASTERY);
    await spec()
      .given([planned, recordedCollaboration])
      .when(joined)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([KEY]);
        expect(view?.partners).toEqual({ [RAUMA]: origin(recordedCollaboration, W1), [COACHES]: origin(recordedCollaboration, W1), [ROASTERY]: origin(joined, W1) });
      });
  });

  it('a partner added again keeps when it first joined', async () => {
    const planned = plan(W1);
    const recordedCollaboration = collaboration([RAUMA, COACHES]);
    await spec()
      .given([planned, recordedCollaboration])
      .when(partnerAdded(RAUMA))
      .then((view) => expect(view?.partners[RAUMA]).toEqual(origin(recordedCollaboration, W1)));
  });

  it('CollaborationDetailsUpdated renames the collaboration', async () => {
    await spec()
      .given([plan(W1), collaboration([RAUMA, COACHES])])
      .when(recorded('CollaborationDetailsUpdated', { collaborationId: COL1, title: 'Joint course 2.0', at: '2023-12-02T10:00:00Z' }))
      .then((view) => expect(view).toMatchObject({ title: 'Joint course 2.0', workshopId: W1 }));
  });

  it('a collaboration sparked by no workshop belongs to no chain’s network', async () => {
    await spec()
      .given([plan(W1)])
      .when(collaboration([RAUMA, COACHES], null))
      .thenNothingChanges();
  });

  it('a partner added to a collaboration outside every chain changes nothing', async () => {
    await spec()
      .given([plan(W1), plan(W2, { chainId: null }), collaboration([RAUMA, COACHES], W2)])
      .when(partnerAdded(ROASTERY))
      .thenNothingChanges();
  });

  it('is idempotent if applied twice (a replayed partner is one partner)', async () => {
    await spec()
      .given([plan(W1), collaboration([RAUMA, COACHES])])
      .when(partnerAdded(LAPLAND_UAS))
      .then((view) => expect(Object.keys(view?.partners ?? {})).toEqual([RAUMA, COACHES, LAPLAND_UAS]));
  });

  it('an unrelated event changes nothing', async () => {
    await spec()
      .given([plan(W1), collaboration([RAUMA, COACHES])])
      .when(recorded('CollaborationEnded', { collaborationId: COL1, endedOn: '2024-06-30', outcome: 'done', at: '2024-06-30T10:00:00Z' }))
      .thenNothingChanges();
  });
});

describe('the network assembled from the projected documents', () => {
  it('shows co-attendance of weight 2 after two shared workshops, and the collaboration of the pair', async () => {
    const history = [
      plan(W1),
      ...attendee(W1, 'r1', 'p1', RAUMA),
      ...attendee(W1, 'r2', 'p2', COACHES),
      plan(W2),
      ...attendee(W2, 'r3', 'p3', COACHES),
      register(W2, 'r4', 'p1', RAUMA),
      collaboration([RAUMA, COACHES]),
    ];
    const joinedAtW1 = history[4];
    // The collaborations projection runs last, so the spec's store also holds every network-workshops document.
    await ProjectionSpec.for(networkCollaborationsProjection, { upstream: [workshopChainIndexProjection, collaborationWorkshopIndexProjection, networkProjection] })
      .given(history)
      .when(attend(W2, 'r4', 'p1', RAUMA))
      .then((_view, outcome) => {
        const workshops = workshopsIn(outcome.collection('network-workshops'));
        const sut = assembleNetwork(CHAIN, workshops, [...outcome.documents.values()] as NetworkCollaborationView[]);
        const [low, high] = [RAUMA, COACHES].sort();
        // Dated by W1's own start, not by when the attendance was typed in (the events' business time here is 1 January).
        expect(sut.edges[`co-attendance:org:${low}|org:${high}`]).toMatchObject({ weight: 2, workshops: [W1, W2], createdBy: { workshopId: W1, date: '2023-04-20T06:00:00.000Z', position: pos(joinedAtW1!) } });
        expect(sut.edges[`collaboration:org:${low}|org:${high}`]).toMatchObject({ weight: 1, workshops: [W1] });
        expect(Object.values(sut.edges).filter((edge) => edge.type === 'participated')).toHaveLength(4);
      });
  });
});
