import type { RecordedEvent } from '@kuhina/event-store';
import type { WorkshopEvent, WorkshopPlanned } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { workshopChainIndexProjection } from '../workshop-chain-index';
import { collaborationWorkshopIndexProjection } from './collaboration-workshop-index.projection';
import { networkProjection as sut } from './network.projection';
import type { NetworkView } from './network.view';

const CHAIN = 'c0000000-0000-4000-8000-000000000001';
const W1 = '11111111-1111-4111-8111-111111111111';
const W2 = '22222222-2222-4222-8222-222222222222';
const RAUMA = 'a0000000-0000-4000-8000-00000000000a';
const COACHES = 'a0000000-0000-4000-8000-00000000000b';
const LAPLAND_UAS = 'a0000000-0000-4000-8000-00000000000c';
const ROASTERY = 'a0000000-0000-4000-8000-00000000000d';

// The projector runs the routing indexes before the network, per event; so does the spec.
const spec = () => ProjectionSpec.for(sut, { upstream: [workshopChainIndexProjection, collaborationWorkshopIndexProjection] });

const on = <T extends WorkshopEvent['type']>(
  workshopId: string,
  type: T,
  data: Omit<Extract<WorkshopEvent, { type: T }>['data'], 'workshopId'>,
) => recorded(type, { workshopId, ...data });

const chainStarted = () =>
  recorded('ChainStarted', {
    chainId: CHAIN,
    name: 'Sosiaalisten innovaatioiden työpajasarja 2023',
    fundingProgramme: 'ESF+ 2021–2027',
    esfOperationId: 'S30000',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    description: '',
    at: '2023-01-02T10:00:00Z',
  });

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

const origin = (event: RecordedEvent, workshopId: string) => ({ workshopId, date: event.metadata.occurredAt, position: event.position.toString() });

const edgesOf = (view: NetworkView | undefined, type: string) => Object.values(view?.edges ?? {}).filter((edge) => edge.type === type);

