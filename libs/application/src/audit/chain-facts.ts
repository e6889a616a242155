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

export interface ExpenseFacts {
  expenseId: string;
  workshopId: string;
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
  expenses: Map<string, ExpenseFacts>;
  pledges: Map<string, PledgeFacts>;
  coOrganizers: Array<{ workshopId: string; organizationId: string; event: RecordedEvent }>;
  participations: Participation[];
  citizenInputs: Array<{ workshopId: string; citizensHeard: number; countingMethod: CitizenCountingMethod | null; event: RecordedEvent }>;
  organizations: Map<string, OrganizationFacts>;
  /** The latest ESF categories each person gave, and the event that carries them. */
  profiles: Map<string, { profile: EsfProfile | null; event: RecordedEvent }>;
  lastPosition: bigint;
}

/**
 * Reads the facts of one chain out of its events (chain, workshop, organisation and person streams), in log order.
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
      case 'ExpenseRecorded': {
        const { expenseId, workshopId, description, incurredOn, amountCents, category, fundingSource, receiptReference } = (event as Recorded<ExpenseRecorded>).data;
        facts.expenses.set(expenseId, { expenseId, workshopId, description, incurredOn, amountCents, category, fundingSource, receiptReference, status: 'recorded', events: [event] });
        break;
      }
      case 'ExpenseCorrected': {
        const corrected = (event as Recorded<ExpenseCorrected>).data;
        const expense = facts.expenses.get(corrected.expenseId);
        if (!expense) break;
        Object.assign(expense, { amountCents: corrected.amountCents, category: corrected.category, fundingSource: corrected.fundingSource, receiptReference: corrected.receiptReference, status: 'corrected' });
        expense.events.push(event);
        break;
      }
      case 'ExpenseVoided': {
        const expense = facts.expenses.get((event as Recorded<ExpenseVoided>).data.expenseId);
        if (!expense) break;
        expense.status = 'voided';
        expense.events.push(event);
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
