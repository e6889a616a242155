import { countRegistrations, type WorkshopEvent } from '@kuhina/domain';
import { ProjectionSpec, recorded, type ProjectionOutcome } from '@kuhina/testing';
import { workshopRegistrationsProjection as sut } from './workshop-registrations.projection';
import {
  INVITATIONS_OF_INDEX,
  REGISTRATIONS_OF_INDEX,
  invitationDocumentId,
  placeOnWaitlist,
  registrationDocumentId,
  type RegistrationDocument,
  type WorkshopRegistrationsDocument,
} from './workshop-registrations.view';

const W = '22222222-2222-4222-8222-222222222222';
const ORG = 'a0000000-0000-4000-8000-000000000001';

const event = <T extends WorkshopEvent['type']>(type: T, data: Omit<Extract<WorkshopEvent, { type: T }>['data'], 'workshopId'>) =>
  recorded(type, { workshopId: W, ...data });

const plan = () =>
  event('WorkshopPlanned', {
    chainId: null,
    title: 'Validation framework webinar',
    theme: 'Validating social innovations',
    method: 'webinar with Q&A',
    kind: 'information-event',
    format: 'webinar',
    location: null,
    startsAt: '2023-10-10T13:00:00+03:00',
    endsAt: '2023-10-10T14:30:00+03:00',
    targetGroups: ['developers'],
    access: 'open',
    capacity: 1,
    coOrganizerIds: [],
    plannedAt: '2023-08-01T10:00:00+03:00',
  });

const register = (registrationId: string, personId: string) =>
  event('ParticipantRegistered', {
    registrationId,
    personId,
    organizationId: ORG,
    attendanceMode: 'remote',
    expectations: 'Learn the framework',
    advanceQuestions: ['How are indicators chosen?'],
    registeredAt: '2023-09-01T10:00:00+03:00',
  });

const waitlist = (registrationId: string, personId: string, position: number) =>
  event('ParticipantWaitlisted', {
    registrationId,
    personId,
    organizationId: null,
    attendanceMode: 'remote',
    expectations: null,
    advanceQuestions: [],
    position,
    waitlistedAt: `2023-09-0${position + 1}T10:00:00+03:00`,
  });

const cancel = (registrationId: string, personId: string, previousStatus: 'registered' | 'waitlisted') =>
  event('RegistrationCancelled', { registrationId, personId, previousStatus, reason: 'schedule clash', cancelledAt: '2023-09-20T10:00:00+03:00' });

const doc = (registrationId: string) => registrationDocumentId(W, registrationId);

