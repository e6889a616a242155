import { conflict, invalid, unprocessable } from '../../shared/domain-error';
import { idMapGet, idMapHas } from '../id-map';
import type {
  CollectCitizenInput,
  ForwardCitizenInputSummary,
  RecordPlanningMeeting,
  RecordSustainabilityPractices,
  SubmitFeedback,
} from '../workshop.commands';
import { WorkshopErrors as E } from '../workshop.errors';
import { CITIZEN_COUNTING_METHODS, PLANNING_MEETING_KINDS, SUSTAINABILITY_PRACTICES, type WorkshopEvent } from '../workshop.events';
import { citizenInputKey, feedbackKey, forwardKey, meetingKey } from '../workshop.fingerprints';
import {
  cancelledError,
  existing,
  registrationOf,
  requireHeld,
  requireOpenForContributions,
  requireSeatHolder,
} from '../workshop.guards';
import type { WorkshopState } from '../workshop.state';
import { fieldChecks, fingerprint } from '../workshop.validation';
import { INTEGER, LIST, isWithin } from '../../shared/rules';

// Engagement: participants' feedback, citizens' input and its summary forwarded to decision-makers, the planning
// meetings behind a workshop and its sustainability practices.

const feedbackField = fieldChecks(E.FEEDBACK_INVALID_FIELD);
const citizenInputField = fieldChecks(E.CITIZEN_INPUT_INVALID_FIELD);
const meetingField = fieldChecks(E.PLANNING_MEETING_INVALID_FIELD);
const sustainabilityField = fieldChecks(E.SUSTAINABILITY_INVALID_FIELD);

export function submitFeedback({ data, at }: SubmitFeedback, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  feedbackField.text(data.feedbackId, 'feedbackId');
  feedbackField.idOrNull(data.registrationId, 'registrationId');
  feedbackField.boolean(data.anonymous, 'anonymous');
  feedbackField.textOrNull(data.comment, 'comment');
  if (!isWithin(INTEGER.RATING, data.rating)) {
    throw invalid(E.FEEDBACK_RATING_INVALID, `rating must be ${INTEGER.RATING.expected}`, { rating: data.rating });
  }
  const known = idMapGet(w.feedback, data.feedbackId);
  if (known) {
    if (known.key === feedbackKey(data)) return [];
    throw conflict(E.FEEDBACK_ALREADY_EXISTS, `Feedback id ${data.feedbackId} is taken`, { feedbackId: data.feedbackId });
  }
  requireHeld(w, 'collect feedback');
  if (data.registrationId !== null) {
    const registration = registrationOf(w, data.registrationId);
    requireSeatHolder(data.registrationId, registration);
    // Counted in the feedback figures as a participant's: only someone who was there can give it.
    if (registration.attended === null) {
      throw unprocessable(E.FEEDBACK_NOT_ATTENDED, `Registration ${data.registrationId} has no recorded attendance: feedback comes from someone who attended, or is an anonymous form without a registration`, {
        registrationId: data.registrationId,
      });
    }
    if (idMapHas(w.feedbackByRegistration, data.registrationId)) {
      throw conflict(E.FEEDBACK_DUPLICATE, `Feedback was already given for registration ${data.registrationId}`, {
        registrationId: data.registrationId,
      });
    }
  }
  return [
    {
      type: 'FeedbackSubmitted',
      data: {
        workshopId: w.workshopId,
        feedbackId: data.feedbackId,
        registrationId: data.registrationId,
        anonymous: data.anonymous,
        rating: data.rating,
        comment: data.comment,
        submittedAt: at,
      },
    },
  ];
}

