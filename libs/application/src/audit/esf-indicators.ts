import {
  CITIZEN_COUNTING_METHODS,
  STAFF_ROLES,
  type CitizenCountingMethod,
  type StaffRole,
  ESF_AGE_BANDS,
  ESF_EDUCATION_LEVELS,
  ESF_GENDERS,
  ESF_LABOUR_MARKET_STATUSES,
  type EsfAgeBand,
  type EsfEducationLevel,
  type EsfGender,
  type EsfLabourMarketStatus,
  type EsfProfile,
  type OrganizationSector,
} from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { FigureBuilder, type Figure } from './audit-records';
import { coDevelopmentParticipations, participationEvents, reachedOrganizations } from './audit-ledger';
import type { ChainFacts } from './chain-facts';

/** A count of people, with the records it counts: the people as pseudonyms, and the events. */
export interface PeopleIndicator extends Figure {
  people: string[];
}

/** A count of organisations, with the organisations it counts and the events that brought them in. */
export interface OrganizationIndicator extends Figure {
  organizations: Array<{ organizationId: string; name: string | null }>;
}

/** ESF+ types of supported entities: social enterprises count as SMEs; research bodies and global networks as other. */
export const ESF_ORGANIZATION_TYPES = ['public-administration', 'sme', 'ngo', 'higher-education', 'other'] as const;
export type EsfOrganizationType = (typeof ESF_ORGANIZATION_TYPES)[number];

const ORGANIZATION_TYPE: Readonly<Record<OrganizationSector, EsfOrganizationType>> = {
  'public-administration': 'public-administration',
  sme: 'sme',
  'social-enterprise': 'sme',
  ngo: 'ngo',
  'higher-education': 'higher-education',
  research: 'other',
  'global-network': 'other',
  other: 'other',
};

/** GET /audit/indicators: the ESF+ common output indicators of a chain, each traceable to what it counts. */
export interface EsfIndicators {
  chainId: string;
  lastPosition: string;
  /**
   * People who registered for and attended co-development workshops of the chain as participants: the core team
   * (organisers), partner staff (hosts) and speakers are left out here and counted in `countedApart.byRole`.
   */
  participants: {
    total: PeopleIndicator;
    byGender: Record<EsfGender, PeopleIndicator>;
    byAgeBand: Record<EsfAgeBand, PeopleIndicator>;
    byLabourMarketStatus: Record<EsfLabourMarketStatus, PeopleIndicator>;
    byEducationLevel: Record<EsfEducationLevel, PeopleIndicator>;
  };
  /** Not participants in the ESF sense: counted apart, so an auditor sees what was left out and why. */
  countedApart: {
    /** People who attended open information events of the chain as participants. */
    informationEventAttendees: PeopleIndicator;
    /**
     * Citizens heard at street events: the tallies recorded with the citizen input there (street events register no
     * citizens), with how each tally was counted (`unspecified`: recorded before the method was asked).
     */
    streetEventCitizens: Figure & { byCountingMethod: Record<CitizenCountingMethod | 'unspecified', number> };
    /** The people who ran the workshops, by role, among those whose attendance was recorded (any kind of workshop). */
    byRole: Record<StaffRole, PeopleIndicator>;
    /** The hub's own organisation (configured on the chain): it runs the chain, so it is never a supported organisation. */
    hubOrganization: { organizationId: string; name: string | null } | null;
  };
  /** Organisations the chain supported (co-organisers, pledgers, organisations of attendees), by ESF+ type; never the hub's own. */
  organizations: {
    total: OrganizationIndicator;
    byType: Record<EsfOrganizationType, OrganizationIndicator>;
  };
}

class PeopleCount {
  private readonly figure = new FigureBuilder();
  private readonly people = new Set<string>();

  add(person: string, events: readonly RecordedEvent[]): void {
    this.figure.add(this.people.has(person) ? 0 : 1, events);
    this.people.add(person);
  }

  build(): PeopleIndicator {
    return { ...this.figure.build(), people: [...this.people].sort() };
  }
}

const counts = <K extends string>(keys: readonly K[]) => new Map<K, PeopleCount>(keys.map((key) => [key, new PeopleCount()]));
const builtCounts = <K extends string>(map: Map<K, PeopleCount>) => Object.fromEntries([...map].map(([key, count]) => [key, count.build()])) as Record<K, PeopleIndicator>;

