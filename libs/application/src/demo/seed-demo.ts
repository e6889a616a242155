import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { seededRandom } from '@kuhina/domain';
import type { EsfCharacteristics } from '@kuhina/privacy';
import type { AggregateName, CommandOf } from '../aggregates';
import { ExecuteDomainCommand } from '../execute-domain-command/execute-domain-command.command';
import { RegisterPerson, type RegisterPersonResult } from '../register-person/register-person.command';
import {
  DEMO_CHAIN,
  DEMO_CHAIN_COSTS,
  DEMO_COLLABORATIONS,
  DEMO_CORE_TEAM,
  DEMO_CORE_TEAM_MEETINGS,
  DEMO_HOURLY_RATES,
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  DEMO_WORKSHOPS,
  FIRST_NAMES,
  LAST_NAMES,
  rateBasisOf,
  rateCentsOf,
  type DemoChain,
  type DemoChainMeeting,
  type DemoCollaboration,
  type DemoHourlyRate,
  type DemoNamedPerson,
  type DemoOrganization,
  type DemoWorkshop,
} from './demo-2023.data';
import { DEMO_RELATIONSHIPS, type DemoRelationships } from './demo-2023.relationships.data';

export { DEMO_USERS } from './demo-2023.data';
import { relationshipSteps } from './seed-relationships';
import { seedNextWebinar } from './seed-next-webinar';
export { DEMO_NEXT_WEBINAR_ID, DEMO_NEXT_WEBINAR_LINK_ID } from './seed-next-webinar';
import { day, demoId, timesheetDay, type DemoPerson, type SeedSession, type Tracked } from './seed-session';
import { planDemoWorkshop, runDemoWorkshop } from './seed-workshop';

export { demoId } from './seed-session';
export const DEMO_CHAIN_ID = demoId(`chain:${DEMO_CHAIN.key}`);

export interface SeedProgress {
  step: string;
  done: number;
  total: number;
}

export interface SeedReport {
  chainId: string;
  commands: number;
  /** Commands that appended events (0 on a second run). */
  appended: number;
  organizations: number;
  people: number;
  /** Every registration: participants and the people who ran the workshops (organisers, hosts, speakers). */
  registrations: number;
  lastPosition: bigint | null;
}


/** What the seed loads: the 2023 chain by default; tests give it altered data to see the checks refuse a bad step. */
export interface DemoData {
  chain: DemoChain;
  organizations: DemoOrganization[];
  /** The hub's people: organisers at every workshop. */
  coreTeam: DemoNamedPerson[];
  /** Recorded on the chain, not on a workshop. */
  coreTeamMeetings: DemoChainMeeting[];
  /** The core team's hourly costs by period: set before any of their hours (an hour must have a cost). */
  hourlyRates: DemoHourlyRate[];
  /** The chain's own hours (besides its meetings), expenses and flat rate. */
  chainCosts: typeof DEMO_CHAIN_COSTS;
  workshops: DemoWorkshop[];
  collaborations: DemoCollaboration[];
  /** The partners' offers and contact persons, the people's consents, the debriefs (demo-2023.relationships.data.ts). */
  relationships: DemoRelationships;
  /** Who records what: the `actor` of the events. */
  users: { coordinator: string; finance: string };
}

export const DEMO_2023: DemoData = {
  chain: DEMO_CHAIN,
  organizations: DEMO_ORGANIZATIONS,
  coreTeam: DEMO_CORE_TEAM.members,
  coreTeamMeetings: DEMO_CORE_TEAM_MEETINGS.meetings,
  hourlyRates: DEMO_HOURLY_RATES,
  chainCosts: DEMO_CHAIN_COSTS,
  workshops: DEMO_WORKSHOPS,
  collaborations: DEMO_COLLABORATIONS,
  relationships: DEMO_RELATIONSHIPS,
  users: DEMO_USERS,
};


/**
 * Loads the real 2023 chain of five workshops (demo-2023.data.ts) through the same use cases the API's controllers
 * dispatch on the CommandBus — plan (and add to the chain), register, cancel, and the generic one with its reference
 * checks — so seeded data passes every check typed-in data does. Every write carries its business date (`at`), in
 * 2023: a workshop's planning, pledges and registrations before it, what happened there on its day, the
 * bookkeeping after it; the partners' contact persons and offers when the planning began, the consents asked at the
 * first workshop each person came to, the debriefs at the core team's debrief meetings. Idempotent: every command id is derived from a stable key, so running it twice appends nothing.
 */
