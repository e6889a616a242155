import { countRegistrations, noRegistrations, type WorkshopEvent } from '@kuhina/domain';
import { ProjectionSpec, recorded } from '@kuhina/testing';
import { workshopRegistrationsProjection as sut } from './workshop-registrations.projection';
import type { WorkshopRegistration } from './workshop-registrations.view';

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

const byStatus = (registrations: Record<string, WorkshopRegistration> | undefined) =>
  Object.values(registrations ?? {}).map((r) => [r.registrationId, r.status, r.waitlistPosition]);

describe('workshop-registrations projection', () => {
  it('WorkshopPlanned creates an empty list, so a planned workshop shows no registrations rather than none at all', async () => {
    const planned = plan();
    await ProjectionSpec.for(sut)
      .given([])
      .when(planned)
      .then({
        workshopId: W,
        registrations: {},
        waitlist: [],
        invitations: {},
        counts: noRegistrations(),
        invited: 0,
        lastPosition: planned.position.toString(),
      });
  });

  it('ParticipantRegistered lists the registration with expectations and advance questions', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(register('r1', 'p1'))
      .then((view) => {
        expect(view?.registrations.r1).toEqual({
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
        });
        expect(view?.counts.registered).toBe(1);
      });
  });

  it('ParticipantWaitlisted puts the registration at the end of the waitlist', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1)])
      .when(waitlist('r3', 'p3', 2))
      .then((view) => {
        expect(byStatus(view?.registrations)).toEqual([
          ['r1', 'registered', null],
          ['r2', 'waitlisted', 1],
          ['r3', 'waitlisted', 2],
        ]);
        expect(view?.registrations.r3).toMatchObject({ registeredAt: '2023-09-03T10:00:00+03:00', waitlistedAt: '2023-09-03T10:00:00+03:00' });
        expect(view?.counts).toMatchObject({ registered: 1, waitlisted: 2 });
      });
  });

  it('WaitlistedParticipantPromoted registers the head of the waitlist and moves the others up', async () => {
    const given = [plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1), waitlist('r3', 'p3', 2), cancel('r1', 'p1', 'registered')];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(event('WaitlistedParticipantPromoted', { registrationId: 'r2', personId: 'p2', promotedAt: '2023-09-20T10:00:00+03:00' }))
      .then((view) => {
        expect(byStatus(view?.registrations)).toEqual([
          ['r1', 'cancelled', null],
          ['r2', 'registered', null],
          ['r3', 'waitlisted', 1],
        ]);
        expect(view?.registrations.r2.promotedAt).toBe('2023-09-20T10:00:00+03:00');
        expect(view?.counts).toMatchObject({ registered: 1, waitlisted: 1, cancelled: 1 });
      });
  });

  it('RegistrationCancelled of a waitlisted registration frees its waitlist place', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), waitlist('r2', 'p2', 1), waitlist('r3', 'p3', 2)])
      .when(cancel('r2', 'p2', 'waitlisted'))
      .then((view) => {
        expect(view?.registrations.r2).toMatchObject({ status: 'cancelled', cancelledAt: '2023-09-20T10:00:00+03:00', cancellationReason: 'schedule clash' });
        expect(view?.registrations.r3.waitlistPosition).toBe(1);
        expect(view?.waitlist).toEqual(['r3']);
      });
  });

  it('AttendanceRecorded records how the person attended', async () => {
    await ProjectionSpec.for(sut)
      .given([plan(), register('r1', 'p1'), event('WorkshopHeld', { heldOn: '2023-10-10' })])
      .when(event('AttendanceRecorded', { registrationId: 'r1', personId: 'p1', organizationId: ORG, mode: 'remote', recordedAt: '2023-10-10T15:00:00+03:00' }))
      .then((view) => {
        expect(view?.registrations.r1.attended).toBe('remote');
        expect(view?.counts).toMatchObject({ attended: 1, attendedRemote: 1, attendedOnSite: 0 });
        expect(view?.counts).toEqual(countRegistrations(Object.values(view?.registrations ?? {})));
      });
  });

  it('PersonInvited lists the invitation by person', async () => {
    await ProjectionSpec.for(sut)
      .given([plan()])
      .when(event('PersonInvited', { personId: 'p9', invitedAt: '2023-08-15T10:00:00+03:00' }))
      .then((view) => {
        expect(view?.invitations).toEqual({ p9: { personId: 'p9', role: 'participant', invitedAt: '2023-08-15T10:00:00+03:00' } });
        expect(view?.invited).toBe(1);
      });
  });

  it('is idempotent if applied twice (a replayed waitlisting keeps one waitlist place)', async () => {
    const given = [plan(), register('r1', 'p1')];
    await ProjectionSpec.for(sut)
      .given(given)
      .when(waitlist('r2', 'p2', 1))
      .then((view) => {
        expect(view?.waitlist).toEqual(['r2']);
        expect(view?.counts.waitlisted).toBe(1);
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
