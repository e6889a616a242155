import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../../shared/decider';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import type { AttendanceMode, WorkshopEvent } from '../workshop.events';
import {
  at,
  attendanceRecorded,
  cancelRegistration,
  command,
  event,
  heldWithAnna,
  hybrid,
  invitationOnly,
  open,
  planned,
  promoted,
  recordAttendance,
  register,
  registered,
  registrationCancelled,
  registrationClosed,
  registrationOpened,
  waitlisted,
  webinar,
  withAnna,
  workshopCancelled,
  workshopHeld,
  workshopReported,
} from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider: registration and attendance', () => {
  describe('OpenRegistration: from planned (or closed, to re-open)', () => {
    it('opens registration of a planned workshop, and re-opens a closed one', () => {
      sut.given(planned()).when(command('OpenRegistration', {})).then([registrationOpened]);
      sut.given([...open(), registrationClosed]).when(command('OpenRegistration', {})).then([registrationOpened]);
    });

    it('gives no events when already open', () => {
      sut.given(open()).when(command('OpenRegistration', {})).thenNothingHappens();
    });

    it('refuses once held or cancelled', () => {
      sut.given(heldWithAnna()).when(command('OpenRegistration', {})).thenThrows(E.ALREADY_HELD);
      sut.given([...planned(), workshopCancelled]).when(command('OpenRegistration', {})).thenThrows(E.CANCELLED);
    });
  });

  describe('CloseRegistration: only an open registration closes', () => {
    it('closes an open registration', () => {
      sut.given(open()).when(command('CloseRegistration', {})).then([registrationClosed]);
    });

    it('gives no events when already closed', () => {
      sut.given([...open(), registrationClosed]).when(command('CloseRegistration', {})).thenNothingHappens();
    });

    it('refuses when never opened, held or cancelled', () => {
      sut.given(planned()).when(command('CloseRegistration', {})).thenThrows(E.REGISTRATION_NOT_OPEN);
      sut.given(heldWithAnna()).when(command('CloseRegistration', {})).thenThrows(E.ALREADY_HELD);
      sut.given([...open(), workshopCancelled]).when(command('CloseRegistration', {})).thenThrows(E.CANCELLED);
    });
  });

  describe('InvitePerson: invitations exist for invitation-only workshops', () => {
    it('invites a person to an invitation-only workshop', () => {
      sut.given(planned(invitationOnly)).when(command('InvitePerson', { personId: 'anna' })).then([
        event('PersonInvited', { personId: 'anna', role: 'participant', invitedAt: at }),
      ]);
    });

    it('inviting twice gives no events', () => {
      sut.given([...planned(invitationOnly), event('PersonInvited', { personId: 'anna', invitedAt: at })]).when(command('InvitePerson', { personId: 'anna' })).thenNothingHappens();
    });

    it('refuses for an open workshop, and once held', () => {
      sut.given(planned()).when(command('InvitePerson', { personId: 'anna' })).thenThrows(E.NOT_INVITATION_ONLY);
      sut.given(heldWithAnna(invitationOnly)).when(command('InvitePerson', { personId: 'ben' })).thenThrows(E.ALREADY_HELD);
    });
  });

  describe('RegisterParticipant: only while registration is open', () => {
    it('registers a participant while a seat is free', () => {
      sut.given(open()).when(register('r-anna', 'anna')).then([registered('r-anna', 'anna')]);
    });

    it.each([
      ['planned', planned(), E.REGISTRATION_NOT_OPEN],
      ['registration closed', [...open(), registrationClosed], E.REGISTRATION_CLOSED],
      ['held', heldWithAnna(), E.ALREADY_HELD],
      ['reported', [...heldWithAnna(), workshopReported], E.ALREADY_HELD],
      ['cancelled', [...open(), workshopCancelled], E.CANCELLED],
    ])('refuses when %s', (_label, history, code) => {
      sut.given(history).when(register('r-ben', 'ben')).thenThrows(code);
    });

    it('refuses malformed registrations', () => {
      sut.given(open()).when(register('r-anna', ' ')).thenThrows(E.REGISTRATION_INVALID_FIELD);
      sut.given(open()).when(register('r-anna', 'anna', { attendanceMode: 'telepathy' as AttendanceMode })).thenThrows(E.REGISTRATION_INVALID_FIELD);
    });
  });

  describe('RegisterParticipant: invitation-only workshops take only invited persons', () => {
    const invited = [...open(invitationOnly), event('PersonInvited', { personId: 'anna', invitedAt: at })];

    it('registers an invited person', () => {
      sut.given(invited).when(register('r-anna', 'anna')).then([registered('r-anna', 'anna')]);
    });

    it('refuses a person who was not invited', () => {
      sut.given(invited).when(register('r-ben', 'ben')).thenThrows(E.NOT_INVITED);
    });
  });

  describe('RegisterParticipant: a person holds at most one active registration', () => {
    it('refuses a second registration of a registered or waitlisted person', () => {
      sut.given(withAnna()).when(register('r-anna-2', 'anna')).thenThrows(E.REGISTRATION_DUPLICATE);
      sut.given([...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1)]).when(register('r-ben-2', 'ben')).thenThrows(E.REGISTRATION_DUPLICATE);
    });

    it('allows registering again after a cancellation', () => {
      sut.given([...withAnna(), registrationCancelled('r-anna', 'anna', 'registered')]).when(register('r-anna-2', 'anna')).then([registered('r-anna-2', 'anna')]);
    });

    it('a retry with the same registration id gives no events, even after registration closed', () => {
      sut.given([...withAnna(), registrationClosed]).when(register('r-anna', 'anna')).thenNothingHappens();
    });

    it('refuses a registration id already used for someone else', () => {
      sut.given(withAnna()).when(register('r-anna', 'ben')).thenThrows(E.REGISTRATION_ALREADY_EXISTS);
    });
  });

  describe('RegisterParticipant: the attendance mode must be one the format offers', () => {
    it('accepts remote attendance at hybrid workshops and webinars, on-site at hybrid ones', () => {
      sut.given(open(hybrid)).when(register('r-anna', 'anna', { attendanceMode: 'remote' })).then([registered('r-anna', 'anna', { attendanceMode: 'remote' })]);
      sut.given(open(webinar)).when(register('r-anna', 'anna', { attendanceMode: 'remote' })).then([registered('r-anna', 'anna', { attendanceMode: 'remote' })]);
      sut.given(open(hybrid)).when(register('r-anna', 'anna')).then([registered('r-anna', 'anna')]);
    });

    it('refuses remote attendance at an in-person workshop and on-site attendance at a webinar', () => {
      sut.given(open()).when(register('r-anna', 'anna', { attendanceMode: 'remote' })).thenThrows(E.ATTENDANCE_MODE_NOT_OFFERED);
      sut.given(open(webinar)).when(register('r-anna', 'anna', { attendanceMode: 'on-site' })).thenThrows(E.ATTENDANCE_MODE_NOT_OFFERED);
    });
  });

  describe('RegisterParticipant: capacity counts registered seats only; beyond it people wait in order', () => {
    it('waitlists when the seats are taken, with the waitlist position', () => {
      sut.given([...open({ capacity: 1 }), registered('r-anna', 'anna')]).when(register('r-ben', 'ben')).then([waitlisted('r-ben', 'ben', 1)]);
      sut.given([...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1)]).when(register('r-cleo', 'cleo')).then([waitlisted('r-cleo', 'cleo', 2)]);
    });

    it('someone already waiting keeps priority even if a seat looks free', () => {
      // Not produced by this decider (a freed seat always promotes), but e.g. by a history written before promotions existed.
      const history = [...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1), registrationCancelled('r-anna', 'anna', 'registered')];
      sut.given(history).when(register('r-cleo', 'cleo')).then([waitlisted('r-cleo', 'cleo', 2)]);
    });

    it('never waitlists without a capacity', () => {
      sut.given([...open({ capacity: null }), registered('r-anna', 'anna')]).when(register('r-ben', 'ben')).then([registered('r-ben', 'ben')]);
    });

    it('a cancelled registration frees its seat', () => {
      sut.given([...open({ capacity: 1 }), registered('r-anna', 'anna'), registrationCancelled('r-anna', 'anna', 'registered')]).when(register('r-ben', 'ben')).then([registered('r-ben', 'ben')]);
    });

    it('a promoted registration takes the freed seat and leaves the waitlist', () => {
      const history = [...open({ capacity: 2 }), registered('r-anna', 'anna'), registered('r-ben', 'ben'), waitlisted('r-cleo', 'cleo', 1)];
      sut.given([...history, registrationCancelled('r-ben', 'ben', 'registered'), promoted('r-cleo', 'cleo')]).when(register('r-dan', 'dan')).then([waitlisted('r-dan', 'dan', 1)]);
    });

    it('a cancelled waitlisted registration leaves the queue without freeing a seat', () => {
      const history = [...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1), waitlisted('r-cleo', 'cleo', 2)];
      sut.given([...history, registrationCancelled('r-ben', 'ben', 'waitlisted')]).when(register('r-dan', 'dan')).then([waitlisted('r-dan', 'dan', 2)]);
    });
  });

  describe('20 registrations on a workshop with capacity 5', () => {
    const people = Array.from({ length: 20 }, (_, i) => `person-${String(i + 1).padStart(2, '0')}`);

    it('gives 5 ParticipantRegistered then 15 ParticipantWaitlisted, and a cancellation promotes the first waitlisted', () => {
      const decider = workshopDecider;
      let history: WorkshopEvent[] = open({ capacity: 5 });
      for (const person of people) {
        history = [...history, ...decider.decide(register(`r-${person}`, person), fold(decider, history))];
      }
      const decided = history.slice(2);
      expect(decided.map((e) => e.type)).toEqual([...Array(5).fill('ParticipantRegistered'), ...Array(15).fill('ParticipantWaitlisted')]);
      expect(decided.slice(5).map((e) => (e.data as { position: number }).position)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

      sut
        .given(history)
        .when(cancelRegistration('r-person-03'))
        .then([registrationCancelled('r-person-03', 'person-03', 'registered'), promoted('r-person-06', 'person-06')]);
    });
  });

  describe('CancelRegistration: a freed seat goes to the first waitlisted', () => {
    const queue = [...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1), waitlisted('r-cleo', 'cleo', 2)];

    it('cancels a registered participant and promotes the first waitlisted one', () => {
      sut.given(queue).when(cancelRegistration('r-anna')).then([registrationCancelled('r-anna', 'anna', 'registered'), promoted('r-ben', 'ben')]);
    });

    it('after a promotion the next cancellation promotes the next in line', () => {
      sut.given([...queue, registrationCancelled('r-anna', 'anna', 'registered'), promoted('r-ben', 'ben')]).when(cancelRegistration('r-ben')).then([registrationCancelled('r-ben', 'ben', 'registered'), promoted('r-cleo', 'cleo')]);
    });

    it('cancelling a waitlisted registration promotes nobody and keeps the order', () => {
      sut.given(queue).when(cancelRegistration('r-ben')).then([registrationCancelled('r-ben', 'ben', 'waitlisted')]);
      sut.given([...queue, registrationCancelled('r-ben', 'ben', 'waitlisted')]).when(cancelRegistration('r-anna')).then([registrationCancelled('r-anna', 'anna', 'registered'), promoted('r-cleo', 'cleo')]);
    });

    it('cancels without promotion when nobody waits, also after registration closed', () => {
      sut.given([...withAnna(), registrationClosed]).when(cancelRegistration('r-anna')).then([registrationCancelled('r-anna', 'anna', 'registered')]);
    });

    it('cancelling a cancelled registration gives no events', () => {
      sut.given([...withAnna(), registrationCancelled('r-anna', 'anna', 'registered')]).when(cancelRegistration('r-anna')).thenNothingHappens();
    });

    it('refuses an unknown registration, and any cancellation once held', () => {
      sut.given(withAnna()).when(cancelRegistration('r-nobody')).thenThrows(E.REGISTRATION_NOT_FOUND);
      sut.given(heldWithAnna()).when(cancelRegistration('r-anna')).thenThrows(E.ALREADY_HELD);
    });
  });

  describe('RecordAttendance: registered participants of a held workshop, once each', () => {
    const held = [...open(hybrid), registered('r-anna', 'anna'), registered('r-ben', 'ben', { attendanceMode: 'remote' }), registrationClosed, workshopHeld];

    it('records one AttendanceRecorded per attendee, with the actual mode', () => {
      sut.given(held).when(recordAttendance(['r-anna', 'remote'], ['r-ben', 'remote'])).then([
        attendanceRecorded('r-anna', 'anna', 'remote'),
        attendanceRecorded('r-ben', 'ben', 'remote'),
      ]);
    });

    it('is also allowed after the report (late sign-in sheets)', () => {
      sut.given([...heldWithAnna(), workshopReported]).when(recordAttendance(['r-anna', 'on-site'])).then([attendanceRecorded('r-anna', 'anna')]);
    });

    it('refuses before the workshop is held, and for a cancelled one', () => {
      sut.given(withAnna()).when(recordAttendance(['r-anna', 'on-site'])).thenThrows(E.NOT_HELD);
      sut.given([...withAnna(), workshopCancelled]).when(recordAttendance(['r-anna', 'on-site'])).thenThrows(E.CANCELLED);
    });

    it('refuses waitlisted, cancelled and unknown registrations', () => {
      const history = [...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1), registered('r-cleo-x', 'cleo'), registrationCancelled('r-cleo-x', 'cleo', 'registered'), workshopHeld];
      sut.given(history).when(recordAttendance(['r-ben', 'on-site'])).thenThrows(E.REGISTRATION_NOT_REGISTERED);
      sut.given(history).when(recordAttendance(['r-cleo-x', 'on-site'])).thenThrows(E.REGISTRATION_NOT_REGISTERED);
      sut.given(history).when(recordAttendance(['r-nobody', 'on-site'])).thenThrows(E.REGISTRATION_NOT_FOUND);
    });

    it('refuses a mode the format does not offer', () => {
      sut.given(heldWithAnna()).when(recordAttendance(['r-anna', 'remote'])).thenThrows(E.ATTENDANCE_MODE_NOT_OFFERED);
    });

    it('recording the same again gives no events; a batch naming someone twice the same way records once', () => {
      sut.given([...heldWithAnna(), attendanceRecorded('r-anna', 'anna')]).when(recordAttendance(['r-anna', 'on-site'])).thenNothingHappens();
      sut.given(heldWithAnna()).when(recordAttendance(['r-anna', 'on-site'], ['r-anna', 'on-site'])).then([attendanceRecorded('r-anna', 'anna')]);
    });

    it('refuses a different mode than the one recorded, or two modes in one batch', () => {
      sut.given([...held, attendanceRecorded('r-anna', 'anna', 'on-site')]).when(recordAttendance(['r-anna', 'remote'])).thenThrows(E.ATTENDANCE_ALREADY_RECORDED);
      sut.given(held).when(recordAttendance(['r-anna', 'remote'], ['r-anna', 'on-site'])).thenThrows(E.ATTENDANCE_CONFLICTING_MODES);
    });
  });
  describe('Roles: organisers, hosts and speakers run the workshop; only participants take seats', () => {
    const full = { capacity: 1 };
    const staffOf = (role: 'organiser' | 'host' | 'speaker') => ({ role, organizationId: 'org-hub' });

    it('registers staff beside a full workshop, never waitlisting them, and keeps their role', () => {
      sut.given(withAnna(full)).when(register('r-core', 'core', staffOf('organiser'))).then([registered('r-core', 'core', staffOf('organiser'))]);
      sut.given(withAnna(full)).when(register('r-bob', 'bob')).then([waitlisted('r-bob', 'bob', 1)]);
      const state = fold(workshopDecider, [...withAnna(full), registered('r-core', 'core', staffOf('organiser'))]);
      expect(state.status === 'registration-open' && state.counts).toMatchObject({ registered: 1, staff: { organiser: { registered: 1, attended: 0 } } });
    });

    it('lets staff register before registration opens, after it closes, and without an invitation', () => {
      sut.given(planned()).when(register('r-host', 'host', staffOf('host'))).then([registered('r-host', 'host', staffOf('host'))]);
      sut.given([...open(), registrationClosed]).when(register('r-host', 'host', staffOf('host'))).then([registered('r-host', 'host', staffOf('host'))]);
      sut.given(open(invitationOnly)).when(register('r-core', 'core', staffOf('organiser'))).then([registered('r-core', 'core', staffOf('organiser'))]);
      sut.given(heldWithAnna()).when(register('r-core', 'core', staffOf('organiser'))).thenThrows(E.ALREADY_HELD);
    });

    it('records a speaker as unpaid unless said otherwise, with the topic; speaker details belong to speakers only', () => {
      sut.given(open()).when(register('r-sp', 'sp', staffOf('speaker'))).then([registered('r-sp', 'sp', { ...staffOf('speaker'), speaker: { topic: null, paid: false } })]);
      const talk = { topic: 'The validation framework', paid: true };
      sut.given(open()).when(register('r-sp', 'sp', { ...staffOf('speaker'), speaker: talk })).then([registered('r-sp', 'sp', { ...staffOf('speaker'), speaker: talk })]);
      sut.given(open()).when(register('r-p', 'p', { speaker: talk })).thenThrows(E.REGISTRATION_INVALID_FIELD);
      sut.given(open()).when(register('r-p', 'p', { role: 'visitor' as never })).thenThrows(E.REGISTRATION_INVALID_FIELD);
    });

    it('takes no citizens as registrations at a street event: they are a tally with the citizen input; hosts register', () => {
      const street = { kind: 'street-event' as const };
      sut.given(open(street)).when(register('r-c', 'citizen')).thenThrows(E.REGISTRATION_STREET_EVENT_CITIZEN);
      sut.given(open(street)).when(register('r-host', 'host', staffOf('host'))).then([registered('r-host', 'host', staffOf('host'))]);
    });

    it('frees no seat when a staff registration is cancelled, so nobody is promoted', () => {
      const given = [...withAnna(full), registered('r-core', 'core', staffOf('organiser')), waitlisted('r-bob', 'bob', 1)];
      sut.given(given).when(cancelRegistration('r-core')).then([registrationCancelled('r-core', 'core', 'registered')]);
      sut.given(given).when(cancelRegistration('r-anna')).then([registrationCancelled('r-anna', 'anna', 'registered'), promoted('r-bob', 'bob')]);
    });

    it('carries the role into the attendance', () => {
      const given = [...withAnna(), registered('r-core', 'core', staffOf('organiser')), registrationClosed, workshopHeld];
      sut.given(given).when(recordAttendance(['r-core', 'on-site'])).then([{ ...attendanceRecorded('r-core', 'core', 'on-site', 'organiser'), data: { ...attendanceRecorded('r-core', 'core', 'on-site', 'organiser').data, organizationId: 'org-hub' } }]);
    });
  });
});
