import type {
  AttendanceMode,
  ChainExpenseCorrected,
  ChainExpenseRecorded,
  ChainStaffHoursRecorded,
  ChainStartedData,
  CollaborationRecorded,
  ExpenseCategory,
  ExpenseCorrected,
  ExpenseRecorded,
  PlanningMeetingKind,
  PledgeKind,
  StaffActivity,
  StaffHoursRecorded,
  SustainabilityPractice,
  WorkshopAddedToChain,
  WorkshopPlanned,
} from '@kuhina/domain';
import { recorded } from '@kuhina/testing';

// Event builders with realistic data (the 2023 Finnish chain) for the chain projections' specs.
// Each call records a new event: build them in log order.

export const uuid = (prefix: string, n: number): string => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const CHAIN = uuid('c0000000', 1);
export const OTHER_CHAIN = uuid('c0000000', 2);
export const RAUMA = uuid('a0000000', 1);
export const PORI = uuid('a0000000', 2);
export const KEMI = uuid('a0000000', 3);
export const ORG = {
  rauma: uuid('0a000000', 1),
  coaching: uuid('0a000000', 2),
  pori: uuid('0a000000', 3),
  adultEducation: uuid('0a000000', 4),
  roastery: uuid('0a000000', 5),
  lapinAmk: uuid('0a000000', 6),
  socialEnterprise: uuid('0a000000', 7),
  /** The hub's own organisation (the competence centre). */
  hub: uuid('0a000000', 8),
};

export const chainStarted = (chainId = CHAIN, over: Partial<ChainStartedData> = {}) =>
  recorded('ChainStarted', {
    chainId,
    name: 'Sosiaalisten innovaatioiden työpajaketju 2023',
    fundingProgramme: 'ESF+ 2021–2027',
    esfOperationId: 'S30123',
    periodStart: '2023-03-01',
    periodEnd: '2023-12-31',
    description: 'Five development workshops with partners, April–October 2023.',
    at: '2023-03-01T09:00:00+02:00',
    ...over,
  } satisfies ChainStartedData);

