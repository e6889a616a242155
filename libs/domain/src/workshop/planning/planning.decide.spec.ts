import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import type { WorkshopPlan } from '../workshop.events';
import {
  at,
  command,
  event,
  heldOn,
  heldWithAnna,
  hybrid,
  open,
  planned,
  planWorkshop,
  promoted,
  rauma,
  registered,
  registrationClosed,
  waitlisted,
  webinar,
  withAnna,
  workshopCancelled,
  workshopHeld,
  workshopPlanned,
  workshopReported,
} from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

describe('Workshop decider: planning and lifecycle', () => {
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

    it('refuses a day the workshop is not planned for (WORKSHOP.HELD_OUTSIDE_DATES, 422), and takes the rescheduled day', () => {
      sut.given(withAnna()).when(markHeld('2031-01-01')).thenThrows(E.HELD_OUTSIDE_DATES);
      sut.given(planned({ kind: 'street-event' })).when(markHeld('2023-04-18')).thenThrows(E.HELD_OUTSIDE_DATES);
      const moved = event('WorkshopRescheduled', {
        startsAt: '2023-04-26T09:00:00+03:00',
        endsAt: '2023-04-27T12:00:00+03:00',
        location: rauma.location,
        previousStartsAt: rauma.startsAt,
        previousEndsAt: rauma.endsAt,
        rescheduledAt: at,
      });
      sut.given([...withAnna(), moved]).when(markHeld(heldOn)).thenThrows(E.HELD_OUTSIDE_DATES);
      sut.given([...withAnna(), moved]).when(markHeld('2023-04-27')).then([registrationClosed, { ...workshopHeld, data: { ...workshopHeld.data, heldOn: '2023-04-27' } }]);
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
});