export async function seedDemo(bus: CommandBus, onProgress: (p: SeedProgress) => void = () => undefined, data: DemoData = DEMO_2023): Promise<SeedReport> {
  const random = seededRandom(2023);
  const chainId = demoId(`chain:${data.chain.key}`);
  const report: SeedReport = { chainId, commands: 0, appended: 0, organizations: 0, people: 0, registrations: 0, lastPosition: null };
  // Each command stands for one request of the back-office, as if typed in by one of its (fictitious) users: its own
  // correlation id, so that an auditor's trace of a demo event lists what that request did, not the whole seed, and
  // names the person who recorded it. The actor is not part of the command id: a re-run still appends nothing.
  const { coordinator, finance } = data.users;
  const context = (key: string, actor = coordinator): CommandContext => ({ commandId: demoId(`cmd:${key}`), actor, correlationId: `seed-demo-2023:${key}` });
  const orgId = (key: string) => demoId(`organization:${key}`);
  const workshopId = (key: string) => demoId(`workshop:${key}`);
  const started = `${data.chain.startedOn}T07:00:00.000Z`;

  const track = (result: Tracked) => {
    report.commands++;
    const appended = result.created !== undefined ? result.created && !result.duplicate : result.duplicate === false && (result.events?.length ?? 0) > 0;
    if (appended) report.appended++;
    if (result.position !== null && (report.lastPosition === null || result.position > report.lastPosition)) report.lastPosition = result.position;
  };
  const run = async <A extends AggregateName>(aggregate: A, key: string, command: CommandOf<A>, actor = coordinator): Promise<CommandResult<unknown>> => {
    const result = await bus.execute<ExecuteDomainCommand<A>, CommandResult<unknown>>(new ExecuteDomainCommand(aggregate, command, context(key, actor)));
    track(result);
    return result;
  };

  // Organisations first: the chain names the hub's own, which must exist.
  for (const [index, org] of data.organizations.entries()) {
    await run('organization', `org:${org.key}`, {
      type: 'RegisterOrganization',
      at: started,
      data: { organizationId: orgId(org.key), name: org.name, sector: org.sector, municipality: org.municipality, region: org.region, businessId: null, website: null },
    });
    report.organizations++;
    onProgress({ step: 'organisations', done: index + 1, total: data.organizations.length });
  }

  await run('chain', 'chain', {
    type: 'StartChain',
    at: day(started, 0.05),
    data: {
      chainId,
      name: data.chain.name,
      description: data.chain.description,
      fundingProgramme: data.chain.fundingProgramme,
      esfOperationId: data.chain.esfOperationId,
      periodStart: data.chain.periodStart,
      periodEnd: data.chain.periodEnd,
      hubOrganizationId: orgId(data.chain.hubOrganization),
    },
  });

  // How the chain claims its other costs: a flat rate of its direct staff costs, declared with the funding decision.
  const { flatRate } = data.chainCosts;
  await run('chain', 'chain:flat-rate', { type: 'DeclareFlatRate', at: day(started, 0.06), data: { chainId, basisPoints: flatRate.basisPoints, basis: flatRate.appliesTo, reference: flatRate.reference } }, finance);

  // The core team's own meetings (~30) served the whole chain: recorded on it, not on a workshop.
  for (const [index, meeting] of data.coreTeamMeetings.entries()) {
    await run('chain', `chain-meeting:${meeting.heldOn}`, {
      type: 'RecordChainMeeting',
      at: `${meeting.heldOn}T10:00:00.000Z`,
      data: { chainId, meetingId: demoId(`chain-meeting:${meeting.heldOn}`), heldOn: meeting.heldOn, kind: 'core-team', online: meeting.online, organizationIds: [orgId(data.chain.hubOrganization)], notes: meeting.notes },
    });
    onProgress({ step: 'core-team meetings', done: index + 1, total: data.coreTeamMeetings.length });
  }

  // People: pools per organisation, one of its participants and one of its staff (hosts, speakers); later workshops
  // draw partly on people who came before, so that returning participants are participants who came back.
  const pools = new Map<string, DemoPerson[]>();
  let nameIndex = 0;
  const newPerson = (orgKey: string): DemoPerson => {
    const first = FIRST_NAMES[nameIndex % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(nameIndex / FIRST_NAMES.length + nameIndex * 7) % LAST_NAMES.length]!;
    nameIndex++;
    return { key: `person:${nameIndex}`, orgKey, firstName: first, lastName: last };
  };
  const shuffled = <T>(items: T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  /** `count` people of an organisation not yet at this workshop: about a quarter of them people who came before in the same capacity. */
  const draw = (orgKey: string, staff: boolean, count: number, taken: Set<string>): DemoPerson[] => {
    const poolKey = `${staff ? 'staff' : 'participants'}:${orgKey}`;
    const pool = pools.get(poolKey) ?? [];
    const available = pool.filter((p) => !taken.has(p.key));
    const chosen = shuffled(available).slice(0, Math.min(available.length, Math.ceil(count / 4)));
    while (chosen.length < count) {
      const fresh = newPerson(orgKey);
      pool.push(fresh);
      chosen.push(fresh);
    }
    pools.set(poolKey, pool);
    for (const person of chosen) taken.add(person.key);
    return chosen;
  };

  const personIds = new Map<string, string>();
  const ensurePerson = async (person: DemoPerson, at: string): Promise<string> => {
    const known = personIds.get(person.key);
    if (known) return known;
    const esf: EsfCharacteristics | undefined =
      random() < 0.65
        ? {
            gender: (['female', 'male', 'female', 'other', 'undisclosed'] as const)[Math.floor(random() * 5)],
            birthYear: 1958 + Math.floor(random() * 45),
            labourMarketStatus: (['employed', 'employed', 'employed', 'self-employed', 'unemployed', 'in-education', 'retired'] as const)[Math.floor(random() * 7)],
            educationLevel: (['isced-3-4', 'isced-5-8', 'isced-5-8', 'isced-5-8', 'isced-0-2'] as const)[Math.floor(random() * 5)],
          }
        : undefined;
    const slug = `${person.firstName}.${person.lastName}.${person.key.split(':')[1]}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
    const result = await bus.execute<RegisterPerson, RegisterPersonResult>(
      new RegisterPerson(
        {
          personId: demoId(person.key),
          personalData: { name: `${person.firstName} ${person.lastName}`, email: `${slug}@example.org`, phone: null, ...(esf ? { esf } : {}) },
          organizationId: orgId(person.orgKey),
          at,
        },
        context(person.key),
      ),
    );
    track(result);
    report.people++;
    personIds.set(person.key, result.personId);
    return result.personId;
  };

  const coreTeam: DemoPerson[] = data.coreTeam.map((m) => ({ key: `person:${m.key}`, orgKey: m.org, firstName: m.firstName, lastName: m.lastName }));
  for (const member of coreTeam) await ensurePerson(member, day(started, 0.1));
  const memberId = (memberKey: string): string => {
    const id = personIds.get(`person:${memberKey}`);
    if (!id) throw new Error(`Demo staff ${memberKey} is not in the core team`);
    return id;
  };

  // Rates first: hours of someone with no rate covering the day are refused (422), as through the API. A rate from
  // before the chain is set when the chain starts; a later one on its first day.
  for (const rate of data.hourlyRates) {
    await run(
      'staff',
      `rate:${rate.key}`,
      {
        type: 'SetHourlyRate',
        at: rate.validFrom < data.chain.startedOn ? day(started, 0.15) : `${rate.validFrom}T06:00:00.000Z`,
        data: { personId: memberId(rate.member), rateId: demoId(`rate:${rate.key}`), hourlyRateCents: rateCentsOf(rate), validFrom: rate.validFrom, validUntil: rate.validUntil, basis: rateBasisOf(rate) },
      },
      finance,
    );
  }

  // The chain's own hours: each member at each core-team meeting, and the other chain-level work.
  const chainHours = [
    ...data.coreTeamMeetings.flatMap((meeting) =>
      data.coreTeam.map((m) => ({ key: `chain-hours:${meeting.heldOn}:${m.key}`, member: m.key, activity: 'meeting' as const, workedOn: meeting.heldOn, minutes: data.chainCosts.meetingMinutes.perMember, note: meeting.notes })),
    ),
    ...data.chainCosts.hours.map((h) => ({ ...h, key: `chain-hours:${h.key}` })),
  ];
  for (const [index, h] of chainHours.entries()) {
    await run(
      'chain',
      h.key,
      { type: 'RecordChainStaffHours', at: timesheetDay(h.workedOn), data: { chainId, entryId: demoId(h.key), personId: memberId(h.member), activity: h.activity, workedOn: h.workedOn, minutes: h.minutes, note: h.note } },
      finance,
    );
    onProgress({ step: 'chain-level hours', done: index + 1, total: chainHours.length });
  }

  // The chain's own expenses (not one workshop's), with the same bookkeeping story as a workshop's.
  for (const expense of data.chainCosts.expenses) {
    const expenseId = demoId(`chain-expense:${expense.key}`);
    const { category, receiptReference } = expense;
    await run(
      'chain',
      `chain-expense:${expense.key}`,
      { type: 'RecordChainExpense', at: day(`${expense.incurredOn}T10:00:00.000Z`, 7), data: { chainId, expenseId, category, amountCents: expense.amountCents, fundingSource: 'esf', receiptReference, description: expense.description, incurredOn: expense.incurredOn } },
      finance,
    );
    if (expense.correction) {
      await run(
        'chain',
        `chain-expense-correct:${expense.key}`,
        { type: 'CorrectChainExpense', at: day(`${expense.incurredOn}T10:00:00.000Z`, 21), data: { chainId, expenseId, amountCents: expense.correction.amountCents, category, fundingSource: 'esf', receiptReference, reason: expense.correction.reason } },
        finance,
      );
    }
    if (expense.voided) {
      await run('chain', `chain-expense-void:${expense.key}`, { type: 'VoidChainExpense', at: day(`${expense.incurredOn}T10:00:00.000Z`, 21), data: { chainId, expenseId, reason: expense.voided } }, finance);
    }
  }

  /** A new person of an organisation's staff, put in its pool: `draw` picks them first for its staff at the next workshop. */
  const recruit = (orgKey: string): DemoPerson => {
    const person = newPerson(orgKey);
    const poolKey = `staff:${orgKey}`;
    pools.set(poolKey, [...(pools.get(poolKey) ?? []), person]);
    return person;
  };

  const session: SeedSession = { bus, data, random, report, chainId, context, run, track, orgId, workshopId, ensurePerson, draw, recruit, memberId, finance, coreTeam, told: new Map() };
  const relationships = relationshipSteps(session, data.relationships);
  // Each workshop in the order things happened: what comes before its plan (a partner's contact person, the offers
  // made at its planning, consents withdrawn since the last one), its plan, what goes out before registration opens,
  // its run, then what follows it (the consents asked on its form, its debrief).
  for (const [index, workshop] of data.workshops.entries()) {
    await relationships.beforeWorkshop(workshop);
    await planDemoWorkshop(session, workshop);
    // Before registration opens: the outreach to the people who consented to hear of future workshops.
    await relationships.beforeRegistration(workshop);
    const outcome = await runDemoWorkshop(session, workshop, index);
    await relationships.afterWorkshop(workshop, outcome);
    onProgress({ step: 'workshops', done: index + 1, total: data.workshops.length });
  }
  await relationships.afterChain();


  // Follow-up collaborations sparked by the workshops.
  for (const c of data.collaborations) {
    await run('collaboration', `collaboration:${c.key}`, {
      type: 'RecordCollaboration',
      at: `${c.startedOn}T09:00:00.000Z`,
      data: {
        collaborationId: demoId(`collaboration:${c.key}`),
        organizationIds: c.organizations.map(orgId),
        sparkedByWorkshopId: workshopId(c.sparkedBy),
        title: c.title,
        description: c.description,
        startedOn: c.startedOn,
      },
    });
  }

  await run('chain', 'chain:last-payment', { type: 'RecordLastPayment', at: `${data.chain.lastPaymentOn}T10:00:00.000Z`, data: { chainId, paidOn: data.chain.lastPaymentOn } }, finance);
  // The next webinar, with its public form open (seed-next-webinar.ts).
  if (data === DEMO_2023) await seedNextWebinar(session);
  return report;
}
