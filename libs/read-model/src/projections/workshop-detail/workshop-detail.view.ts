import type {
  CitizenCountingMethod,
  OutreachChannel,
  FormQuestionSpec,
  ExpenseFigures,
  ExpenseRecorded,
  PlanningMeetingKind,
  RegistrationCounts,
  ResourcePledged,
  StaffRole,
  SustainabilityPractice,
  WorkshopPlan,
  WorkshopStatus,
} from '@kuhina/domain';

export const WORKSHOP_DETAIL_COLLECTION = 'workshops';

export type WorkshopDetailStatus = Exclude<WorkshopStatus, 'empty'>;

/** The pledge as ResourcePledged recorded it, and what became of it. */
export type WorkshopDetailPledge = Omit<ResourcePledged['data'], 'workshopId'> & {
  status: 'pending' | 'fulfilled' | 'withdrawn';
  fulfilledAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
};

export interface WorkshopDetailExpenseCorrection {
  /** Id of the ExpenseCorrected event: makes a replayed correction recognisable (idempotence). */
  eventId: string;
  previous: ExpenseFigures;
  corrected: ExpenseFigures;
  reason: string;
  correctedAt: string;
}

/** The expense as ExpenseRecorded recorded it, its figures the latest correction's; then voids and corrections. */
export type WorkshopDetailExpense = Omit<ExpenseRecorded['data'], 'workshopId'> & {
  /** `voided` wins over `corrected`; a voided expense counts in no total. */
  status: 'recorded' | 'corrected' | 'voided';
  voidedAt: string | null;
  voidReason: string | null;
  corrections: WorkshopDetailExpenseCorrection[];
};

export interface WorkshopDetailCitizenInput {
  inputId: string;
  topic: string;
  summary: string;
  citizensHeard: number;
  /** How the citizens heard were counted; null when the record does not say (recorded before it was asked). */
  countingMethod: CitizenCountingMethod | null;
  collectedAt: string;
}

/** A speaker or presenter on the workshop's programme (who they are is in the backoffice's registration list). */
export interface WorkshopDetailSpeaker {
  registrationId: string;
  organizationId: string | null;
  topic: string | null;
  /** Speakers are unpaid as a rule; a paid one is recorded as such. */
  paid: boolean;
  /** Whether the speaker's registration still stands and whether they were there. */
  status: 'registered' | 'cancelled';
  attended: boolean;
}

export interface WorkshopDetailSummaryForwarding {
  /** Id of the CitizenInputSummaryForwarded event (a summary may be forwarded more than once). */
  eventId: string;
  summary: string;
  recipients: string[];
  forwardedAt: string;
}

export interface WorkshopDetailPlanningMeeting {
  meetingId: string;
  heldOn: string;
  kind: PlanningMeetingKind;
  online: boolean;
  organizationIds: string[];
  notes: string;
}

/** The public registration form: its questions (the latest set) and its links. */
export interface WorkshopDetailForm {
  questions: FormQuestionSpec[];
  version: number;
  links: Array<{ linkId: string; createdAt: string; revokedAt: string | null; revokeReason: string | null }>;
}

/** An outreach recorded for the workshop (POST /workshops/:id/outreach): who was told is in the log, the view counts them. */
export interface WorkshopDetailOutreach {
  outreachId: string;
  channel: OutreachChannel;
  sentOn: string;
  /** People told by this outreach. */
  people: number;
  /** Of them, told about this workshop for the first time. */
  firstContacts: number;
  note: string | null;
  recordedAt: string;
}

// A type alias, not an interface: only aliases are assignable to the store's `Record<string, unknown>` documents.
// The plan's fields as the domain defines them (mapped, so the result stays an alias), then what the view adds.
export type WorkshopDetailView = { [K in keyof WorkshopPlan]: WorkshopPlan[K] } & {
  workshopId: string;
  /** 0-based place in the chain, once WorkshopAddedToChain was seen. */
  chainOrder: number | null;
  status: WorkshopDetailStatus;
  dates: {
    plannedAt: string;
    rescheduledAt: string | null;
    /** The latest opening (registration may be re-opened after a close). */
    registrationOpenedAt: string | null;
    registrationClosedAt: string | null;
    heldOn: string | null;
    cancelledAt: string | null;
    reportedAt: string | null;
  };
  cancellationReason: string | null;
  reportSummary: string | null;
  /**
   * The registration figures, folded by the domain's one counting function (`recount`), as every answer shows them:
   * participants at the top level, the people who ran the workshop (organisers, hosts, speakers) in `counts.staff`.
   */
  counts: RegistrationCounts;
  /** The programme's speakers and presenters, in the order they registered. */
  programme: WorkshopDetailSpeaker[];
  /** People invited (invitation-only workshops): not registrations, so beside the counts. */
  invited: number;
  pledges: WorkshopDetailPledge[];
  expenses: WorkshopDetailExpense[];
  totals: {
    /** In-kind value of pledges not withdrawn. */
    inKindPledgedCents: number;
    inKindFulfilledCents: number;
    /** Current amounts of expenses not voided. */
    expensesCents: number;
  };
  citizenInput: {
    inputs: WorkshopDetailCitizenInput[];
    citizensHeard: number;
    forwardings: WorkshopDetailSummaryForwarding[];
  };
  planningMeetings: WorkshopDetailPlanningMeeting[];
  sustainability: { practices: SustainabilityPractice[]; notes: string; recordedAt: string } | null;
  /** Outreaches recorded for the workshop, in log order (absent in documents from before outreach: none). */
  outreach?: WorkshopDetailOutreach[];
  /** The public registration form (absent until questions or a link were set). */
  form?: WorkshopDetailForm;
  /**
   * What counting needs and events leave out: the role of each registration of the people running the workshop
   * (organisers, hosts, speakers; a handful), by registration id. Participants are not listed: the document stays
   * the same size however many register (see `count` in the projection).
   */
  facts: {
    staff: Record<string, StaffRole>;
  };
  /** Revision of the workshop's stream after its last event applied (chain events leave it): the ETag of GET /workshops/:id. */
  revision: number;
  /** Log position (decimal string) of the last event applied. */
  lastPosition: string;
};