describe('network projection', () => {
  it('ChainStarted creates the chain’s empty network', async () => {
    const started = chainStarted();
    await spec()
      .given([])
      .when(started)
      .then({
        chainId: CHAIN,
        nodes: {},
        edges: {},
        facts: { registrationOrganizations: {}, attendingOrganizations: {}, pledges: {}, collaborations: {} },
        lastPosition: started.position.toString(),
      });
  });

  it('WorkshopPlanned adds the workshop node and its co-organisers with co-organised edges', async () => {
    const given = [chainStarted()];
    const planned = plan(W1, { coOrganizerIds: [RAUMA] });
    await spec()
      .given(given)
      .when(planned)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([CHAIN]);
        expect(view?.nodes[`workshop:${W1}`]).toEqual({
          id: `workshop:${W1}`,
          type: 'workshop',
          entityId: W1,
          title: 'Rauma futures workshop',
          startsAt: '2023-04-20T09:00:00+03:00',
          order: null,
          cancelled: false,
          createdBy: origin(planned, W1),
        });
        expect(view?.nodes[`org:${RAUMA}`]).toEqual({ id: `org:${RAUMA}`, type: 'organization', entityId: RAUMA, createdBy: origin(planned, W1) });
        expect(view?.edges[`co-organised:org:${RAUMA}|workshop:${W1}`]).toEqual({
          id: `co-organised:org:${RAUMA}|workshop:${W1}`,
          type: 'co-organised',
          source: `org:${RAUMA}`,
          target: `workshop:${W1}`,
          weight: 1,
          createdBy: origin(planned, W1),
          workshops: [W1],
        });
      });
  });

  it('WorkshopAddedToChain gives the workshop node its place in the chain', async () => {
    await spec()
      .given([chainStarted(), plan(W1)])
      .when(recorded('WorkshopAddedToChain', { chainId: CHAIN, workshopId: W1, order: 0, at: '2023-02-01T10:00:00Z' }))
      .then((view) => expect(view?.nodes[`workshop:${W1}`]).toMatchObject({ order: 0, title: 'Rauma futures workshop' }));
  });

  it('CoOrganizerAdded is routed to the chain through the workshop-chain index', async () => {
    const given = [plan(W1, { coOrganizerIds: [RAUMA] })];
    const added = on(W1, 'CoOrganizerAdded', { organizationId: COACHES, addedAt: '2023-02-10T10:00:00+02:00' });
    await spec()
      .given(given)
      .when(added)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([CHAIN]);
        expect(edgesOf(view, 'co-organised').map((e) => e.source)).toEqual([`org:${RAUMA}`, `org:${COACHES}`]);
        expect(view?.nodes[`org:${COACHES}`]?.createdBy).toEqual(origin(added, W1));
      });
  });

  it('WorkshopRescheduled and WorkshopCancelled update the workshop node', async () => {
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
      .then((view) => expect(view?.nodes[`workshop:${W1}`]).toMatchObject({ startsAt: '2023-04-27T09:00:00+03:00', cancelled: true }));
  });

  it('AttendanceRecorded adds the person with a participated edge, and their organisation', async () => {
    const planned = plan(W1);
    const [registered, attended] = attendee(W1, 'r1', 'p1', RAUMA);
    await spec()
      .given([planned, registered])
      .when(attended)
      .then((view) => {
        expect(view?.nodes['person:p1']).toEqual({ id: 'person:p1', type: 'person', entityId: 'p1', createdBy: origin(attended, W1) });
        expect(view?.nodes[`org:${RAUMA}`]?.createdBy).toEqual(origin(attended, W1));
        expect(view?.edges[`participated:person:p1|workshop:${W1}`]).toMatchObject({
          source: 'person:p1',
          target: `workshop:${W1}`,
          weight: 1,
          createdBy: origin(attended, W1),
          workshops: [W1],
        });
        expect(view?.facts.attendingOrganizations).toEqual({ [W1]: [RAUMA] });
        expect(edgesOf(view, 'co-attendance')).toEqual([]);
      });
  });

  it('registration alone brings nobody into the network: only attendance does', async () => {
    await spec()
      .given([plan(W1)])
      .when(register(W1, 'r1', 'p1', RAUMA))
      .then((view) => {
        expect(Object.keys(view?.nodes ?? {})).toEqual([`workshop:${W1}`]);
        expect(view?.facts.registrationOrganizations).toEqual({ r1: RAUMA });
      });
  });

  it('organisations whose people attended the same workshop get an undirected co-attendance edge, created by the attendance that joined them', async () => {
    const given = [plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), register(W1, 'r2', 'p2', COACHES)];
    const second = attend(W1, 'r2', 'p2', COACHES);
    await spec()
      .given(given)
      .when(second)
      .then((view) => {
        const [low, high] = [RAUMA, COACHES].sort();
        expect(edgesOf(view, 'co-attendance')).toEqual([
          {
            id: `co-attendance:org:${low}|org:${high}`,
            type: 'co-attendance',
            source: `org:${low}`,
            target: `org:${high}`,
            weight: 1,
            createdBy: origin(second, W1),
            workshops: [W1],
          },
        ]);
      });
  });

  it('co-attendance weight is 2 after two shared workshops, still created by the first', async () => {
    const first = [plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), ...attendee(W1, 'r2', 'p2', COACHES)];
    const joinedAt = first[first.length - 1];
    await spec()
      .given([...first, plan(W2), ...attendee(W2, 'r3', 'p3', COACHES), register(W2, 'r4', 'p1', RAUMA)])
      .when(attend(W2, 'r4', 'p1', RAUMA))
      .then((view) => {
        const [edge, ...others] = edgesOf(view, 'co-attendance');
        expect(others).toEqual([]);
        expect(edge).toMatchObject({ weight: 2, workshops: [W1, W2], createdBy: origin(joinedAt, W1) });
        expect(edgesOf(view, 'participated')).toHaveLength(4);
      });
  });

  it('a second person of an organisation already present adds no co-attendance', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), ...attendee(W1, 'r2', 'p2', COACHES), register(W1, 'r3', 'p3', RAUMA)])
      .when(attend(W1, 'r3', 'p3', RAUMA))
      .then((view) => {
        expect(edgesOf(view, 'co-attendance').map((e) => e.weight)).toEqual([1]);
        expect(view?.facts.attendingOrganizations[W1]).toEqual([RAUMA, COACHES]);
      });
  });

  it('an attendance naming no organisation falls back to the registration’s organisation', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), register(W1, 'r2', 'p2', COACHES)])
      .when(attend(W1, 'r2', 'p2', null))
      .then((view) => expect(edgesOf(view, 'co-attendance')).toHaveLength(1));
  });

  it('a person without an organisation participates but joins no organisation', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), register(W1, 'r2', 'p2', null)])
      .when(attend(W1, 'r2', 'p2', null))
      .then((view) => {
        expect(view?.nodes['person:p2']).toBeDefined();
        expect(edgesOf(view, 'co-attendance')).toEqual([]);
      });
  });

  it('ResourcePledged adds a pledged edge whose weight counts the pledges', async () => {
    const pledge = (pledgeId: string) =>
      on(W1, 'ResourcePledged', {
        pledgeId,
        organizationId: ROASTERY,
        kind: 'catering',
        description: 'coffee',
        inKindValueCents: 5_000,
        valuationBasis: 'retail price',
        pledgedAt: '2023-04-01T10:00:00+03:00',
      });
    const planned = plan(W1);
    const first = pledge('pl1');
    await spec()
      .given([planned, first])
      .when(pledge('pl2'))
      .then((view) =>
        expect(edgesOf(view, 'pledged')).toEqual([
          {
            id: `pledged:org:${ROASTERY}|workshop:${W1}`,
            type: 'pledged',
            source: `org:${ROASTERY}`,
            target: `workshop:${W1}`,
            weight: 2,
            createdBy: origin(first, W1),
            workshops: [W1],
          },
        ]),
      );
  });

  const collaboration = (organizationIds: string[], sparkedByWorkshopId: string | null = W1) =>
    recorded('CollaborationRecorded', {
      collaborationId: 'col1',
      organizationIds,
      sparkedByWorkshopId,
      title: 'Joint course',
      description: 'A course on social enterprises',
      startedOn: '2023-11-01',
      at: '2023-11-01T10:00:00Z',
    });

  it('CollaborationRecorded joins every pair of partners, created by the sparking workshop', async () => {
    const given = [plan(W1)];
    const recordedCollaboration = collaboration([RAUMA, COACHES, LAPLAND_UAS]);
    await spec()
      .given(given)
      .when(recordedCollaboration)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([CHAIN]);
        const edges = edgesOf(view, 'collaboration');
        expect(edges.map((e) => [e.source, e.target].map((id) => id.slice(4)).sort())).toEqual(
          [
            [RAUMA, COACHES],
            [RAUMA, LAPLAND_UAS],
            [COACHES, LAPLAND_UAS],
          ].map((pair) => pair.sort()),
        );
        for (const edge of edges) {
          expect(edge.source < edge.target).toBe(true);
          expect(edge).toMatchObject({ weight: 1, workshops: [W1], createdBy: origin(recordedCollaboration, W1) });
        }
        expect(view?.nodes[`org:${LAPLAND_UAS}`]?.createdBy).toEqual(origin(recordedCollaboration, W1));
      });
  });

  it('CollaborationPartnerAdded is routed through the collaboration’s sparking workshop and joins the newcomer to each partner', async () => {
    const given = [plan(W1), collaboration([RAUMA, COACHES])];
    const joined = recorded('CollaborationPartnerAdded', { collaborationId: 'col1', organizationId: ROASTERY, joinedOn: '2023-12-01', at: '2023-12-01T10:00:00Z' });
    await spec()
      .given(given)
      .when(joined)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([CHAIN]);
        const withRoastery = edgesOf(view, 'collaboration').filter((e) => e.source === `org:${ROASTERY}` || e.target === `org:${ROASTERY}`);
        expect(withRoastery).toHaveLength(2);
        for (const edge of withRoastery) expect(edge.createdBy).toEqual(origin(joined, W1));
        expect(view?.facts.collaborations.col1.organizationIds).toEqual([RAUMA, COACHES, ROASTERY]);
      });
  });

  it('two collaborations of the same pair give a collaboration edge of weight 2', async () => {
    const given = [plan(W1), plan(W2), collaboration([RAUMA, COACHES])];
    const second = recorded('CollaborationRecorded', {
      collaborationId: 'col2',
      organizationIds: [COACHES, RAUMA],
      sparkedByWorkshopId: W2,
      title: 'Second project',
      description: '',
      startedOn: '2024-01-01',
      at: '2024-01-01T10:00:00Z',
    });
    await spec()
      .given(given)
      .when(second)
      .then((view) => expect(edgesOf(view, 'collaboration')).toMatchObject([{ weight: 2, workshops: [W1, W2] }]));
  });

  it('a collaboration sparked by no workshop belongs to no chain’s network', async () => {
    await spec()
      .given([plan(W1)])
      .when(collaboration([RAUMA, COACHES], null))
      .thenNothingChanges();
  });

  it('events of a workshop in no chain change nothing', async () => {
    await spec()
      .given([plan(W1), plan(W2, { chainId: null })])
      .when(attend(W2, 'r1', 'p1', RAUMA))
      .thenNothingChanges();
  });

  it('is idempotent if applied twice (a replayed attendance does not double a co-attendance weight)', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA), plan(W2), ...attendee(W2, 'r2', 'p2', RAUMA), ...attendee(W1, 'r3', 'p3', COACHES), register(W2, 'r4', 'p3', COACHES)])
      .when(attend(W2, 'r4', 'p3', COACHES))
      .then((view) => expect(edgesOf(view, 'co-attendance').map((e) => e.weight)).toEqual([2]));
  });

  it('an unrelated event changes nothing', async () => {
    await spec()
      .given([plan(W1), ...attendee(W1, 'r1', 'p1', RAUMA)])
      .when(on(W1, 'WorkshopHeld', { heldOn: '2023-04-20' }))
      .thenNothingChanges();
  });
});
