import type { WorkshopCommand } from './workshop.commands';
import type { AttendanceMode, ExpenseFigures, PledgeKind, SpeakerDetails, WorkshopEvent, WorkshopPlan, WorkshopRole } from './workshop.events';

// Given-When-Then material shared by the workshop decider's specs (one spec per area, plus the composition's).

// ---------------------------------------------------------------------------------------------
// Factories: each test spells out only what its rule is about.
// ---------------------------------------------------------------------------------------------

export const workshopId = 'w-rauma';
export const at = '2023-03-01T10:00:00+02:00';
export const heldOn = '2023-04-19';

type CommandOf<T extends WorkshopCommand['type']> = Extract<WorkshopCommand, { type: T }>;
type EventOf<T extends WorkshopEvent['type']> = Extract<WorkshopEvent, { type: T }>;

/** A command about the workshop under test, issued at `at`. */
export const command = <T extends WorkshopCommand['type']>(type: T, data: Omit<CommandOf<T>['data'], 'workshopId'>): CommandOf<T> =>
  ({ type, data: { workshopId, ...data }, at }) as unknown as CommandOf<T>;

/** An event of the workshop under test. */
export const event = <T extends WorkshopEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'workshopId'>): EventOf<T> =>
  ({ type, data: { workshopId, ...data } }) as unknown as EventOf<T>;