/** The workshop's registrations as the reader lists them: by sort key, with waitlist places worked out. */
function listed(outcome: ProjectionOutcome<WorkshopRegistrationsDocument>): RegistrationDocument[] {
  const entries = [...outcome.documents].filter(([id]) => outcome.putOptions.get(id)?.indexes?.[REGISTRATIONS_OF_INDEX] === W);
  entries.sort(([a], [b]) => {
    const x = outcome.putOptions.get(a)!.sortKey!;
    const y = outcome.putOptions.get(b)!.sortKey!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return placeOnWaitlist(entries.map(([, registration]) => registration as RegistrationDocument));
}

const byStatus = (outcome: ProjectionOutcome<WorkshopRegistrationsDocument>) => listed(outcome).map((r) => [r.registrationId, r.status, r.waitlistPosition]);

describe('workshop-registrations projection', () => {
  it('WorkshopPlanned makes the workshop\'s document, so a planned workshop shows no registrations rather than none at all', async () => {
    const planned = plan();
    await ProjectionSpec.for(sut).given([]).when(planned).then({ workshopId: W, lastPosition: planned.position.toString() });
  });

  it('ParticipantRegistered writes the registration\'s own document, listed by the workshop in the order of registration', async () => {
    const planned = plan();
    const registered = register('r1', 'p1');
    await ProjectionSpec.for(sut)
      .given([planned])
      .when(registered)
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([doc('r1')]);
        expect(view).toEqual({
          workshopId: W,
          registrationId: 'r1',
          personId: 'p1',
          organizationId: ORG,
          attendanceMode: 'remote',
          status: 'registered',
          waitlistPosition: null,
          registeredAt: '2023-09-01T10:00:00+03:00',
          waitlistedAt: null,
          promotedAt: null,
          cancelledAt: null,
          cancellationReason: null,
          attended: null,
          expectations: 'Learn the framework',
          advanceQuestions: ['How are indicators chosen?'],
          role: 'participant',
          speaker: null,
          outreachId: null,
          form: null,
          order: registered.position.toString().padStart(20, '0'),
          lastPosition: registered.position.toString(),
        });
        expect(outcome.putOptions.get(doc('r1'))).toEqual({ indexes: { [REGISTRATIONS_OF_INDEX]: W }, sortKey: registered.position.toString().padStart(20, '0') });
        expect(countRegistrations(listed(outcome)).registered).toBe(1);
      });
  });

  it('ParticipantWaitlisted lists the registration at the end of the waitlist', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1)])
      .when(waitlist('r3', 'p3', 2))
      .then((view, outcome) => {
        expect(byStatus(outcome)).toEqual([
          ['r1', 'registered', null],
          ['r2', 'waitlisted', 1],
          ['r3', 'waitlisted', 2],
        ]);
        expect(view).toMatchObject({ registeredAt: '2023-09-03T10:00:00+03:00', waitlistedAt: '2023-09-03T10:00:00+03:00' });
        expect(countRegistrations(listed(outcome))).toMatchObject({ registered: 1, waitlisted: 2 });
      });
  });

  it('WaitlistedParticipantPromoted registers the head of the waitlist; the others move up without being rewritten', async () => {
    const given = [plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1), waitlist('r3', 'p3', 2), cancel('r1', 'p1', 'registered')];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('WaitlistedParticipantPromoted', { registrationId: 'r2', personId: 'p2', promotedAt: '2023-09-20T10:00:00+03:00' }))
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([doc('r2')]);
        expect(byStatus(outcome)).toEqual([
          ['r1', 'cancelled', null],
          ['r2', 'registered', null],
          ['r3', 'waitlisted', 1],
        ]);
        expect(view).toMatchObject({ status: 'registered', promotedAt: '2023-09-20T10:00:00+03:00' });
        expect(countRegistrations(listed(outcome))).toMatchObject({ registered: 1, waitlisted: 1, cancelled: 1 });
      });
  });

  it('RegistrationCancelled of a waitlisted registration frees its waitlist place', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1), waitlist('r3', 'p3', 2)])
      .when(cancel('r2', 'p2', 'waitlisted'))
      .then((view, outcome) => {
        expect(view).toMatchObject({ status: 'cancelled', cancelledAt: '2023-09-20T10:00:00+03:00', cancellationReason: 'schedule clash' });
        expect(byStatus(outcome)).toEqual([
          ['r1', 'registered', null],
          ['r2', 'cancelled', null],
          ['r3', 'waitlisted', 1],
        ]);
      });
  });

  it('AttendanceRecorded records how the person attended', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), event('WorkshopHeld', { heldOn: '2023-10-10' })])
      .when(event('AttendanceRecorded', { registrationId: 'r1', personId: 'p1', organizationId: ORG, mode: 'remote', recordedAt: '2023-10-10T15:00:00+03:00' }))
      .then((view, outcome) => {
        expect(view).toMatchObject({ registrationId: 'r1', attended: 'remote' });
        expect(countRegistrations(listed(outcome))).toMatchObject({ attended: 1, attendedRemote: 1, attendedOnSite: 0 });
      });
  });

  it('an event of an unknown registration writes nothing (the decider never gives one)', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1')])
      .when(cancel('r9', 'p9', 'registered'))
      .thenNothingChanges();
  });

  it('PersonInvited writes the invitation\'s own document, listed by the workshop', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(event('PersonInvited', { personId: 'p9', invitedAt: '2023-08-15T10:00:00+03:00' }))
      .then((view, outcome) => {
        expect(outcome.keys).toEqual([invitationDocumentId(W, 'p9')]);
        expect(view).toMatchObject({ workshopId: W, personId: 'p9', role: 'participant', invitedAt: '2023-08-15T10:00:00+03:00' });
        expect(outcome.putOptions.get(invitationDocumentId(W, 'p9'))).toEqual({ indexes: { [INVITATIONS_OF_INDEX]: W } });
      });
  });

  it('is idempotent if applied twice (a replayed waitlisting keeps one waitlist place)', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1')])
      .when(waitlist('r2', 'p2', 1))
      .then((_view, outcome) => {
        expect(byStatus(outcome)).toEqual([
          ['r1', 'registered', null],
          ['r2', 'waitlisted', 1],
        ]);
        expect(countRegistrations(listed(outcome)).waitlisted).toBe(1);
      });
  });

  it('an unrelated event changes nothing', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1')])
      .when(event('ResourcePledged', {
        pledgeId: 'pl1',
        organizationId: ORG,
        kind: 'expertise',
        description: 'Speaker',
        inKindValueCents: 0,
        valuationBasis: 'unpaid',
        pledgedAt: '2023-09-01T10:00:00+03:00',
      }))
      .thenNothingChanges();
  });
});
