import { STAFF_ROLES, type StaffRole } from '@kuhina/domain';
import type { RecordedEvent } from '@kuhina/event-store';
import { FigureBuilder, type Figure } from './audit-records';
import type { ChainFacts, Participation } from './chain-facts';

// The ledger's counts of people and organisations (the indicators count the same participations).

/** Distinct people who registered for and attended a co-development workshop of the chain. */
export function participantsFigure(facts: ChainFacts): Figure {
  const figure = new FigureBuilder();
  const counted = new Set<string>();
  for (const participation of coDevelopmentParticipations(facts)) {
    figure.add(counted.has(participation.personId) ? 0 : 1, participationEvents(participation));
    counted.add(participation.personId);
  }
  return figure.build();
}

/** The distinct people who attended a workshop of the chain (any kind) in each role that runs it. */
export function staffFigures(facts: ChainFacts): Record<StaffRole, Figure> {
  const figures = Object.fromEntries(STAFF_ROLES.map((role) => [role, { figure: new FigureBuilder(), people: new Set<string>() }]));
  for (const participation of facts.participations) {
    if (participation.role === 'participant') continue;
    const { figure, people } = figures[participation.role]!;
    figure.add(people.has(participation.personId) ? 0 : 1, participationEvents(participation));
    people.add(participation.personId);
  }
  return Object.fromEntries(STAFF_ROLES.map((role) => [role, figures[role]!.figure.build()])) as Record<StaffRole, Figure>;
}

/** The registration (or promotion) and the attendance behind one participation. */
export const participationEvents = (participation: Participation): RecordedEvent[] =>
  participation.registration ? [participation.registration, participation.attendance] : [participation.attendance];

/**
 * Participations that make someone an ESF participant: attended (after registering) a co-development workshop as a
 * participant. Organisers, hosts and speakers ran it: counted apart (see the indicators' `countedApart.byRole`).
 */
export function coDevelopmentParticipations(facts: ChainFacts): Participation[] {
  return facts.participations.filter((p) => p.role === 'participant' && facts.workshops.get(p.workshopId)?.kind === 'co-development');
}

/** The organisations the chain reached (co-organisers, pledgers, organisations of attendees), each with its first event. */
export function reachedOrganizations(facts: ChainFacts): Map<string, RecordedEvent[]> {
  const reached = new Map<string, RecordedEvent[]>();
  const hub = facts.hubOrganization?.organizationId ?? null;
  // The hub's own organisation runs the chain: it is never one the chain supported.
  const touch = (organizationId: string | null, event: RecordedEvent) => {
    if (organizationId === null || organizationId === hub) return;
    const events = reached.get(organizationId);
    if (events) events.push(event);
    else reached.set(organizationId, [event]);
  };
  for (const { organizationId, event } of facts.coOrganizers) touch(organizationId, event);
  for (const pledge of facts.pledges.values()) touch(pledge.organizationId, pledge.events[0]!);
  for (const participation of facts.participations) touch(participation.organizationId, participation.attendance);
  return reached;
}

/** Organisations the chain reached: co-organisers, pledgers, and the organisations of attendees. */
export function organizationsFigure(facts: ChainFacts): Figure {
  const figure = new FigureBuilder();
  for (const events of reachedOrganizations(facts).values()) figure.add(1, events);
  return figure.build();
}