export const rauma: WorkshopPlan = {
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
export const webinar: Partial<WorkshopPlan> = { format: 'webinar', location: null, kind: 'information-event' };
export const hybrid: Partial<WorkshopPlan> = { format: 'hybrid' };
export const invitationOnly: Partial<WorkshopPlan> = { access: 'invitation-only' };

export const planWorkshop = (overrides: Partial<WorkshopPlan> = {}) => command('PlanWorkshop', { ...rauma, ...overrides });
export const workshopPlanned = (overrides: Partial<WorkshopPlan> = {}) => event('WorkshopPlanned', { ...rauma, ...overrides, plannedAt: at });

export const registrationOpened = event('RegistrationOpened', { openedAt: at });
export const registrationClosed = event('RegistrationClosed', { closedAt: at });
export const workshopHeld = event('WorkshopHeld', { heldOn });
export const workshopReported = event('WorkshopReported', { summary: 'Held as planned', reportedAt: at });
export const workshopCancelled = event('WorkshopCancelled', { reason: 'Speaker fell ill', cancelledAt: at });

export interface RegistrationOptions {
  organizationId?: string | null;
  attendanceMode?: AttendanceMode;
  role?: WorkshopRole;
  speaker?: SpeakerDetails | null;
}
export const registrationFields = (registrationId: string, personId: string, options: RegistrationOptions = {}) => ({
  registrationId,
  personId,
  organizationId: options.organizationId === undefined ? 'org-ngo' : options.organizationId,
  attendanceMode: options.attendanceMode ?? ('on-site' as AttendanceMode),
  expectations: 'Meet other developers',
  advanceQuestions: ['How do we fund a pilot?'],
  role: options.role ?? ('participant' as WorkshopRole),
  speaker: options.speaker ?? (options.role === 'speaker' ? { topic: null, paid: false } : null),
});
export const register = (registrationId: string, personId: string, options?: RegistrationOptions) =>
  command('RegisterParticipant', registrationFields(registrationId, personId, options));
export const registered = (registrationId: string, personId: string, options?: RegistrationOptions) =>
  event('ParticipantRegistered', { ...registrationFields(registrationId, personId, options), registeredAt: at });
export const waitlisted = (registrationId: string, personId: string, position: number, options?: RegistrationOptions) =>
  event('ParticipantWaitlisted', { ...registrationFields(registrationId, personId, options), position, waitlistedAt: at });
export const cancelRegistration = (registrationId: string) => command('CancelRegistration', { registrationId, reason: 'Cannot come' });
export const registrationCancelled = (registrationId: string, personId: string, previousStatus: 'registered' | 'waitlisted') =>
  event('RegistrationCancelled', { registrationId, personId, previousStatus, reason: 'Cannot come', cancelledAt: at });
export const promoted = (registrationId: string, personId: string) =>
  event('WaitlistedParticipantPromoted', { registrationId, personId, promotedAt: at });

export const recordAttendance = (...attendees: [string, AttendanceMode][]) =>
  command('RecordAttendance', { attendees: attendees.map(([registrationId, mode]) => ({ registrationId, mode })) });
export const attendanceRecorded = (registrationId: string, personId: string, mode: AttendanceMode = 'on-site', role: WorkshopRole = 'participant') =>
  event('AttendanceRecorded', { registrationId, personId, organizationId: 'org-ngo', mode, role, recordedAt: at });

export const pledgeFields: { organizationId: string; kind: PledgeKind; description: string; inKindValueCents: number; valuationBasis: string } = {
  organizationId: 'org-city-of-rauma',
  kind: 'venue',
  description: 'Council hall for a morning',
  inKindValueCents: 45_000,
  valuationBasis: "city's rental price list 2023",
};
export const pledgeResource = (pledgeId = 'p-1', overrides: Partial<typeof pledgeFields> = {}) =>
  command('PledgeResource', { pledgeId, ...pledgeFields, ...overrides });
export const resourcePledged = (pledgeId = 'p-1') => event('ResourcePledged', { pledgeId, ...pledgeFields, pledgedAt: at });

export const coffee: ExpenseFigures = { amountCents: 26_000, category: 'catering', fundingSource: 'esf', receiptReference: 'INV-2023-041' };
export const recordExpense = (expenseId = 'x-1', overrides: Partial<ExpenseFigures & { incurredOn: string }> = {}) =>
  command('RecordExpense', { expenseId, ...coffee, description: 'Coffee and buns', incurredOn: '2023-04-19', ...overrides });
export const expenseRecorded = (expenseId = 'x-1') =>
  event('ExpenseRecorded', { expenseId, ...coffee, description: 'Coffee and buns', incurredOn: '2023-04-19', recordedAt: at });

export const submitFeedback = (feedbackId: string, registrationId: string | null, rating = 5, anonymous = false) =>
  command('SubmitFeedback', { feedbackId, registrationId, anonymous, rating, comment: 'Useful' });
export const feedbackSubmitted = (feedbackId: string, registrationId: string | null, rating = 5, anonymous = false) =>
  event('FeedbackSubmitted', { feedbackId, registrationId, anonymous, rating, comment: 'Useful', submittedAt: at });

export const citizenInput = { inputId: 'ci-1', topic: 'Services for young people', summary: 'More evening opening hours', citizensHeard: 42, collectedAt: '2023-06-28' };
export const collectCitizenInput = (overrides: Partial<typeof citizenInput> = {}) => command('CollectCitizenInput', { ...citizenInput, ...overrides });
export const citizenInputCollected = event('CitizenInputCollected', citizenInput);
export const forward = { summary: 'What citizens told us at the bench café', recipients: ['Pori city board'], forwardedAt: '2023-07-10' };
export const forwardSummary = (overrides: Partial<typeof forward> = {}) => command('ForwardCitizenInputSummary', { ...forward, ...overrides });
export const summaryForwarded = event('CitizenInputSummaryForwarded', forward);

export const meeting = { meetingId: 'm-1', heldOn: '2023-02-14', kind: 'partner' as const, online: true, organizationIds: ['org-city-of-rauma'], notes: 'Agenda agreed' };

// Histories
export const planned = (overrides: Partial<WorkshopPlan> = {}) => [workshopPlanned(overrides)];
export const open = (overrides: Partial<WorkshopPlan> = {}) => [...planned(overrides), registrationOpened];
export const withAnna = (overrides: Partial<WorkshopPlan> = {}) => [...open(overrides), registered('r-anna', 'anna')];
export const heldWithAnna = (overrides: Partial<WorkshopPlan> = {}) => [...withAnna(overrides), registrationClosed, workshopHeld];
