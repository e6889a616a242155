import { DeciderSpecification } from '@kuhina/testing';
import { workshopDecider } from '../workshop.decider';
import { WorkshopErrors as E } from '../workshop.errors';
import {
  attendanceRecorded,
  at,
  citizenInputCollected,
  collectCitizenInput,
  citizenInput,
  command,
  event,
  feedbackSubmitted,
  forward,
  forwardSummary,
  heldWithAnna,
  meeting,
  open,
  planned,
  registered,
  registrationClosed,
  submitFeedback,
  summaryForwarded,
  waitlisted,
  withAnna,
  workshopCancelled,
  workshopHeld,
  workshopReported,
} from '../workshop.spec-helper';

const sut = DeciderSpecification.for(workshopDecider);

/** Held, and Anna's attendance recorded: she may give feedback tied to her registration. */
const attendedByAnna = () => [...heldWithAnna(), attendanceRecorded('r-anna', 'anna')];

describe('Workshop decider: engagement', () => {
  describe('SubmitFeedback: once the workshop is held, at most once per registration', () => {
    it('accepts feedback linked to a registration of a held or reported workshop', () => {
      sut.given(attendedByAnna()).when(submitFeedback('f-1', 'r-anna')).then([feedbackSubmitted('f-1', 'r-anna')]);
      sut.given([...attendedByAnna(), workshopReported]).when(submitFeedback('f-1', 'r-anna', 4)).then([feedbackSubmitted('f-1', 'r-anna', 4)]);
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
      sut.given([...attendedByAnna(), feedbackSubmitted('f-1', 'r-anna', 5, true)]).when(submitFeedback('f-2', 'r-anna', 1)).thenThrows(E.FEEDBACK_DUPLICATE);
    });

    it('refuses feedback tied to a registration whose attendance was never recorded (FEEDBACK.NOT_ATTENDED, 422); an unlinked form needs none', () => {
      sut.given(heldWithAnna()).when(submitFeedback('f-1', 'r-anna')).thenThrows(E.FEEDBACK_NOT_ATTENDED);
      sut.given(heldWithAnna()).when(submitFeedback('f-1', null, 4, true)).then([feedbackSubmitted('f-1', null, 4, true)]);
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

    it('keeps how the citizens were counted, and refuses an unknown method', () => {
      const tallied = { ...citizenInput, countingMethod: 'tally' as const };
      sut.given(planned({ kind: 'street-event' })).when(command('CollectCitizenInput', tallied)).then([event('CitizenInputCollected', tallied)]);
      sut.given(planned({ kind: 'street-event' })).when(command('CollectCitizenInput', { ...citizenInput, countingMethod: 'guess' as never })).thenThrows(E.CITIZEN_INPUT_INVALID_FIELD);
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
});