const UNKNOWN_PROFILE: EsfProfile = { gender: 'unknown', ageBand: 'unknown', labourMarketStatus: 'unknown', educationLevel: 'unknown' };

/**
 * The ESF+ indicators of a chain from its facts. Pure. People appear only as `pseudonymOf(personId)`: the auditor
 * can trace a count to its records without learning who they are. The categories come from the person's latest
 * ESF answers (kept in clear, so they survive an erasure); no answer counts as unknown.
 */
export function buildIndicators(facts: ChainFacts, pseudonymOf: (personId: string) => string): EsfIndicators {
  const total = new PeopleCount();
  const byGender = counts(ESF_GENDERS);
  const byAgeBand = counts(ESF_AGE_BANDS);
  const byLabourMarketStatus = counts(ESF_LABOUR_MARKET_STATUSES);
  const byEducationLevel = counts(ESF_EDUCATION_LEVELS);
  for (const participation of coDevelopmentParticipations(facts)) {
    const person = pseudonymOf(participation.personId);
    const known = facts.profiles.get(participation.personId);
    const profile = known?.profile ?? UNKNOWN_PROFILE;
    const events = known ? [...participationEvents(participation), known.event] : participationEvents(participation);
    total.add(person, events);
    byGender.get(profile.gender)!.add(person, events);
    byAgeBand.get(profile.ageBand)!.add(person, events);
    byLabourMarketStatus.get(profile.labourMarketStatus)!.add(person, events);
    byEducationLevel.get(profile.educationLevel)!.add(person, events);
  }

  const informationEventAttendees = new PeopleCount();
  const byRole = counts(STAFF_ROLES);
  for (const participation of facts.participations) {
    const person = pseudonymOf(participation.personId);
    if (participation.role !== 'participant') byRole.get(participation.role)!.add(person, participationEvents(participation));
    else if (facts.workshops.get(participation.workshopId)?.kind === 'information-event') informationEventAttendees.add(person, participationEvents(participation));
  }
  // Only the tallies: anyone registered at a street event ran it (a host, an organiser), never a citizen heard.
  const streetEventCitizens = new FigureBuilder();
  const byCountingMethod = Object.fromEntries([...CITIZEN_COUNTING_METHODS, 'unspecified'].map((method) => [method, 0])) as Record<CitizenCountingMethod | 'unspecified', number>;
  for (const input of facts.citizenInputs) {
    if (facts.workshops.get(input.workshopId)?.kind !== 'street-event') continue;
    streetEventCitizens.add(input.citizensHeard, [input.event]);
    byCountingMethod[input.countingMethod ?? 'unspecified'] += input.citizensHeard;
  }
  const hub = facts.hubOrganization;

  const organizationTotal = new FigureBuilder();
  const organizationList: OrganizationIndicator['organizations'] = [];
  const byType = new Map(ESF_ORGANIZATION_TYPES.map((type) => [type, { figure: new FigureBuilder(), organizations: [] as OrganizationIndicator['organizations'] }]));
  for (const [organizationId, events] of reachedOrganizations(facts)) {
    const organization = facts.organizations.get(organizationId);
    const entry = { organizationId, name: organization?.name ?? null };
    const behind = organization ? [...events, organization.events[0]!] : events;
    organizationTotal.add(1, behind);
    organizationList.push(entry);
    const type = byType.get(organization ? ORGANIZATION_TYPE[organization.sector] : 'other')!;
    type.figure.add(1, behind);
    type.organizations.push(entry);
  }

  return {
    chainId: facts.chainId,
    lastPosition: facts.lastPosition.toString(),
    participants: {
      total: total.build(),
      byGender: builtCounts(byGender),
      byAgeBand: builtCounts(byAgeBand),
      byLabourMarketStatus: builtCounts(byLabourMarketStatus),
      byEducationLevel: builtCounts(byEducationLevel),
    },
    countedApart: {
      informationEventAttendees: informationEventAttendees.build(),
      streetEventCitizens: { ...streetEventCitizens.build(), byCountingMethod },
      byRole: builtCounts(byRole),
      hubOrganization: hub === null ? null : { organizationId: hub.organizationId, name: facts.organizations.get(hub.organizationId)?.name ?? null },
    },
    organizations: {
      total: { ...organizationTotal.build(), organizations: organizationList },
      byType: Object.fromEntries([...byType].map(([type, { figure, organizations }]) => [type, { ...figure.build(), organizations }])) as Record<EsfOrganizationType, OrganizationIndicator>,
    },
  };
}
