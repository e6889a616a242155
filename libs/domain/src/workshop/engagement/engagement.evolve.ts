import { assertNever } from '../../shared/decider';
import { idMapSet } from '../id-map';
import type {
  CitizenInputCollected,
  CitizenInputSummaryForwarded,
  FeedbackSubmitted,
  PlanningMeetingRecorded,
  SustainabilityPracticesRecorded,
} from '../workshop.events';
import { citizenInputKey, feedbackKey, forwardKey, meetingKey } from '../workshop.fingerprints';
import type { ExistingWorkshop } from '../workshop.state';

/** The events of engagement: feedback, citizen input, planning meetings, sustainability practices. */
export type EngagementEvent =
  | FeedbackSubmitted
  | CitizenInputCollected
  | CitizenInputSummaryForwarded
  | PlanningMeetingRecorded
  | SustainabilityPracticesRecorded;

export function evolveEngagement(w: ExistingWorkshop, event: EngagementEvent): ExistingWorkshop {
  switch (event.type) {
    case 'FeedbackSubmitted': {
      const { feedbackId, registrationId } = event.data;
      return {
        ...w,
        feedback: idMapSet(w.feedback, feedbackId, { registrationId, key: feedbackKey(event.data) }),
        feedbackByRegistration:
          registrationId === null ? w.feedbackByRegistration : idMapSet(w.feedbackByRegistration, registrationId, feedbackId),
      };
    }
    case 'CitizenInputCollected':
      return {
        ...w,
        citizenInputs: idMapSet(w.citizenInputs, event.data.inputId, citizenInputKey(event.data)),
        citizenInputCollected: true,
      };
    case 'CitizenInputSummaryForwarded':
      return { ...w, lastForwardedSummaryKey: forwardKey(event.data) };
    case 'PlanningMeetingRecorded':
      return { ...w, planningMeetings: idMapSet(w.planningMeetings, event.data.meetingId, meetingKey(event.data)) };
    case 'SustainabilityPracticesRecorded':
      return { ...w, sustainabilityPractices: event.data.practices, sustainabilityNotes: event.data.notes };
    default:
      return assertNever(event, 'engagement event');
  }
}
