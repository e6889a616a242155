import type {
  AttendanceMode,
  ExpenseCategory,
  PlanningMeetingKind,
  PledgeKind,
  StaffActivity,
  StaffCount,
  StaffRole,
  SustainabilityPractice,
  WorkshopAccess,
  WorkshopFormat,
  WorkshopKind,
  WorkshopLocation,
  WorkshopRole,
} from '@kuhina/domain';

export const WORKSHOP_CHAIN_COLLECTION = 'workshop-chains';

export type ChainWorkshopStatus = 'planned' | 'registration-open' | 'registration-closed' | 'held' | 'reported' | 'cancelled';
export type PledgeStatus = 'pending' | 'fulfilled' | 'withdrawn';
export type Rating = '1' | '2' | '3' | '4' | '5';

// ---- raw facts, kept by id so that applying an event twice changes nothing ----

/** A registration as the domain's count (`recount`) folds it: its status and how the person attended. */
export interface RegistrationFact {
  personId: string;
  organizationId: string | null;
  status: 'registered' | 'waitlisted' | 'cancelled';
  /** How the person attended, once recorded (the workshop's attendance figures count these). */
  attended: AttendanceMode | null;
  /** Participants count in the figures; organisers, hosts and speakers in `staff` (absent in old documents: participant). */
  role: WorkshopRole;
  /** The outreach the registration followed (absent in documents from before outreach: none). */
  outreachId?: string | null;
}

export interface AttendanceFact {
  registrationId: string;
  /** From the attendance record, else from the registration. */
  organizationId: string | null;
  mode: AttendanceMode;
}

export interface PledgeFact {
  organizationId: string;
  kind: PledgeKind;
  inKindValueCents: number;
  status: PledgeStatus;
}

export interface ExpenseFact {
  /** The current figures: a correction replaces them. */
  amountCents: number;
  category: ExpenseCategory;
  status: 'recorded' | 'voided';
  corrected: boolean;
}

/** Staff hours as this view keeps them: no person and no money (rates and costs are the audit ledger's). */
export interface StaffHoursFact {
  activity: StaffActivity;
  minutes: number;
  voided: boolean;
}

/**
 * The facts of one workshop this document keeps: a few per workshop (pledges, expenses, meetings...), none per
 * registration. A registration's, an attendee's and a feedback's facts are documents of their own in the same
 * collection (./apply/fact-documents.ts), so that an event of a large workshop writes the same bytes at 10 registrations
 * as at 10,000 (issue 17).
 */
export interface WorkshopFacts {
  /** pledgeId → pledge. */
  pledges: Record<string, PledgeFact>;
  /** expenseId → expense. */
  expenses: Record<string, ExpenseFact>;
  /** entryId → staff hours on the workshop (absent in documents from before staff hours). */
  staffHours: Record<string, StaffHoursFact>;
  /** inputId → citizens heard (the tally recorded with the input: street events register no citizens). */
  citizenInputs: Record<string, number>;
  /** meetingId → kind. */
  planningMeetings: Record<string, PlanningMeetingKind>;
  /** collaborationId → true, for collaborations this workshop sparked. */
  collaborations: Record<string, true>;
  /**
   * organizationId → how many facts of the workshop name it (co-organisers, pledges, registrations, attendance), the
   * hub's own organisation included (it is left out of the figures, and a new hub changes which that is). An
   * organisation with a count is reached; an attendance re-recorded with another organisation moves one count.
   * Bounded by the organisations, not by the registrations.
   */
  organizations: Record<string, number>;
  /** outreachId → how many people it told for the first time (absent in documents from before outreach). */
  outreaches?: Record<string, number>;
}

/**
 * Past participants told about the workshop (POST /workshops/:id/outreach) and what followed: `peopleReached` counts
 * each person once however many outreaches told them; `registered` counts the registrations (waitlisted included, not
 * cancelled) attributed to an outreach, `attended` those of them who attended: the returning participants outreach
 * brought back.
 */
export interface OutreachFigures {
  outreaches: number;
  peopleReached: number;
  registered: number;
  attended: number;
}

// ---- derived figures ----

/**
 * `registrations` and `attendance` are the two halves of one count of the registration facts by the domain's counting
 * function (`countRegistrations`/`recount`), so they are the same figures GET /workshops/:id shows.
 */
export interface RegistrationCounts {
  registered: number;
  waitlisted: number;
  cancelled: number;
}

/** Registrations whose attendance was recorded, by mode. */
export interface AttendanceCounts {
  onSite: number;
  remote: number;
  total: number;
}

export interface FeedbackSummary {
  count: number;
  /** Mean rating rounded to 2 decimals; null without feedback. */
  average: number | null;
  distribution: Record<Rating, number>;
}

export interface CountAndValue {
  count: number;
  inKindValueCents: number;
}

export interface PledgeKindSummary {
  /** Pledges of this kind, whatever their status. */
  count: number;
  /** Value pledged and not withdrawn. */
  inKindValueCents: number;
  fulfilledInKindValueCents: number;
}

export interface PledgeSummary {
  count: number;
  /** Only kinds that occur. */
  byKind: Partial<Record<PledgeKind, PledgeKindSummary>>;
  /** Value per status is the pledged value of the pledges now in that status. */
  byStatus: Record<PledgeStatus, CountAndValue>;
  inKindValueFulfilledCents: number;
}

export interface ExpenseSummary {
  /** Expenses not voided. */
  count: number;
  /** Sum of expenses not voided, with corrections applied. */
  totalCents: number;
  /** Only categories that occur; corrected figures, voided expenses left out. */
  byCategory: Partial<Record<ExpenseCategory, number>>;
  voidedCount: number;
  /** Expenses corrected at least once (voided later or not). */
  correctedCount: number;
}

