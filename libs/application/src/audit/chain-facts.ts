import {
  roleOf,
  type AttendanceRecorded,
  type ChainDetailsUpdated,
  type ChainStarted,
  type CitizenCountingMethod,
  type WorkshopRole,
  type CitizenInputCollected,
  type EsfProfile,
  type ExpenseCategory,
  type ExpenseCorrected,
  type ExpenseRecorded,
  type ExpenseVoided,
  type FundingSource,
  type OrganizationDetailsUpdated,
  type OrganizationRegistered,
  type OrganizationSector,
  type ParticipantRegistered,
  type ParticipantWaitlisted,
  type PersonCreated,
  type PersonalDataUpdated,
  type PledgeFulfilled,
  type PledgeKind,
  type PledgeWithdrawn,
  type ResourcePledged,
  type WaitlistedParticipantPromoted,
  type WorkshopAddedToChain,
  type WorkshopCancelled,
  type WorkshopKind,
  type WorkshopPlanned,
  type CoOrganizerAdded,
  type ChainExpenseCorrected,
  type ChainExpenseRecorded,
  type ChainExpenseVoided,
  type ChainStaffHoursRecorded,
  type ChainStaffHoursVoided,
  type FlatRateBasis,
  type FlatRateDeclared,
  type HourlyRate,
  type HourlyRateSet,
  type StaffActivity,
  type StaffHoursRecorded,
  type StaffHoursVoided,
} from '@kuhina/domain';
import type { Recorded, RecordedEvent } from '@kuhina/event-store';

export interface WorkshopFacts {
  workshopId: string;
  title: string | null;
  kind: WorkshopKind | null;
  order: number | null;
  cancelled: boolean;
  /** The events that say what the workshop is (planned, added to the chain). */
  events: RecordedEvent[];
}

/** Whether an item (expense, staff hours) belongs to one workshop or to the chain as a whole. */
export type ItemScope = 'workshop' | 'chain';

export interface ExpenseFacts {
  expenseId: string;
  scope: ItemScope;
  /** Null for the chain's own expenses. */
  workshopId: string | null;
  description: string;
  incurredOn: string;
  amountCents: number;
  category: ExpenseCategory;
  fundingSource: FundingSource;
  receiptReference: string;
  status: 'recorded' | 'corrected' | 'voided';
  /** Recorded, then every correction and the void, in log order. */
  events: RecordedEvent[];
}

export interface PledgeFacts {
  pledgeId: string;
  workshopId: string;
  organizationId: string;
  kind: PledgeKind;
  description: string;
  valueCents: number;
  valuationBasis: string;
  status: 'pledged' | 'fulfilled' | 'withdrawn';
  events: RecordedEvent[];
}

/** Hours a staff member recorded on a workshop or on the chain, and whether they were voided. */
export interface StaffHoursFacts {
  entryId: string;
  scope: ItemScope;
  /** Null for hours on the chain as a whole. */
  workshopId: string | null;
  personId: string;
  activity: StaffActivity;
  workedOn: string;
  minutes: number;
  note: string;
  voided: boolean;
  /** Recorded, then the void, in log order. */
  events: RecordedEvent[];
}

/** One hourly rate of a staff member, with the event that set it. */
export interface HourlyRateFacts extends HourlyRate {
  personId: string;
  event: RecordedEvent;
}

/** The chain's flat rate as last declared (a withdrawal is a declaration with basisPoints null). */
export interface FlatRateFacts {
  basisPoints: number | null;
  basis: FlatRateBasis;
  reference: string;
  event: RecordedEvent;
}

export interface OrganizationFacts {
  organizationId: string;
  name: string;
  sector: OrganizationSector;
  events: RecordedEvent[];
}

/**
 * One person's attendance at one workshop, with the registration behind it: a participant's makes them an ESF+
 * participant; an organiser's, host's or speaker's is counted apart (they ran the workshop).
 */
export interface Participation {
  personId: string;
  workshopId: string;
  organizationId: string | null;
  role: WorkshopRole;
  registration: RecordedEvent | null;
  attendance: RecordedEvent;
}

