import { DeciderSpecification } from '@kuhina/testing';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { WorkshopCommand } from './workshop.commands';
import { workshopDecider } from './workshop.decider';
import { WorkshopErrors as E } from './workshop.errors';
import type { AttendanceMode, ExpenseFigures, PledgeKind, WorkshopEvent, WorkshopPlan } from './workshop.events';

// ---------------------------------------------------------------------------------------------
// Factories: each test spells out only what its rule is about.
// ---------------------------------------------------------------------------------------------

const workshopId = 'w-rauma';
const at = '2023-03-01T10:00:00+02:00';
const heldOn = '2023-04-19';

type CommandOf<T extends WorkshopCommand['type']> = Extract<WorkshopCommand, { type: T }>;
type EventOf<T extends WorkshopEvent['type']> = Extract<WorkshopEvent, { type: T }>;

/** A command about the workshop under test, issued at `at`. */
const command = <T extends WorkshopCommand['type']>(type: T, data: Omit<CommandOf<T>['data'], 'workshopId'>): CommandOf<T> =>
  ({ type, data: { workshopId, ...data }, at }) as unknown as CommandOf<T>;

/** An event of the workshop under test. */
const event = <T extends WorkshopEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'workshopId'>): EventOf<T> =>
  ({ type, data: { workshopId, ...data } }) as unknown as EventOf<T>;

const rauma: WorkshopPlan = {
  chainId: 'chain-2023',
  title: 'Futures workshop: social innovation in Rauma',
  theme: 'Social innovation in municipalities and NGOs',
  method: 'futures workshop',
  kind: 'co-development',
  format: 'in-person',
  location: { venue: 'Rauma city hall', municipality: 'Rauma', region: 'Satakunta' },
  startsAt: '2023-04-19T09:00:00+03:00',
  endsAt: '2023-04-19T12:00:00+03:00',
  targetGroups: ['municipal residents', 'NGO workers', 'social-sector workers'],
  access: 'open',
  capacity: 30,
  coOrganizerIds: ['org-city-of-rauma', 'org-coaching-association'],
};
const webinar: Partial<WorkshopPlan> = { format: 'webinar', location: null, kind: 'information-event' };
const hybrid: Partial<WorkshopPlan> = { format: 'hybrid' };
const invitationOnly: Partial<WorkshopPlan> = { access: 'invitation-only' };

const planWorkshop = (overrides: Partial<WorkshopPlan> = {}) => command('PlanWorkshop', { ...rauma, ...overrides });
const workshopPlanned = (overrides: Partial<WorkshopPlan> = {}) => event('WorkshopPlanned', { ...rauma, ...overrides, plannedAt: at });

const registrationOpened = event('RegistrationOpened', { openedAt: at });
const registrationClosed = event('RegistrationClosed', { closedAt: at });
const workshopHeld = event('WorkshopHeld', { heldOn });
const workshopReported = event('WorkshopReported', { summary: 'Held as planned', reportedAt: at });
const workshopCancelled = event('WorkshopCancelled', { reason: 'Speaker fell ill', cancelledAt: at });

interface RegistrationOptions {
  organizationId?: string | null;
  attendanceMode?: AttendanceMode;
}
const registrationFields = (registrationId: string, personId: string, options: RegistrationOptions = {}) => ({
  registrationId,
  personId,
  organizationId: options.organizationId === undefined ? 'org-ngo' : options.organizationId,
  attendanceMode: options.attendanceMode ?? ('on-site' as AttendanceMode),
  expectations: 'Meet other developers',
  advanceQuestions: ['How do we fund a pilot?'],
});
const register = (registrationId: string, personId: string, options?: RegistrationOptions) =>
  command('RegisterParticipant', registrationFields(registrationId, personId, options));
const registered = (registrationId: string, personId: string, options?: RegistrationOptions) =>
  event('ParticipantRegistered', { ...registrationFields(registrationId, personId, options), registeredAt: at });
const waitlisted = (registrationId: string, personId: string, position: number, options?: RegistrationOptions) =>
  event('ParticipantWaitlisted', { ...registrationFields(registrationId, personId, options), position, waitlistedAt: at });
const cancelRegistration = (registrationId: string) => command('CancelRegistration', { registrationId, reason: 'Cannot come' });
const registrationCancelled = (registrationId: string, personId: string, previousStatus: 'registered' | 'waitlisted') =>
  event('RegistrationCancelled', { registrationId, personId, previousStatus, reason: 'Cannot come', cancelledAt: at });
const promoted = (registrationId: string, personId: string) =>
  event('WaitlistedParticipantPromoted', { registrationId, personId, promotedAt: at });

const recordAttendance = (...attendees: [string, AttendanceMode][]) =>
  command('RecordAttendance', { attendees: attendees.map(([registrationId, mode]) => ({ registrationId, mode })) });