export const workshopPlanned = (workshopId: string, chainId: string | null, over: Partial<WorkshopPlanned['data']> = {}) =>
  recorded('WorkshopPlanned', {
    workshopId,
    chainId,
    title: 'Tulevaisuustyöpaja: sosiaaliset innovaatiot Raumalla',
    theme: 'Social innovation in municipal services',
    method: 'futures workshop',
    kind: 'co-development',
    format: 'in-person',
    location: { venue: 'Rauman kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
    startsAt: '2023-04-20T09:00:00+03:00',
    endsAt: '2023-04-20T12:00:00+03:00',
    targetGroups: ['municipal residents', 'NGO workers'],
    access: 'open',
    capacity: 40,
    coOrganizerIds: [ORG.rauma, ORG.coaching],
    plannedAt: '2023-03-10T10:00:00+02:00',
    ...over,
  } satisfies WorkshopPlanned['data']);

export const addedToChain = (chainId: string, workshopId: string, order: number) =>
  recorded('WorkshopAddedToChain', { chainId, workshopId, order, at: '2023-03-10T10:00:00+02:00' } satisfies WorkshopAddedToChain['data']);

export const registered = (workshopId: string, registrationId: string, personId: string, organizationId: string | null, mode: AttendanceMode = 'on-site') =>
  recorded('ParticipantRegistered', {
    workshopId,
    registrationId,
    personId,
    organizationId,
    attendanceMode: mode,
    expectations: 'Ideas for our own services',
    advanceQuestions: [],
    registeredAt: '2023-04-01T12:00:00+03:00',
  });

/** Someone who runs the workshop (organiser, host, speaker) registered and, if `attendedToo`, attended. */
export const staffRegistered = (workshopId: string, registrationId: string, personId: string, organizationId: string | null, role: 'organiser' | 'host' | 'speaker') =>
  recorded('ParticipantRegistered', {
    workshopId,
    registrationId,
    personId,
    organizationId,
    attendanceMode: 'on-site' as AttendanceMode,
    expectations: null,
    advanceQuestions: [],
    role,
    speaker: role === 'speaker' ? { topic: 'Validation framework', paid: false } : null,
    registeredAt: '2023-04-01T12:00:00+03:00',
  });

export const staffAttended = (workshopId: string, registrationId: string, personId: string, organizationId: string | null, role: 'organiser' | 'host' | 'speaker') =>
  recorded('AttendanceRecorded', { workshopId, registrationId, personId, organizationId, mode: 'on-site' as AttendanceMode, role, recordedAt: '2023-04-20T13:00:00+03:00' });

export const waitlisted = (workshopId: string, registrationId: string, personId: string, organizationId: string | null, position = 1) =>
  recorded('ParticipantWaitlisted', {
    workshopId,
    registrationId,
    personId,
    organizationId,
    attendanceMode: 'on-site' as AttendanceMode,
    expectations: null,
    advanceQuestions: [],
    position,
    waitlistedAt: '2023-04-02T12:00:00+03:00',
  });

export const registrationCancelled = (workshopId: string, registrationId: string, personId: string, previousStatus: 'registered' | 'waitlisted') =>
  recorded('RegistrationCancelled', {
    workshopId,
    registrationId,
    personId,
    previousStatus,
    reason: 'Sick leave',
    cancelledAt: '2023-04-10T08:00:00+03:00',
  });

export const promoted = (workshopId: string, registrationId: string, personId: string) =>
  recorded('WaitlistedParticipantPromoted', { workshopId, registrationId, personId, promotedAt: '2023-04-10T08:00:00+03:00' });

export const attended = (workshopId: string, registrationId: string, personId: string, organizationId: string | null, mode: AttendanceMode = 'on-site') =>
  recorded('AttendanceRecorded', { workshopId, registrationId, personId, organizationId, mode, recordedAt: '2023-04-20T13:00:00+03:00' });

export const pledged = (workshopId: string, pledgeId: string, organizationId: string, kind: PledgeKind, inKindValueCents: number) =>
  recorded('ResourcePledged', {
    workshopId,
    pledgeId,
    organizationId,
    kind,
    description: `${kind} for the workshop`,
    inKindValueCents,
    valuationBasis: 'market rent per hour',
    pledgedAt: '2023-03-15T10:00:00+02:00',
  });

export const pledgeFulfilled = (workshopId: string, pledgeId: string, organizationId: string) =>
  recorded('PledgeFulfilled', { workshopId, pledgeId, organizationId, fulfilledAt: '2023-04-20T13:00:00+03:00' });

export const pledgeWithdrawn = (workshopId: string, pledgeId: string, organizationId: string) =>
  recorded('PledgeWithdrawn', { workshopId, pledgeId, organizationId, reason: 'Storage room needed elsewhere', withdrawnAt: '2023-04-01T10:00:00+03:00' });

export const expenseRecorded = (workshopId: string, expenseId: string, category: ExpenseCategory, amountCents: number) =>
  recorded('ExpenseRecorded', {
    workshopId,
    expenseId,
    category,
    amountCents,
    fundingSource: 'esf',
    receiptReference: `INV-${expenseId.slice(-4)}`,
    description: `${category} costs`,
    incurredOn: '2023-04-20',
    recordedAt: '2023-04-25T10:00:00+03:00',
  } satisfies ExpenseRecorded['data']);

export const expenseCorrected = (
  workshopId: string,
  expenseId: string,
  figures: { amountCents: number; category: ExpenseCategory },
  previous: { amountCents: number; category: ExpenseCategory },
) =>
  recorded('ExpenseCorrected', {
    workshopId,
    expenseId,
    ...figures,
    fundingSource: 'esf',
    receiptReference: `INV-${expenseId.slice(-4)}`,
    previous: { ...previous, fundingSource: 'esf', receiptReference: `INV-${expenseId.slice(-4)}` },
    reason: 'Typo in the amount',
    correctedAt: '2023-04-26T10:00:00+03:00',
  } satisfies ExpenseCorrected['data']);

export const expenseVoided = (workshopId: string, expenseId: string) =>
  recorded('ExpenseVoided', { workshopId, expenseId, reason: 'Recorded twice', voidedAt: '2023-04-27T10:00:00+03:00' });

export const feedbackSubmitted = (workshopId: string, feedbackId: string, rating: number, registrationId: string | null = null) =>
  recorded('FeedbackSubmitted', {
    workshopId,
    feedbackId,
    registrationId,
    anonymous: registrationId === null,
    rating,
    comment: 'Hyvä työpaja',
    submittedAt: '2023-04-21T10:00:00+03:00',
  });

export const citizenInput = (workshopId: string, inputId: string, citizensHeard: number) =>
  recorded('CitizenInputCollected', {
    workshopId,
    inputId,
    topic: 'Services for families',
    summary: 'Residents want low-threshold meeting places.',
    citizensHeard,
    collectedAt: '2023-07-05T16:00:00+03:00',
  });

export const planningMeeting = (workshopId: string, meetingId: string, kind: PlanningMeetingKind) =>
  recorded('PlanningMeetingRecorded', {
    workshopId,
    meetingId,
    heldOn: '2023-03-20',
    kind,
    online: true,
    organizationIds: [],
    notes: 'Teams meeting',
    recordedAt: '2023-03-20T12:00:00+02:00',
  });

export const sustainabilityRecorded = (workshopId: string, practices: SustainabilityPractice[], notes = '') =>
  recorded('SustainabilityPracticesRecorded', { workshopId, practices, notes, recordedAt: '2023-04-21T10:00:00+03:00' });

export const workshopHeld = (workshopId: string) => recorded('WorkshopHeld', { workshopId, heldOn: '2023-04-20' });

export const collaborationRecorded = (collaborationId: string, organizationIds: string[], sparkedByWorkshopId: string | null) =>
  recorded('CollaborationRecorded', {
    collaborationId,
    organizationIds,
    sparkedByWorkshopId,
    title: 'Joint bench café tour',
    description: 'Hearing citizens together in three towns',
    startedOn: '2023-09-01',
    at: '2023-09-01T09:00:00+03:00',
  } satisfies CollaborationRecorded['data']);

const STAFF_MEMBER = uuid('5a000000', 1);

export const staffHoursRecorded = (workshopId: string, entryId: string, activity: StaffActivity, minutes: number) =>
  recorded('StaffHoursRecorded', {
    workshopId,
    entryId,
    personId: STAFF_MEMBER,
    activity,
    workedOn: '2023-04-20',
    minutes,
    note: 'Facilitation and set-up',
    recordedAt: '2023-04-21T10:00:00+03:00',
  } satisfies StaffHoursRecorded['data']);

export const staffHoursVoided = (workshopId: string, entryId: string) =>
  recorded('StaffHoursVoided', { workshopId, entryId, personId: STAFF_MEMBER, reason: 'Recorded twice', voidedAt: '2023-04-22T10:00:00+03:00' });

export const chainStaffHoursRecorded = (chainId: string, entryId: string, activity: StaffActivity, minutes: number) =>
  recorded('ChainStaffHoursRecorded', {
    chainId,
    entryId,
    personId: STAFF_MEMBER,
    activity,
    workedOn: '2023-03-06',
    minutes,
    note: 'Core team weekly meeting',
    at: '2023-03-06T12:00:00+02:00',
  } satisfies ChainStaffHoursRecorded['data']);

export const chainStaffHoursVoided = (chainId: string, entryId: string) =>
  recorded('ChainStaffHoursVoided', { chainId, entryId, personId: STAFF_MEMBER, reason: 'Meeting cancelled', at: '2023-03-07T12:00:00+02:00' });

export const chainExpenseRecorded = (chainId: string, expenseId: string, category: ExpenseCategory, amountCents: number) =>
  recorded('ChainExpenseRecorded', {
    chainId,
    expenseId,
    category,
    amountCents,
    fundingSource: 'esf',
    receiptReference: `INV-${expenseId.slice(-4)}`,
    description: `${category} for the chain`,
    incurredOn: '2023-03-15',
    at: '2023-03-16T10:00:00+02:00',
  } satisfies ChainExpenseRecorded['data']);

export const chainExpenseCorrected = (chainId: string, expenseId: string, figures: { amountCents: number; category: ExpenseCategory }, previous: { amountCents: number; category: ExpenseCategory }) =>
  recorded('ChainExpenseCorrected', {
    chainId,
    expenseId,
    ...figures,
    fundingSource: 'esf',
    receiptReference: `INV-${expenseId.slice(-4)}`,
    previous: { ...previous, fundingSource: 'esf', receiptReference: `INV-${expenseId.slice(-4)}` },
    reason: 'Credit note',
    at: '2023-03-20T10:00:00+02:00',
  } satisfies ChainExpenseCorrected['data']);

export const chainExpenseVoided = (chainId: string, expenseId: string) =>
  recorded('ChainExpenseVoided', { chainId, expenseId, reason: 'Recorded twice', at: '2023-03-21T10:00:00+02:00' });