/** Staff time, in minutes (no money here: the audit ledger costs it at each person's rate). */
export interface StaffMinutesSummary {
  /** Entries not voided. */
  count: number;
  /** Minutes of the entries not voided. */
  totalMinutes: number;
  /** Every activity, 0 when none. */
  byActivity: Record<StaffActivity, number>;
  voidedCount: number;
}

/** People who ran a workshop, by role (registered and attended): counted apart from the participants. */
export type StaffCounts = Record<StaffRole, StaffCount>;

export interface PlanningMeetingCounts {
  partner: number;
  coreTeam: number;
}

export interface ChainWorkshop {
  workshopId: string;
  /** 0-based place in the chain; null until the chain records the workshop. */
  order: number | null;
  title: string;
  status: ChainWorkshopStatus;
  kind: WorkshopKind;
  format: WorkshopFormat;
  startsAt: string;
  endsAt: string;
  location: WorkshopLocation | null;
  targetGroups: string[];
  access: WorkshopAccess;
  capacity: number | null;
  coOrganizerIds: string[];
  /** Participants only; the people who ran the workshop are in `staff`. */
  registrations: RegistrationCounts;
  attendance: AttendanceCounts;
  staff: StaffCounts;
  feedback: FeedbackSummary;
  pledges: PledgeSummary;
  expenses: ExpenseSummary;
  /** Staff hours recorded on the workshop. */
  staffMinutes: StaffMinutesSummary;
  citizensHeard: number;
  planningMeetings: PlanningMeetingCounts;
  sustainability: { practices: SustainabilityPractice[]; notes: string } | null;
  /** Attendees who attended an earlier workshop of the chain (chain order). */
  returningParticipants: number;
  /** Organisations reached here for the first time in the chain (sorted ids). */
  newOrganizationIds: string[];
  newOrganizations: number;
  collaborationsSparked: number;
  outreach: OutreachFigures;
  facts: WorkshopFacts;
}

/**
 * The figures `figuresOf` derives from a workshop's facts (and from the workshops before it). Registrations, attendance,
 * staff and feedback are not among them: their facts are documents of their own, and each fact moves these figures.
 */
export type DerivedWorkshopFigure =
  | 'order'
  | 'pledges'
  | 'expenses'
  | 'staffMinutes'
  | 'citizensHeard'
  | 'planningMeetings'
  | 'returningParticipants'
  | 'newOrganizationIds'
  | 'newOrganizations'
  | 'collaborationsSparked';

/** A workshop as its events describe it, before the derived figures. */
export type WorkshopEntry = Omit<ChainWorkshop, DerivedWorkshopFigure> & { order: number | null };

export interface ChainTotals {
  workshops: number;
  /** Participants only: organisers, hosts and speakers are in `staff`. */
  registrations: RegistrationCounts;
  attendance: AttendanceCounts;
  staff: StaffCounts;
  /** Distinct participants who attended at least one workshop. */
  uniqueParticipants: number;
  /** Distinct people who attended more than one workshop. */
  returningParticipants: number;
  /** Distinct organisations that attended, registered, co-organised or pledged (never the hub's own). */
  organizationsReached: number;
  feedback: FeedbackSummary;
  pledges: PledgeSummary;
  inKindValueFulfilledCents: number;
  /** The workshops' expenses plus the chain's own (`chainExpenses`). */
  expenses: ExpenseSummary;
  /** The workshops' staff hours plus the chain's own (`chainStaffMinutes`). */
  staffMinutes: StaffMinutesSummary;
  citizensHeard: number;
  /** The workshops' planning meetings plus the chain's own (`chainMeetings`). */
  planningMeetings: PlanningMeetingCounts;
  collaborationsSparked: number;
  outreach: OutreachFigures;
}

/** GET /chains/:id — the whole chain, workshop by workshop, with its totals. */
export type WorkshopChainView = {
  chainId: string;
  name: string;
  description: string;
  fundingProgramme: string;
  esfOperationId: string;
  period: { start: string; end: string };
  status: 'active' | 'closed';
  startedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  lastPaymentOn: string | null;
  retentionEndsOn: string | null;
  /** The hub's own organisation: it runs the chain, so it is never among the organisations reached. */
  hubOrganizationId: string | null;
  /** Planning meetings held for the chain as a whole (the core team's, mostly), apart from the workshops' own. */
  chainMeetings: PlanningMeetingCounts;
  /** Expenses of the chain as a whole, apart from the workshops' own. */
  chainExpenses: ExpenseSummary;
  /** Staff hours on the chain as a whole (the core team's meetings, chain-level planning), apart from the workshops' own. */
  chainStaffMinutes: StaffMinutesSummary;
  /** Revision of the chain's stream after its last event applied (workshop events leave it): the ETag of GET /chains/:id. */
  revision: number;
  /** In chain order (workshops not yet ordered by the chain come last, by start). */
  workshops: ChainWorkshop[];
  totals: ChainTotals;
  facts: {
    /** workshopId → order, from WorkshopAddedToChain (it may arrive before or after the plan). */
    workshopOrder: Record<string, number>;
    /** meetingId → kind, of the chain's own planning meetings. */
    chainMeetings: Record<string, PlanningMeetingKind>;
    /** expenseId → the chain's own expense. */
    chainExpenses: Record<string, ExpenseFact>;
    /** entryId → staff hours on the chain as a whole. */
    chainStaffHours: Record<string, StaffHoursFact>;
    /**
     * The workshops each participant attended, as patterns: the workshop ids one person attended (sorted, joined by
     * spaces) → how many people attended exactly those. Returning and unique participants follow from these in any
     * chain order, with no list of people: there are as many patterns as different paths through the chain.
     */
    attendancePatterns: Record<string, number>;
  };
  lastPosition: string;
};