const attendanceRecorded = (registrationId: string, personId: string, mode: AttendanceMode = 'on-site') =>
  event('AttendanceRecorded', { registrationId, personId, organizationId: 'org-ngo', mode, recordedAt: at });

const pledgeFields: { organizationId: string; kind: PledgeKind; description: string; inKindValueCents: number; valuationBasis: string } = {
  organizationId: 'org-city-of-rauma',
  kind: 'venue',
  description: 'Council hall for a morning',
  inKindValueCents: 45_000,
  valuationBasis: "city's rental price list 2023",
};
const pledgeResource = (pledgeId = 'p-1', overrides: Partial<typeof pledgeFields> = {}) =>
  command('PledgeResource', { pledgeId, ...pledgeFields, ...overrides });
const resourcePledged = (pledgeId = 'p-1') => event('ResourcePledged', { pledgeId, ...pledgeFields, pledgedAt: at });

const coffee: ExpenseFigures = { amountCents: 26_000, category: 'catering', fundingSource: 'esf', receiptReference: 'INV-2023-041' };
const recordExpense = (expenseId = 'x-1', overrides: Partial<ExpenseFigures & { incurredOn: string }> = {}) =>
  command('RecordExpense', { expenseId, ...coffee, description: 'Coffee and buns', incurredOn: '2023-04-19', ...overrides });
const expenseRecorded = (expenseId = 'x-1') =>
  event('ExpenseRecorded', { expenseId, ...coffee, description: 'Coffee and buns', incurredOn: '2023-04-19', recordedAt: at });

const submitFeedback = (feedbackId: string, registrationId: string | null, rating = 5, anonymous = false) =>
  command('SubmitFeedback', { feedbackId, registrationId, anonymous, rating, comment: 'Useful' });
const feedbackSubmitted = (feedbackId: string, registrationId: string | null, rating = 5, anonymous = false) =>
  event('FeedbackSubmitted', { feedbackId, registrationId, anonymous, rating, comment: 'Useful', submittedAt: at });

const citizenInput = { inputId: 'ci-1', topic: 'Services for young people', summary: 'More evening opening hours', citizensHeard: 42, collectedAt: '2023-06-28' };
const collectCitizenInput = (overrides: Partial<typeof citizenInput> = {}) => command('CollectCitizenInput', { ...citizenInput, ...overrides });
const citizenInputCollected = event('CitizenInputCollected', citizenInput);
const forward = { summary: 'What citizens told us at the bench café', recipients: ['Pori city board'], forwardedAt: '2023-07-10' };
const forwardSummary = (overrides: Partial<typeof forward> = {}) => command('ForwardCitizenInputSummary', { ...forward, ...overrides });
const summaryForwarded = event('CitizenInputSummaryForwarded', forward);

const meeting = { meetingId: 'm-1', heldOn: '2023-02-14', kind: 'partner' as const, online: true, organizationIds: ['org-city-of-rauma'], notes: 'Agenda agreed' };