export interface ChainFacts {
  chainId: string;
  name: string | null;
  started: RecordedEvent | null;
  /** The hub's own organisation as the chain names it (latest), and the event that named it: never a supported organisation. */
  hubOrganization: { organizationId: string; event: RecordedEvent } | null;
  workshops: Map<string, WorkshopFacts>;
  /** By `itemKey(workshopId, expenseId)`: the workshops' expenses and the chain's own. */
  expenses: Map<string, ExpenseFacts>;
  /** By `itemKey(workshopId, entryId)`: hours on the workshops and on the chain. */
  staffHours: Map<string, StaffHoursFacts>;
  /** personId → the person's hourly rates, in the order they were set (they never overlap). */
  rates: Map<string, HourlyRateFacts[]>;
  flatRate: FlatRateFacts | null;
  pledges: Map<string, PledgeFacts>;
  coOrganizers: Array<{ workshopId: string; organizationId: string; event: RecordedEvent }>;
  participations: Participation[];
  citizenInputs: Array<{ workshopId: string; citizensHeard: number; countingMethod: CitizenCountingMethod | null; event: RecordedEvent }>;
  organizations: Map<string, OrganizationFacts>;
  /** The latest ESF categories each person gave, and the event that carries them. */
  profiles: Map<string, { profile: EsfProfile | null; event: RecordedEvent }>;
  lastPosition: bigint;
}

/** Items of a workshop and of the chain are kept apart: their ids are unique only within their own stream. */
export const itemKey = (workshopId: string | null, id: string): string => `${workshopId ?? 'chain'}/${id}`;

/** The people a chain's facts name (profiles, attendees, staff with hours or rates): who a report must pseudonymise. */
export function peopleIn(facts: ChainFacts): Set<string> {
  const people = new Set<string>(facts.profiles.keys());
  for (const participation of facts.participations) people.add(participation.personId);
  for (const hours of facts.staffHours.values()) people.add(hours.personId);
  for (const personId of facts.rates.keys()) people.add(personId);
  return people;
}

/**
 * Reads the facts of one chain out of its events (chain, workshop, organisation, person and staff streams), in log order.
 * Pure: the same events give the same facts. Events of workshops outside the chain are ignored.
 */