export function collectCitizenInput({ data }: CollectCitizenInput, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  citizenInputField.text(data.inputId, 'inputId');
  citizenInputField.text(data.topic, 'topic');
  citizenInputField.text(data.summary, 'summary');
  if (!isWithin(INTEGER.CITIZENS_HEARD, data.citizensHeard)) {
    throw invalid(E.CITIZEN_INPUT_INVALID_FIELD, `citizensHeard must be ${INTEGER.CITIZENS_HEARD.expected}`, {
      field: 'citizensHeard',
      value: data.citizensHeard,
    });
  }
  if (data.countingMethod !== undefined) citizenInputField.oneOf(data.countingMethod, CITIZEN_COUNTING_METHODS, 'countingMethod');
  citizenInputField.dateOrDateTime(data.collectedAt, 'collectedAt');
  const known = idMapGet(w.citizenInputs, data.inputId);
  if (known !== undefined) {
    if (known === citizenInputKey(data)) return [];
    throw conflict(E.CITIZEN_INPUT_ALREADY_EXISTS, `Citizen input id ${data.inputId} is taken`, { inputId: data.inputId });
  }
  requireOpenForContributions(w, 'collect citizen input');
  return [
    {
      type: 'CitizenInputCollected',
      data: {
        workshopId: w.workshopId,
        inputId: data.inputId,
        topic: data.topic,
        summary: data.summary,
        citizensHeard: data.citizensHeard,
        ...(data.countingMethod === undefined ? {} : { countingMethod: data.countingMethod }),
        collectedAt: data.collectedAt,
      },
    },
  ];
}

export function forwardCitizenInputSummary({ data }: ForwardCitizenInputSummary, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  citizenInputField.text(data.summary, 'summary');
  citizenInputField.strings(data.recipients, 'recipients', true);
  if (data.recipients.length < LIST.RECIPIENTS.minItems) {
    throw invalid(E.CITIZEN_INPUT_INVALID_FIELD, 'recipients must name at least one recipient', { field: 'recipients' });
  }
  citizenInputField.dateOrDateTime(data.forwardedAt, 'forwardedAt');
  // Forwarding to decision-makers often comes after the report, so only cancellation stops it.
  if (w.status === 'cancelled') throw cancelledError(w, 'forward a citizen-input summary');
  if (!w.citizenInputCollected) {
    throw conflict(E.CITIZEN_INPUT_NOT_COLLECTED, `No citizen input was collected at workshop ${w.workshopId}`, {
      workshopId: w.workshopId,
    });
  }
  if (w.lastForwardedSummaryKey === forwardKey(data)) return [];
  return [
    {
      type: 'CitizenInputSummaryForwarded',
      data: { workshopId: w.workshopId, summary: data.summary, recipients: [...data.recipients], forwardedAt: data.forwardedAt },
    },
  ];
}

// Planning work is ESF-relevant whatever became of the workshop, so meetings are recorded in every state.
export function recordPlanningMeeting({ data, at }: RecordPlanningMeeting, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  meetingField.text(data.meetingId, 'meetingId');
  meetingField.date(data.heldOn, 'heldOn');
  meetingField.oneOf(data.kind, PLANNING_MEETING_KINDS, 'kind');
  meetingField.boolean(data.online, 'online');
  meetingField.strings(data.organizationIds, 'organizationIds', true);
  meetingField.anyText(data.notes, 'notes');
  const known = idMapGet(w.planningMeetings, data.meetingId);
  if (known !== undefined) {
    if (known === meetingKey(data)) return [];
    throw conflict(E.PLANNING_MEETING_ALREADY_EXISTS, `Planning meeting id ${data.meetingId} is taken`, { meetingId: data.meetingId });
  }
  return [
    {
      type: 'PlanningMeetingRecorded',
      data: {
        workshopId: w.workshopId,
        meetingId: data.meetingId,
        heldOn: data.heldOn,
        kind: data.kind,
        online: data.online,
        organizationIds: [...data.organizationIds],
        notes: data.notes,
        recordedAt: at,
      },
    },
  ];
}

export function recordSustainabilityPractices({ data, at }: RecordSustainabilityPractices, state: WorkshopState): WorkshopEvent[] {
  const w = existing(state, data.workshopId);
  if (!Array.isArray(data.practices)) {
    throw invalid(E.SUSTAINABILITY_INVALID_FIELD, 'practices must be an array', { field: 'practices' });
  }
  for (const practice of data.practices) sustainabilityField.oneOf(practice, SUSTAINABILITY_PRACTICES, 'practices[]');
  sustainabilityField.anyText(data.notes, 'notes');
  requireOpenForContributions(w, 'record sustainability practices');
  const practices = [...new Set(data.practices)];
  if (w.sustainabilityPractices !== null && fingerprint(w.sustainabilityPractices, w.sustainabilityNotes) === fingerprint(practices, data.notes)) {
    return [];
  }
  return [{ type: 'SustainabilityPracticesRecorded', data: { workshopId: w.workshopId, practices, notes: data.notes, recordedAt: at } }];
}