// Histories
const planned = (overrides: Partial<WorkshopPlan> = {}) => [workshopPlanned(overrides)];
const open = (overrides: Partial<WorkshopPlan> = {}) => [...planned(overrides), registrationOpened];
const withAnna = (overrides: Partial<WorkshopPlan> = {}) => [...open(overrides), registered('r-anna', 'anna')];
const heldWithAnna = (overrides: Partial<WorkshopPlan> = {}) => [...withAnna(overrides), registrationClosed, workshopHeld];

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider', () => {
  describe('PlanWorkshop: a workshop is planned once, with a coherent plan', () => {
    it('plans a workshop, stamping the business time', () => {
      sut.given([]).when(planWorkshop()).then([workshopPlanned()]);
    });

    it('plans a webinar without a location and with unlimited capacity', () => {
      sut.given([]).when(planWorkshop({ ...webinar, capacity: null })).then([workshopPlanned({ ...webinar, capacity: null })]);
    });

    it('refuses an in-person or hybrid workshop without a location', () => {
      sut.given([]).when(planWorkshop({ location: null })).thenThrows(E.LOCATION_REQUIRED);
      sut.given([]).when(planWorkshop({ ...hybrid, location: null })).thenThrows(E.LOCATION_REQUIRED);
    });

    it('refuses a workshop that does not end after it starts', () => {
      sut.given([]).when(planWorkshop({ endsAt: rauma.startsAt })).thenThrows(E.SCHEDULE_INVALID);
      // Same wall-clock hour, but 10:00+03:00 is 09:00+02:00: not later.
      sut.given([]).when(planWorkshop({ startsAt: '2023-04-19T09:00:00+02:00', endsAt: '2023-04-19T10:00:00+03:00' })).thenThrows(E.SCHEDULE_INVALID);
    });

    it('refuses date-times without an offset or off the calendar', () => {
      sut.given([]).when(planWorkshop({ startsAt: '2023-04-19T09:00:00' })).thenThrows(E.INVALID_FIELD);
      sut.given([]).when(planWorkshop({ endsAt: '2023-02-29T12:00:00Z' })).thenThrows(E.INVALID_FIELD);
    });

    it.each([0, -3, 2.5, Number.NaN])('refuses capacity %p', (capacity) => {
      sut.given([]).when(planWorkshop({ capacity })).thenThrows(E.CAPACITY_INVALID);
    });

    it('refuses values outside the vocabularies and blank texts', () => {
      sut.given([]).when(planWorkshop({ kind: 'seminar' as WorkshopPlan['kind'] })).thenThrows(E.INVALID_FIELD);
      sut.given([]).when(planWorkshop({ format: 'radio' as WorkshopPlan['format'] })).thenThrows(E.INVALID_FIELD);
      sut.given([]).when(planWorkshop({ access: 'secret' as WorkshopPlan['access'] })).thenThrows(E.INVALID_FIELD);
      sut.given([]).when(planWorkshop({ title: '  ' })).thenThrows(E.INVALID_FIELD);
      sut.given([]).when(planWorkshop({ targetGroups: [''] })).thenThrows(E.INVALID_FIELD);
    });

    it('repeating the same plan is idempotent: no events', () => {
      sut.given(planned()).when(planWorkshop()).thenNothingHappens();
    });

    it('refuses to plan an existing workshop with other data', () => {
      sut.given(planned()).when(planWorkshop({ title: 'Another title' })).thenThrows(E.ALREADY_EXISTS);
    });

    it('copies only the documented fields into the event', () => {
      const data = { ...planWorkshop().data, password: 'secret', location: { venue: 'Rauma city hall', municipality: 'Rauma', region: 'Satakunta', gps: '61.13,21.51' } };
      sut.given([]).when({ type: 'PlanWorkshop', data, at }).then([workshopPlanned()]);
    });
  });

  describe('commands need an existing workshop of the same id', () => {
    it.each([
      command('OpenRegistration', {}),
      register('r-1', 'anna'),
      command('MarkHeld', { heldOn }),
      recordExpense(),
      command('CancelWorkshop', { reason: 'No venue' }),
    ])('refuses $type on an empty stream with WORKSHOP.NOT_FOUND', (cmd) => {
      sut.given([]).when(cmd).thenThrows(E.NOT_FOUND);
    });

    it('accepts a command naming the workshop of its stream', () => {
      sut.given(planned()).when(command('OpenRegistration', {})).then([registrationOpened]);
    });

    it('refuses a command naming another workshop than its stream', () => {
      const other = { type: 'OpenRegistration', data: { workshopId: 'w-pori' }, at } as const;
      sut.given(planned()).when(other).thenThrows(E.ID_MISMATCH);
    });
  });

  describe('RescheduleWorkshop: dates and venue move until the workshop is held', () => {
    const reschedule = { startsAt: '2023-04-26T09:00:00+03:00', endsAt: '2023-04-26T12:00:00+03:00', location: rauma.location };

    it('reschedules, keeping the previous dates in the event', () => {
      sut
        .given(withAnna())
        .when(command('RescheduleWorkshop', reschedule))
        .then([event('WorkshopRescheduled', { ...reschedule, previousStartsAt: rauma.startsAt, previousEndsAt: rauma.endsAt, rescheduledAt: at })]);
    });

    it('gives no events when nothing changes', () => {
      sut.given(planned()).when(command('RescheduleWorkshop', { startsAt: rauma.startsAt, endsAt: rauma.endsAt, location: rauma.location })).thenNothingHappens();
    });

    it('refuses once held, and refuses a schedule that ends before it starts', () => {
      sut.given(heldWithAnna()).when(command('RescheduleWorkshop', reschedule)).thenThrows(E.ALREADY_HELD);
      sut.given(planned()).when(command('RescheduleWorkshop', { ...reschedule, endsAt: '2023-04-26T08:00:00+03:00' })).thenThrows(E.SCHEDULE_INVALID);
    });
  });

  describe('AddCoOrganizer: partners may join until the report', () => {
    it('adds a co-organiser, once', () => {
      sut.given(heldWithAnna()).when(command('AddCoOrganizer', { organizationId: 'org-youth-centre' })).then([
        event('CoOrganizerAdded', { organizationId: 'org-youth-centre', addedAt: at }),
      ]);
      sut.given(planned()).when(command('AddCoOrganizer', { organizationId: 'org-city-of-rauma' })).thenNothingHappens();
    });

    it('refuses after the report or a cancellation', () => {
      sut.given([...heldWithAnna(), workshopReported]).when(command('AddCoOrganizer', { organizationId: 'org-x' })).thenThrows(E.ALREADY_REPORTED);
      sut.given([...planned(), workshopCancelled]).when(command('AddCoOrganizer', { organizationId: 'org-x' })).thenThrows(E.CANCELLED);
    });
  });

  describe('ChangeCapacity: more seats promote the waitlist in order; seats taken are never withdrawn', () => {
    const fullOfTwo = [
      ...open({ capacity: 1 }),
      registered('r-anna', 'anna'),
      waitlisted('r-ben', 'ben', 1),
      waitlisted('r-cleo', 'cleo', 2),
      waitlisted('r-dan', 'dan', 3),
    ];

    it('raises the capacity and promotes as many waitlisted as seats were added, first come first served', () => {
      sut
        .given(fullOfTwo)
        .when(command('ChangeCapacity', { capacity: 3 }))
        .then([
          event('WorkshopCapacityChanged', { capacity: 3, previousCapacity: 1, changedAt: at }),
          promoted('r-ben', 'ben'),
          promoted('r-cleo', 'cleo'),
        ]);
    });

    it('lifting the limit promotes everyone waiting', () => {
      sut
        .given(fullOfTwo)
        .when(command('ChangeCapacity', { capacity: null }))
        .then([
          event('WorkshopCapacityChanged', { capacity: null, previousCapacity: 1, changedAt: at }),
          promoted('r-ben', 'ben'),
          promoted('r-cleo', 'cleo'),
          promoted('r-dan', 'dan'),
        ]);
    });

    it('refuses a capacity below the seats taken', () => {
      sut.given([...open(), registered('r-anna', 'anna'), registered('r-ben', 'ben')]).when(command('ChangeCapacity', { capacity: 1 })).thenThrows(E.CAPACITY_BELOW_REGISTERED);
    });

    it('gives no events for the same capacity, and refuses once held or with a bad value', () => {
      sut.given(planned()).when(command('ChangeCapacity', { capacity: 30 })).thenNothingHappens();
      sut.given(heldWithAnna()).when(command('ChangeCapacity', { capacity: 40 })).thenThrows(E.ALREADY_HELD);
      sut.given(planned()).when(command('ChangeCapacity', { capacity: 0 })).thenThrows(E.CAPACITY_INVALID);
    });
  });

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
        event('PersonInvited', { personId: 'anna', invitedAt: at }),
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

  describe('PledgeResource: pledges with an in-kind value and its basis, until reported or cancelled', () => {
    it('records a pledge while planned and after the workshop is held', () => {
      sut.given(planned()).when(pledgeResource()).then([resourcePledged()]);
      sut.given(heldWithAnna()).when(pledgeResource()).then([resourcePledged()]);
    });

    it('refuses once the workshop is reported or cancelled', () => {
      sut.given([...heldWithAnna(), workshopReported]).when(pledgeResource()).thenThrows(E.ALREADY_REPORTED);
      sut.given([...planned(), workshopCancelled]).when(pledgeResource()).thenThrows(E.CANCELLED);
    });

    it.each([-1, 12.5, Number.MAX_SAFE_INTEGER + 1])('refuses an in-kind value of %p cents', (inKindValueCents) => {
      sut.given(planned()).when(pledgeResource('p-1', { inKindValueCents })).thenThrows(E.PLEDGE_VALUE_INVALID);
    });

    it('accepts a free pledge (0 cents) but not a blank valuation basis or unknown kind', () => {
      sut.given(planned()).when(pledgeResource('p-1', { inKindValueCents: 0 })).then([event('ResourcePledged', { pledgeId: 'p-1', ...pledgeFields, inKindValueCents: 0, pledgedAt: at })]);
      sut.given(planned()).when(pledgeResource('p-1', { valuationBasis: ' ' })).thenThrows(E.PLEDGE_INVALID_FIELD);
      sut.given(planned()).when(pledgeResource('p-1', { kind: 'money' as PledgeKind })).thenThrows(E.PLEDGE_INVALID_FIELD);
    });

    it('a retry gives no events; another pledge under the same id is refused', () => {
      sut.given([...planned(), resourcePledged()]).when(pledgeResource()).thenNothingHappens();
      sut.given([...planned(), resourcePledged()]).when(pledgeResource('p-1', { kind: 'catering' })).thenThrows(E.PLEDGE_ALREADY_EXISTS);
    });
  });

  describe('FulfilPledge / WithdrawPledge: only while pending', () => {
    const fulfilled = event('PledgeFulfilled', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', fulfilledAt: at });
    const withdrawn = event('PledgeWithdrawn', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', reason: 'Hall double-booked', withdrawnAt: at });

    it('fulfils or withdraws a pending pledge', () => {
      sut.given([...planned(), resourcePledged()]).when(command('FulfilPledge', { pledgeId: 'p-1' })).then([fulfilled]);
      sut.given([...planned(), resourcePledged()]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'Hall double-booked' })).then([withdrawn]);
    });

    it('settles pledges of a cancelled workshop too', () => {
      sut.given([...planned(), resourcePledged(), workshopCancelled]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'Hall double-booked' })).then([withdrawn]);
    });

    it('refuses a pledge that is no longer pending', () => {
      sut.given([...planned(), resourcePledged(), fulfilled]).when(command('FulfilPledge', { pledgeId: 'p-1' })).thenThrows(E.PLEDGE_NOT_PENDING);
      sut.given([...planned(), resourcePledged(), withdrawn]).when(command('FulfilPledge', { pledgeId: 'p-1' })).thenThrows(E.PLEDGE_NOT_PENDING);
      sut.given([...planned(), resourcePledged(), fulfilled]).when(command('WithdrawPledge', { pledgeId: 'p-1', reason: 'x' })).thenThrows(E.PLEDGE_NOT_PENDING);
    });

    it('refuses an unknown pledge', () => {
      sut.given(planned()).when(command('FulfilPledge', { pledgeId: 'p-404' })).thenThrows(E.PLEDGE_NOT_FOUND);
    });
  });

  describe('RecordExpense: in any state, amounts in whole cents', () => {
    it('records an expense, also for a cancelled workshop', () => {
      sut.given(planned()).when(recordExpense()).then([expenseRecorded()]);
      sut.given([...planned(), workshopCancelled]).when(recordExpense()).then([expenseRecorded()]);
      sut.given([...heldWithAnna(), workshopReported]).when(recordExpense()).then([expenseRecorded()]);
    });

    it.each([-100, 99.5, Number.NaN])('refuses an amount of %p cents', (amountCents) => {
      sut.given(planned()).when(recordExpense('x-1', { amountCents })).thenThrows(E.EXPENSE_AMOUNT_INVALID);
    });

    it('refuses a missing receipt reference, an unknown funding source or a bad date', () => {
      sut.given(planned()).when(recordExpense('x-1', { receiptReference: '' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given(planned()).when(recordExpense('x-1', { fundingSource: 'lottery' as 'esf' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given(planned()).when(recordExpense('x-1', { incurredOn: '19.4.2023' })).thenThrows(E.EXPENSE_INVALID_FIELD);
    });

    it('a retry gives no events; another expense under the same id is refused', () => {
      sut.given([...planned(), expenseRecorded()]).when(recordExpense()).thenNothingHappens();
      sut.given([...planned(), expenseRecorded()]).when(recordExpense('x-1', { amountCents: 1 })).thenThrows(E.EXPENSE_ALREADY_EXISTS);
    });
  });

  describe('VoidExpense / CorrectExpense: never edited, voided or corrected by new facts', () => {
    const voided = event('ExpenseVoided', { expenseId: 'x-1', reason: 'Recorded twice', voidedAt: at });
    const correction = { ...coffee, amountCents: 24_500, receiptReference: 'INV-2023-041b' };
    const correct = (figures: ExpenseFigures = correction) => command('CorrectExpense', { expenseId: 'x-1', ...figures, reason: 'Credit note' });
    const corrected = event('ExpenseCorrected', { expenseId: 'x-1', ...correction, previous: coffee, reason: 'Credit note', correctedAt: at });

    it('voids an expense', () => {
      sut.given([...planned(), expenseRecorded()]).when(command('VoidExpense', { expenseId: 'x-1', reason: 'Recorded twice' })).then([voided]);
    });

    it('corrects an expense, naming the figures it replaces', () => {
      sut.given([...planned(), expenseRecorded()]).when(correct()).then([corrected]);
    });

    it('a second correction replaces the corrected figures', () => {
      const again = { ...correction, category: 'travel' as const };
      sut.given([...planned(), expenseRecorded(), corrected]).when(correct(again)).then([
        event('ExpenseCorrected', { expenseId: 'x-1', ...again, previous: correction, reason: 'Credit note', correctedAt: at }),
      ]);
    });

    it('a correction to the current figures gives no events', () => {
      sut.given([...planned(), expenseRecorded(), corrected]).when(correct()).thenNothingHappens();
    });

    it('refuses to void or correct a voided expense', () => {
      sut.given([...planned(), expenseRecorded(), voided]).when(command('VoidExpense', { expenseId: 'x-1', reason: 'again' })).thenThrows(E.EXPENSE_VOIDED);
      sut.given([...planned(), expenseRecorded(), voided]).when(correct()).thenThrows(E.EXPENSE_VOIDED);
    });

    it('refuses an unknown expense, a blank reason and a bad amount', () => {
      sut.given(planned()).when(command('VoidExpense', { expenseId: 'x-404', reason: 'x' })).thenThrows(E.EXPENSE_NOT_FOUND);
      sut.given([...planned(), expenseRecorded()]).when(command('VoidExpense', { expenseId: 'x-1', reason: '' })).thenThrows(E.EXPENSE_INVALID_FIELD);
      sut.given([...planned(), expenseRecorded()]).when(correct({ ...correction, amountCents: -1 })).thenThrows(E.EXPENSE_AMOUNT_INVALID);
    });
  });

  describe('SubmitFeedback: once the workshop is held, at most once per registration', () => {
    it('accepts feedback linked to a registration of a held or reported workshop', () => {
      sut.given(heldWithAnna()).when(submitFeedback('f-1', 'r-anna')).then([feedbackSubmitted('f-1', 'r-anna')]);
      sut.given([...heldWithAnna(), workshopReported]).when(submitFeedback('f-1', 'r-anna', 4)).then([feedbackSubmitted('f-1', 'r-anna', 4)]);
    });

    it('accepts any number of unlinked (paper or online form) feedback', () => {
      sut.given([...heldWithAnna(), feedbackSubmitted('f-1', null, 3, true)]).when(submitFeedback('f-2', null, 2, true)).then([feedbackSubmitted('f-2', null, 2, true)]);
    });

    it('refuses before the workshop is held, and for a cancelled workshop', () => {
      sut.given(withAnna()).when(submitFeedback('f-1', null)).thenThrows(E.NOT_HELD);
      sut.given([...withAnna(), registrationClosed]).when(submitFeedback('f-1', 'r-anna')).thenThrows(E.NOT_HELD);
      sut.given([...withAnna(), workshopCancelled]).when(submitFeedback('f-1', null)).thenThrows(E.CANCELLED);
    });

    it('refuses a second feedback for the same registration, anonymous or not', () => {
      sut.given([...heldWithAnna(), feedbackSubmitted('f-1', 'r-anna', 5, true)]).when(submitFeedback('f-2', 'r-anna', 1)).thenThrows(E.FEEDBACK_DUPLICATE);
    });

    it('a retry of the same feedback gives no events; another under the same id is refused', () => {
      sut.given([...heldWithAnna(), feedbackSubmitted('f-1', 'r-anna')]).when(submitFeedback('f-1', 'r-anna')).thenNothingHappens();
      sut.given([...heldWithAnna(), feedbackSubmitted('f-1', null)]).when(submitFeedback('f-1', null, 1)).thenThrows(E.FEEDBACK_ALREADY_EXISTS);
    });

    it.each([0, 6, 3.5, Number.NaN])('refuses rating %p', (rating) => {
      sut.given(heldWithAnna()).when(submitFeedback('f-1', 'r-anna', rating)).thenThrows(E.FEEDBACK_RATING_INVALID);
    });

    it('refuses unknown and seatless registrations', () => {
      sut.given(heldWithAnna()).when(submitFeedback('f-1', 'r-nobody')).thenThrows(E.REGISTRATION_NOT_FOUND);
      const withWaiting = [...open({ capacity: 1 }), registered('r-anna', 'anna'), waitlisted('r-ben', 'ben', 1), workshopHeld];
      sut.given(withWaiting).when(submitFeedback('f-1', 'r-ben')).thenThrows(E.REGISTRATION_NOT_REGISTERED);
    });
  });

  describe('CollectCitizenInput: citizens heard, until reported or cancelled', () => {
    it('records citizen input', () => {
      sut.given(planned({ kind: 'street-event' })).when(collectCitizenInput()).then([citizenInputCollected]);
    });

    it('refuses for a cancelled workshop and a negative or fractional number of citizens', () => {
      sut.given([...planned(), workshopCancelled]).when(collectCitizenInput()).thenThrows(E.CANCELLED);
      sut.given(planned()).when(collectCitizenInput({ citizensHeard: -1 })).thenThrows(E.CITIZEN_INPUT_INVALID_FIELD);
      sut.given(planned()).when(collectCitizenInput({ citizensHeard: 2.5 })).thenThrows(E.CITIZEN_INPUT_INVALID_FIELD);
    });

    it('a retry gives no events; other input under the same id is refused', () => {
      sut.given([...planned(), citizenInputCollected]).when(collectCitizenInput()).thenNothingHappens();
      sut.given([...planned(), citizenInputCollected]).when(collectCitizenInput({ citizensHeard: 7 })).thenThrows(E.CITIZEN_INPUT_ALREADY_EXISTS);
    });
  });

  describe('ForwardCitizenInputSummary: only after input was collected', () => {
    it('forwards a summary, also after the report', () => {
      sut.given([...planned(), citizenInputCollected]).when(forwardSummary()).then([summaryForwarded]);
      sut.given([...heldWithAnna(), citizenInputCollected, workshopReported]).when(forwardSummary()).then([summaryForwarded]);
    });

    it('refuses when no citizen input was collected', () => {
      sut.given(planned()).when(forwardSummary()).thenThrows(E.CITIZEN_INPUT_NOT_COLLECTED);
    });

    it('refuses without recipients', () => {
      sut.given([...planned(), citizenInputCollected]).when(forwardSummary({ recipients: [] })).thenThrows(E.CITIZEN_INPUT_INVALID_FIELD);
    });

    it('a retry gives no events; forwarding to others again is a new fact', () => {
      sut.given([...planned(), citizenInputCollected, summaryForwarded]).when(forwardSummary()).thenNothingHappens();
      const again = { ...forward, recipients: ['Satakunta regional council'] };
      sut.given([...planned(), citizenInputCollected, summaryForwarded]).when(forwardSummary(again)).then([event('CitizenInputSummaryForwarded', again)]);
    });
  });

  describe('RecordPlanningMeeting: planning work counts whatever became of the workshop', () => {
    const recorded = event('PlanningMeetingRecorded', { ...meeting, recordedAt: at });

    it('records a meeting, also for a cancelled workshop', () => {
      sut.given(planned()).when(command('RecordPlanningMeeting', meeting)).then([recorded]);
      sut.given([...planned(), workshopCancelled]).when(command('RecordPlanningMeeting', meeting)).then([recorded]);
    });

    it('refuses an unknown kind or a bad date', () => {
      sut.given(planned()).when(command('RecordPlanningMeeting', { ...meeting, kind: 'board' as 'partner' })).thenThrows(E.PLANNING_MEETING_INVALID_FIELD);
      sut.given(planned()).when(command('RecordPlanningMeeting', { ...meeting, heldOn: '2023-02-30' })).thenThrows(E.PLANNING_MEETING_INVALID_FIELD);
    });

    it('a retry gives no events; another meeting under the same id is refused', () => {
      sut.given([...planned(), recorded]).when(command('RecordPlanningMeeting', meeting)).thenNothingHappens();
      sut.given([...planned(), recorded]).when(command('RecordPlanningMeeting', { ...meeting, kind: 'core-team' })).thenThrows(E.PLANNING_MEETING_ALREADY_EXISTS);
    });
  });

  describe('RecordSustainabilityPractices: the latest record counts, until reported or cancelled', () => {
    const practices = { practices: ['public-transport' as const, 'vegetarian-food' as const], notes: 'Leftovers to the staff room' };
    const recorded = event('SustainabilityPracticesRecorded', { ...practices, recordedAt: at });

    it('records practices, dropping repeats', () => {
      sut.given(heldWithAnna()).when(command('RecordSustainabilityPractices', { ...practices, practices: ['public-transport', 'vegetarian-food', 'public-transport'] })).then([recorded]);
    });

    it('the same record again gives no events; a changed one is recorded', () => {
      sut.given([...heldWithAnna(), recorded]).when(command('RecordSustainabilityPractices', practices)).thenNothingHappens();
      sut.given([...heldWithAnna(), recorded]).when(command('RecordSustainabilityPractices', { ...practices, notes: '' })).then([
        event('SustainabilityPracticesRecorded', { ...practices, notes: '', recordedAt: at }),
      ]);
    });

    it('refuses an unknown practice and a reported workshop', () => {
      sut.given(planned()).when(command('RecordSustainabilityPractices', { practices: ['solar-power' as 'other'], notes: '' })).thenThrows(E.SUSTAINABILITY_INVALID_FIELD);
      sut.given([...heldWithAnna(), workshopReported]).when(command('RecordSustainabilityPractices', practices)).thenThrows(E.ALREADY_REPORTED);
    });
  });

  describe('MarkHeld: an open registration closes first, in the same decision', () => {
    const markHeld = (on = heldOn) => command('MarkHeld', { heldOn: on });

    it('from registration-open: RegistrationClosed then WorkshopHeld', () => {
      sut.given(withAnna()).when(markHeld()).then([registrationClosed, workshopHeld]);
    });

    it('from registration-closed, or straight from planned (street events take no registrations)', () => {
      sut.given([...withAnna(), registrationClosed]).when(markHeld()).then([workshopHeld]);
      sut.given(planned({ kind: 'street-event' })).when(markHeld()).then([workshopHeld]);
    });

    it('the same again gives no events; another date is refused', () => {
      sut.given(heldWithAnna()).when(markHeld()).thenNothingHappens();
      sut.given(heldWithAnna()).when(markHeld('2023-04-20')).thenThrows(E.ALREADY_HELD);
    });

    it('refuses a cancelled workshop and a bad date', () => {
      sut.given([...planned(), workshopCancelled]).when(markHeld()).thenThrows(E.CANCELLED);
      sut.given(planned()).when(markHeld('April 19')).thenThrows(E.INVALID_FIELD);
    });
  });

  describe('CancelWorkshop: from any state before held', () => {
    it.each([
      ['planned', planned()],
      ['registration open', withAnna()],
      ['registration closed', [...withAnna(), registrationClosed]],
    ])('cancels a %s workshop', (_label, history) => {
      sut.given(history).when(command('CancelWorkshop', { reason: 'Speaker fell ill' })).then([workshopCancelled]);
    });

    it('refuses once held or reported', () => {
      sut.given(heldWithAnna()).when(command('CancelWorkshop', { reason: 'x' })).thenThrows(E.ALREADY_HELD);
      sut.given([...heldWithAnna(), workshopReported]).when(command('CancelWorkshop', { reason: 'x' })).thenThrows(E.ALREADY_HELD);
    });

    it('cancelling again gives no events; a blank reason is refused', () => {
      sut.given([...planned(), workshopCancelled]).when(command('CancelWorkshop', { reason: 'Speaker fell ill' })).thenNothingHappens();
      sut.given(planned()).when(command('CancelWorkshop', { reason: ' ' })).thenThrows(E.INVALID_FIELD);
    });
  });

  describe('ReportWorkshop: only a held workshop is reported, once', () => {
    const report = command('ReportWorkshop', { summary: 'Held as planned' });

    it('reports a held workshop', () => {
      sut.given(heldWithAnna()).when(report).then([workshopReported]);
    });

    it('refuses before held, twice, or when cancelled', () => {
      sut.given(withAnna()).when(report).thenThrows(E.NOT_HELD);
      sut.given([...heldWithAnna(), workshopReported]).when(report).thenThrows(E.ALREADY_REPORTED);
      sut.given([...planned(), workshopCancelled]).when(report).thenThrows(E.CANCELLED);
    });
  });

  describe('state', () => {
    const richHistory: WorkshopEvent[] = [
      ...open({ capacity: 1, format: 'hybrid' }),
      registered('r-anna', 'anna'),
      waitlisted('r-ben', 'ben', 1),
      resourcePledged(),
      expenseRecorded(),
      registrationClosed,
      workshopHeld,
      attendanceRecorded('r-anna', 'anna'),
      feedbackSubmitted('f-1', 'r-anna'),
    ];

    it('is plain JSON: a cached copy decides exactly like the folded state', () => {
      const folded = fold(workshopDecider, richHistory);
      const cached = JSON.parse(JSON.stringify(folded)) as typeof folded;
      expect(cached).toEqual(folded);
      const outcome = (cmd: WorkshopCommand, state: typeof folded): unknown => {
        try {
          return workshopDecider.decide(cmd, state);
        } catch (error) {
          return error instanceof DomainError ? error.code : error;
        }
      };
      const commands = [
        submitFeedback('f-1', 'r-anna'),
        submitFeedback('f-2', 'r-anna'),
        submitFeedback('f-3', 'r-ben'),
        recordAttendance(['r-anna', 'on-site']),
        command('FulfilPledge', { pledgeId: 'p-1' }),
        recordExpense(),
        command('VoidExpense', { expenseId: 'x-1', reason: 'Recorded twice' }),
      ];
      const sut = (state: typeof folded) => commands.map((cmd) => outcome(cmd, state));
      expect(sut(cached)).toEqual(sut(folded));
      expect(sut(folded)).toEqual([
        [],
        E.FEEDBACK_DUPLICATE,
        E.REGISTRATION_NOT_REGISTERED,
        [],
        [event('PledgeFulfilled', { pledgeId: 'p-1', organizationId: 'org-city-of-rauma', fulfilledAt: at })],
        [],
        [event('ExpenseVoided', { expenseId: 'x-1', reason: 'Recorded twice', voidedAt: at })],
      ]);
    });

    it('evolve does not change the state it is given', () => {
      const before = fold(workshopDecider, richHistory.slice(0, 3));
      const snapshot = JSON.stringify(before);
      workshopDecider.evolve(before, registrationCancelled('r-anna', 'anna', 'registered'));
      expect(JSON.stringify(before)).toBe(snapshot);
    });

    it('an event before WorkshopPlanned is a corrupt stream', () => {
      expect(() => workshopDecider.evolve(workshopDecider.initialState, registrationOpened)).toThrow(/before WorkshopPlanned/);
    });

    it('ids that look like Object.prototype members are ordinary ids', () => {
      sut.given([...open(), registered('__proto__', 'constructor')]).when(register('r-2', 'toString')).then([registered('r-2', 'toString')]);
      sut.given([...open()]).when(cancelRegistration('constructor')).thenThrows(E.REGISTRATION_NOT_FOUND);
      sut.given([...open(), registered('__proto__', 'constructor')]).when(register('r-3', 'constructor')).thenThrows(E.REGISTRATION_DUPLICATE);
    });

    // Speed is measured in bench/ (npm run bench), never timed here.
    it('folds a 10,000-event stream into the right counts', () => {
      const events: WorkshopEvent[] = [...open({ capacity: 5_000, format: 'webinar', location: null })];
      for (let i = 0; i < 5_000; i++) events.push(registered(`r-${i}`, `p-${i}`, { attendanceMode: 'remote' }));
      for (let i = 0; i < 4_998; i++) events.push(waitlisted(`r-w-${i}`, `p-w-${i}`, i + 1, { attendanceMode: 'remote' }));
      const state = fold(workshopDecider, events);
      expect(state.status === 'registration-open' && state.registeredCount).toBe(5_000);
      expect(state.status === 'registration-open' && state.waitlist.length).toBe(4_998);
    });
  });
});