export function chainFacts(chainId: string, events: readonly RecordedEvent[]): ChainFacts {
  const facts: ChainFacts = {
    chainId,
    name: null,
    started: null,
    hubOrganization: null,
    workshops: new Map(),
    expenses: new Map(),
    staffHours: new Map(),
    rates: new Map(),
    flatRate: null,
    pledges: new Map(),
    coOrganizers: [],
    participations: [],
    citizenInputs: [],
    organizations: new Map(),
    profiles: new Map(),
    lastPosition: 0n,
  };
  // Workshops join the chain by WorkshopAddedToChain or by a plan naming the chain; their other events count only then.
  const inChain = new Set<string>();
  for (const event of events) {
    if (event.type === 'WorkshopAddedToChain' && (event as Recorded<WorkshopAddedToChain>).data.chainId === chainId) inChain.add((event as Recorded<WorkshopAddedToChain>).data.workshopId);
    if (event.type === 'WorkshopPlanned' && (event as Recorded<WorkshopPlanned>).data.chainId === chainId) inChain.add((event as Recorded<WorkshopPlanned>).data.workshopId);
  }
  const registrations = new Map<string, RecordedEvent>();
  const workshop = (workshopId: string): WorkshopFacts => {
    let found = facts.workshops.get(workshopId);
    if (!found) facts.workshops.set(workshopId, (found = { workshopId, title: null, kind: null, order: null, cancelled: false, events: [] }));
    return found;
  };
  for (const event of events) {
    if (event.position > facts.lastPosition) facts.lastPosition = event.position;
    const data = event.data as { workshopId?: string };
    if (typeof data.workshopId === 'string' && event.type !== 'WorkshopAddedToChain' && !inChain.has(data.workshopId)) continue;
    switch (event.type) {
      case 'ChainStarted': {
        const started = event as Recorded<ChainStarted>;
        if (started.data.chainId === chainId) {
          facts.started = event;
          facts.name = started.data.name;
          const hub = started.data.hubOrganizationId ?? null;
          facts.hubOrganization = hub === null ? null : { organizationId: hub, event };
        }
        break;
      }
      case 'ChainDetailsUpdated': {
        const updated = (event as Recorded<ChainDetailsUpdated>).data;
        if (updated.chainId !== chainId) break;
        if (updated.name !== undefined) facts.name = updated.name;
        if (updated.hubOrganizationId !== undefined) facts.hubOrganization = updated.hubOrganizationId === null ? null : { organizationId: updated.hubOrganizationId, event };
        break;
      }
      case 'WorkshopAddedToChain': {
        const added = event as Recorded<WorkshopAddedToChain>;
        if (added.data.chainId !== chainId) break;
        const w = workshop(added.data.workshopId);
        w.order = added.data.order;
        w.events.push(event);
        break;
      }
      case 'WorkshopPlanned': {
        const planned = event as Recorded<WorkshopPlanned>;
        const w = workshop(planned.data.workshopId);
        w.title = planned.data.title;
        w.kind = planned.data.kind;
        w.events.push(event);
        break;
      }
      case 'WorkshopCancelled': {
        const w = workshop((event as Recorded<WorkshopCancelled>).data.workshopId);
        w.cancelled = true;
        w.events.push(event);
        break;
      }
      case 'ExpenseRecorded':
      case 'ChainExpenseRecorded': {
        const recorded = (event as Recorded<ExpenseRecorded | ChainExpenseRecorded>).data;
        const workshopId = 'workshopId' in recorded ? recorded.workshopId : null;
        if (workshopId === null && (recorded as ChainExpenseRecorded['data']).chainId !== chainId) break;
        const { expenseId, description, incurredOn, amountCents, category, fundingSource, receiptReference } = recorded;
        const scope: ItemScope = workshopId === null ? 'chain' : 'workshop';
        const expense: ExpenseFacts = { expenseId, scope, workshopId, description, incurredOn, amountCents, category, fundingSource, receiptReference, status: 'recorded', events: [event] };
        facts.expenses.set(itemKey(workshopId, expenseId), expense);
        break;
      }
      case 'ExpenseCorrected':
      case 'ChainExpenseCorrected': {
        const corrected = (event as Recorded<ExpenseCorrected | ChainExpenseCorrected>).data;
        const expense = facts.expenses.get(itemKey('workshopId' in corrected ? corrected.workshopId : null, corrected.expenseId));
        if (!expense || ('chainId' in corrected && corrected.chainId !== chainId)) break;
        Object.assign(expense, { amountCents: corrected.amountCents, category: corrected.category, fundingSource: corrected.fundingSource, receiptReference: corrected.receiptReference, status: 'corrected' });
        expense.events.push(event);
        break;
      }
      case 'ExpenseVoided':
      case 'ChainExpenseVoided': {
        const voided = (event as Recorded<ExpenseVoided | ChainExpenseVoided>).data;
        const expense = facts.expenses.get(itemKey('workshopId' in voided ? voided.workshopId : null, voided.expenseId));
        if (!expense || ('chainId' in voided && voided.chainId !== chainId)) break;
        expense.status = 'voided';
        expense.events.push(event);
        break;
      }
      case 'StaffHoursRecorded':
      case 'ChainStaffHoursRecorded': {
        const recorded = (event as Recorded<StaffHoursRecorded | ChainStaffHoursRecorded>).data;
        const workshopId = 'workshopId' in recorded ? recorded.workshopId : null;
        if (workshopId === null && (recorded as ChainStaffHoursRecorded['data']).chainId !== chainId) break;
        const { entryId, personId, activity, workedOn, minutes, note } = recorded;
        const key = itemKey(workshopId, entryId);
        // A repeat of a recorded entry is the same entry (the decider refuses a second one under its id).
        if (facts.staffHours.has(key)) break;
        facts.staffHours.set(key, { entryId, scope: workshopId === null ? 'chain' : 'workshop', workshopId, personId, activity, workedOn, minutes, note, voided: false, events: [event] });
        break;
      }
      case 'StaffHoursVoided':
      case 'ChainStaffHoursVoided': {
        const voided = (event as Recorded<StaffHoursVoided | ChainStaffHoursVoided>).data;
        const hours = facts.staffHours.get(itemKey('workshopId' in voided ? voided.workshopId : null, voided.entryId));
        if (!hours || ('chainId' in voided && voided.chainId !== chainId)) break;
        hours.voided = true;
        hours.events.push(event);
        break;
      }
      case 'HourlyRateSet': {
        const { personId, rateId, hourlyRateCents, validFrom, validUntil, basis } = (event as Recorded<HourlyRateSet>).data;
        const rates = facts.rates.get(personId) ?? [];
        if (rates.some((rate) => rate.rateId === rateId)) break;
        rates.push({ personId, rateId, hourlyRateCents, validFrom, validUntil, basis, event });
        facts.rates.set(personId, rates);
        break;
      }
      case 'FlatRateDeclared': {
        const { chainId: declaredFor, basisPoints, basis, reference } = (event as Recorded<FlatRateDeclared>).data;
        if (declaredFor === chainId) facts.flatRate = { basisPoints, basis, reference, event };
        break;
      }
      case 'ResourcePledged': {
        const { pledgeId, workshopId, organizationId, kind, description, inKindValueCents, valuationBasis } = (event as Recorded<ResourcePledged>).data;
        facts.pledges.set(pledgeId, { pledgeId, workshopId, organizationId, kind, description, valueCents: inKindValueCents, valuationBasis, status: 'pledged', events: [event] });
        break;
      }
      case 'PledgeFulfilled':
      case 'PledgeWithdrawn': {
        const pledge = facts.pledges.get((event as Recorded<PledgeFulfilled | PledgeWithdrawn>).data.pledgeId);
        if (!pledge) break;
        pledge.status = event.type === 'PledgeFulfilled' ? 'fulfilled' : 'withdrawn';
        pledge.events.push(event);
        break;
      }
      case 'CoOrganizerAdded': {
        const { workshopId, organizationId } = (event as Recorded<CoOrganizerAdded>).data;
        facts.coOrganizers.push({ workshopId, organizationId, event });
        break;
      }
      case 'ParticipantRegistered':
      case 'ParticipantWaitlisted':
      case 'WaitlistedParticipantPromoted':
        // The registration (or the promotion that gave the seat) behind a later attendance.
        registrations.set((event as Recorded<ParticipantRegistered | ParticipantWaitlisted | WaitlistedParticipantPromoted>).data.registrationId, event);
        break;
      case 'AttendanceRecorded': {
        const attended = (event as Recorded<AttendanceRecorded>).data;
        const { personId, workshopId, organizationId, registrationId } = attended;
        facts.participations.push({ personId, workshopId, organizationId, role: roleOf(attended), registration: registrations.get(registrationId) ?? null, attendance: event });
        break;
      }
      case 'CitizenInputCollected': {
        const { workshopId, citizensHeard, countingMethod } = (event as Recorded<CitizenInputCollected>).data;
        facts.citizenInputs.push({ workshopId, citizensHeard, countingMethod: countingMethod ?? null, event });
        break;
      }
      case 'OrganizationRegistered': {
        const { organizationId, name, sector } = (event as Recorded<OrganizationRegistered>).data;
        facts.organizations.set(organizationId, { organizationId, name, sector, events: [event] });
        break;
      }
      case 'OrganizationDetailsUpdated': {
        const updated = (event as Recorded<OrganizationDetailsUpdated>).data as { organizationId: string; name?: string; sector?: OrganizationSector };
        const organization = facts.organizations.get(updated.organizationId);
        if (!organization) break;
        if (updated.name !== undefined) organization.name = updated.name;
        if (updated.sector !== undefined) organization.sector = updated.sector;
        organization.events.push(event);
        break;
      }
      case 'PersonCreated':
      case 'PersonalDataUpdated': {
        const { personId, esfProfile } = (event as Recorded<PersonCreated | PersonalDataUpdated>).data;
        // Events older than the ESF categories carry none: an update without them keeps what the person gave before.
        if (esfProfile === undefined && facts.profiles.has(personId)) break;
        facts.profiles.set(personId, { profile: esfProfile ?? null, event });
        break;
      }
      default:
        break;
    }
  }
  return facts;
}
