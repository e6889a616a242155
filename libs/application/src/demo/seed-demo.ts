import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@kuhina/event-store';
import { deriveCommandId } from '@kuhina/event-store';
import { seededRandom } from '@kuhina/domain';
import type { EsfCharacteristics } from '@kuhina/privacy';
import type { AggregateName, CommandOf } from '../aggregates';
import { ExecuteDomainCommand } from '../execute-domain-command/execute-domain-command.command';
import { RegisterPerson, type RegisterPersonResult } from '../register-person/register-person.command';
import { PlanWorkshopCommand } from '../plan-workshop/plan-workshop.command';
import type { PlanWorkshopResult } from '../plan-workshop/plan-workshop.handler';
import { RegisterParticipantCommand } from '../register-participant/register-participant.command';
import type { RegisterParticipantResult } from '../register-participant/register-participant.handler';
import { CancelRegistrationCommand } from '../cancel-registration/cancel-registration.command';
import type { CancelRegistrationResult } from '../cancel-registration/cancel-registration.handler';
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
  type Mode,
} from './demo-2023.data';

export { DEMO_USERS } from './demo-2023.data';

/** Every id of the demo derives from this namespace and a readable key, so a second run finds the same ids and appends nothing. */
const NAMESPACE = '6f1c2a9e-2023-4c0d-9a51-6b2d3f4e5a60';
export const demoId = (key: string): string => deriveCommandId(NAMESPACE, key);
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

interface DemoPerson {
  key: string;
  orgKey: string;
  firstName: string;
  lastName: string;
}

type Role = 'participant' | 'organiser' | 'host' | 'speaker';

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
  users: DEMO_USERS,
};

const DAY_MS = 86_400_000;
const day = (iso: string, offsetDays: number) => new Date(Date.parse(iso) + offsetDays * DAY_MS).toISOString();

/** Hours go in from the signed monthly timesheet: on the first weekday of the month after the day worked, in the morning. */
function timesheetDay(workedOn: string): string {
  const [year, month] = workedOn.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month, 1, 7)); // month is 1-based here, so this is the next month's first day
  const weekday = first.getUTCDay();
  return day(first.toISOString(), weekday === 6 ? 2 : weekday === 0 ? 1 : 0);
}

/** `count` days from `first` to `last` (YYYY-MM-DD), evenly spread; a weekend day moves to the Friday before. */
function spreadDays(first: string, last: string, count: number): string[] {
  const from = Date.parse(`${first}T00:00:00.000Z`);
  const span = Math.max(0, Date.parse(`${last}T00:00:00.000Z`) - from);
  return Array.from({ length: count }, (_, n) => {
    const date = new Date(from + Math.round((count === 1 ? 0 : (span * n) / (count - 1)) / DAY_MS) * DAY_MS);
    const weekday = date.getUTCDay();
    const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
    return new Date(Math.max(from, date.getTime() - back * DAY_MS)).toISOString().slice(0, 10);
  });
}

/**
 * Loads the real 2023 chain of five workshops (demo-2023.data.ts) through the same use cases the API's controllers
 * dispatch on the CommandBus — plan (and add to the chain), register, cancel, and the generic one with its reference
 * checks — so seeded data passes every check typed-in data does. Every write carries its business date (`at`), in
 * 2023: a workshop's planning, pledges and registrations before it, what happened there on its day, the
 * bookkeeping after it. Idempotent: every command id is derived from a stable key, so running it twice appends nothing.
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

  const track = (result: { duplicate?: boolean; events?: unknown[]; position: bigint | null; created?: boolean }) => {
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

  for (const [index, workshop] of data.workshops.entries()) {
    await seedWorkshop(workshop, index);
    onProgress({ step: 'workshops', done: index + 1, total: data.workshops.length });
  }

  async function seedWorkshop(w: DemoWorkshop, index: number): Promise<void> {
    const id = workshopId(w.key);
    const k = (what: string) => `${w.key}:${what}`;
    const heldOn = w.startsAt.slice(0, 10);

    const planned = await bus.execute<PlanWorkshopCommand, PlanWorkshopResult>(
      new PlanWorkshopCommand(
        id,
        {
          chainId,
          title: w.title,
          theme: w.theme,
          method: w.method,
          kind: w.kind,
          format: w.format,
          location: w.location,
          startsAt: w.startsAt,
          endsAt: w.endsAt,
          targetGroups: w.targetGroups,
          access: w.access,
          capacity: w.capacity,
          coOrganizerIds: w.coOrganizers.map(orgId),
        },
        `${w.planning.startsOn}T06:00:00.000Z`,
        context(k('plan')),
      ),
    );
    track(planned.workshop);
    if (planned.chain) track(planned.chain);

    // Joint planning with the partners, in Teams but for the last `faceToFace` (a site visit), until three days before.
    const meetingDays = spreadDays(w.planning.startsOn, day(w.startsAt, -3).slice(0, 10), w.planning.partnerMeetings);
    for (const [m, heldOnDay] of meetingDays.entries()) {
      const online = m < w.planning.partnerMeetings - w.planning.faceToFace;
      await run('workshop', k(`meeting:${m}`), {
        type: 'RecordPlanningMeeting',
        at: `${heldOnDay}T10:00:00.000Z`,
        data: {
          workshopId: id,
          meetingId: demoId(k(`meeting:${m}`)),
          heldOn: heldOnDay,
          kind: 'partner',
          online,
          organizationIds: [data.chain.hubOrganization, ...w.planning.partners].map(orgId),
          notes: online ? 'Joint planning with partners (Teams).' : 'Joint planning and site visit with partners (face to face).',
        },
      });
    }

    for (const pledge of w.pledges) {
      await run('workshop', k(`pledge:${pledge.key}`), {
        type: 'PledgeResource',
        at: day(w.startsAt, -14),
        data: {
          workshopId: id,
          pledgeId: demoId(`pledge:${pledge.key}`),
          organizationId: orgId(pledge.org),
          kind: pledge.kind,
          description: pledge.description,
          inKindValueCents: pledge.inKindValueCents,
          valuationBasis: pledge.valuationBasis,
        },
      });
    }

    if (w.registrationOpensAt) await run('workshop', k('open'), { type: 'OpenRegistration', at: w.registrationOpensAt, data: { workshopId: id } });

    const taken = new Set<string>();
    const registrations: Array<{ registrationId: string; person: DemoPerson; role: Role; status: string; mode: Mode }> = [];
    const register = async (person: DemoPerson, role: Role, mode: Mode, at: string, details: { expectations?: string | null; advanceQuestions?: string[]; topic?: string }) => {
      const personId = await ensurePerson(person, at);
      // Invitations are for participants; the people running the workshop need none.
      if (role === 'participant' && w.access === 'invitation-only') {
        await run('workshop', k(`invite:${person.key}`), { type: 'InvitePerson', at: day(at, -3), data: { workshopId: id, personId, role } });
      }
      const registrationId = demoId(k(`registration:${person.key}`));
      const result = await bus.execute<RegisterParticipantCommand, RegisterParticipantResult>(
        new RegisterParticipantCommand(
          id,
          registrationId,
          { personId },
          {
            organizationId: orgId(person.orgKey),
            attendanceMode: mode,
            expectations: details.expectations ?? null,
            advanceQuestions: details.advanceQuestions ?? [],
            role,
            // Speakers were unpaid: "Puhujille ei maksettu palkkioita".
            speaker: role === 'speaker' ? { topic: details.topic ?? null, paid: false } : null,
          },
          at,
          context(k(`register:${person.key}`)),
        ),
      );
      track(result.workshop);
      report.registrations++;
      registrations.push({ registrationId, person, role, status: result.status, mode });
    };

    // The people who ran it, a week before: the core team as organisers, partner staff as hosts, the speakers.
    const staffAt = (n: number) => day(w.startsAt, -7 + n / 1440);
    const defaultMode: Mode = w.format === 'webinar' ? 'remote' : 'on-site';
    let n = 0;
    for (const member of coreTeam) {
      taken.add(member.key);
      await register(member, 'organiser', defaultMode, staffAt(n++), {});
    }
    for (const group of w.staff) {
      for (const person of draw(group.org, true, group.count, taken)) await register(person, group.role, group.mode ?? defaultMode, staffAt(n++), { topic: group.topic });
    }

    // Participants register from the opening until two days before.
    const participants = w.participants.from.flatMap(({ org, count }) => draw(org, false, count, taken));
    if (participants.length > 0 && !w.registrationOpensAt) throw new Error(`Demo workshop ${w.key} has participants but no registration`);
    const opens = Date.parse(w.registrationOpensAt ?? w.startsAt);
    const span = Date.parse(w.startsAt) - 2 * DAY_MS - opens;
    for (const [p, person] of participants.entries()) {
      const at = new Date(opens + Math.floor((span * (p + 1)) / (participants.length + 1))).toISOString();
      const mode: Mode = w.format === 'webinar' || (w.format === 'hybrid' && random() < w.participants.remoteShare) ? 'remote' : 'on-site';
      const form = w.registrationForm;
      await register(person, 'participant', mode, at, {
        expectations: form.expectations !== null && random() < 0.8 ? form.expectations : null,
        advanceQuestions: form.advanceQuestion !== null && random() < 0.5 ? [form.advanceQuestion] : [],
      });
    }

    // A late cancellation frees a seat: the first waitlisted participant is promoted (its own event).
    const seated = registrations.filter((r) => r.role === 'participant' && r.status === 'registered');
    if (seated.length > 0 && (registrations.some((r) => r.status === 'waitlisted') || index === 0)) {
      const cancelled = seated[seated.length - 1]!;
      const cancellation = await bus.execute<CancelRegistrationCommand, CancelRegistrationResult>(
        new CancelRegistrationCommand(id, cancelled.registrationId, 'Schedule clash', day(w.startsAt, -2), context(k('cancel-one'))),
      );
      track(cancellation.workshop);
      cancelled.status = 'cancelled';
      const promoted = registrations.find((r) => r.registrationId === cancellation.promoted);
      if (promoted) promoted.status = 'registered';
    }

    if (w.registrationOpensAt) await run('workshop', k('close'), { type: 'CloseRegistration', at: day(w.startsAt, -1), data: { workshopId: id } });
    await run('workshop', k('held'), { type: 'MarkHeld', at: w.endsAt, data: { workshopId: id, heldOn } });

    // Everyone who ran it came; about nine participants in ten did.
    const attendees = registrations.filter((r) => r.status === 'registered' && (r.role !== 'participant' || random() < 0.88));
    await run('workshop', k('attendance'), {
      type: 'RecordAttendance',
      at: w.endsAt,
      data: { workshopId: id, attendees: attendees.map((a) => ({ registrationId: a.registrationId, mode: a.mode })) },
    });

    for (const pledge of w.pledges) {
      await run(
        'workshop',
        k(`pledge-outcome:${pledge.key}`),
        pledge.withdrawn
          ? { type: 'WithdrawPledge', at: day(w.startsAt, -10), data: { workshopId: id, pledgeId: demoId(`pledge:${pledge.key}`), reason: pledge.withdrawn } }
          : { type: 'FulfilPledge', at: w.endsAt, data: { workshopId: id, pledgeId: demoId(`pledge:${pledge.key}`) } },
      );
    }

    if (w.citizenInput) {
      const input = w.citizenInput;
      await run('workshop', k('citizen-input'), {
        type: 'CollectCitizenInput',
        at: w.endsAt,
        data: { workshopId: id, inputId: demoId(k('citizen-input')), topic: input.topic, summary: input.summary, citizensHeard: input.citizensHeard, countingMethod: input.countingMethod, collectedAt: w.endsAt },
      });
      await run('workshop', k('citizen-summary'), {
        type: 'ForwardCitizenInputSummary',
        at: day(w.endsAt, 14),
        data: { workshopId: id, summary: input.summary, recipients: input.recipients, forwardedAt: day(w.endsAt, 14) },
      });
    }

    // Feedback from the participants where the document says it was collected.
    if (w.feedback) {
      const participantAttendees = attendees.filter((a) => a.role === 'participant');
      for (const [f, attendee] of participantAttendees.entries()) {
        if (random() > 0.6) continue;
        const roll = random();
        const rating = roll < 0.05 ? 2 : roll < 0.2 ? 3 : roll < 0.6 ? 4 : 5;
        const anonymousForm = f % 5 === 4; // some gave feedback on an anonymous form
        await run('workshop', k(`feedback:${attendee.person.key}`), {
          type: 'SubmitFeedback',
          at: day(w.endsAt, 1),
          data: {
            workshopId: id,
            feedbackId: demoId(k(`feedback:${attendee.person.key}`)),
            registrationId: anonymousForm ? null : attendee.registrationId,
            anonymous: anonymousForm || random() < 0.3,
            rating,
            comment: rating >= 4 ? 'Useful discussion and new contacts.' : rating === 3 ? 'Interesting, but too little time for discussion.' : null,
          },
        });
      }
    }

    await run('workshop', k('sustainability'), {
      type: 'RecordSustainabilityPractices',
      at: w.endsAt,
      data: { workshopId: id, practices: w.sustainability.practices, notes: w.sustainability.notes },
    });

    for (const expense of w.expenses) {
      const expenseId = demoId(`expense:${expense.key}`);
      await run(
        'workshop',
        k(`expense:${expense.key}`),
        {
          type: 'RecordExpense',
          at: day(w.endsAt, 7),
          data: {
            workshopId: id,
            expenseId,
            category: expense.category,
            amountCents: expense.amountCents,
            fundingSource: 'esf',
            receiptReference: expense.receiptReference,
            description: expense.description,
            incurredOn: heldOn,
          },
        },
        finance,
      );
      if (expense.correction) {
        await run(
          'workshop',
          k(`expense-correct:${expense.key}`),
          {
            type: 'CorrectExpense',
            at: day(w.endsAt, 21),
            data: { workshopId: id, expenseId, amountCents: expense.correction.amountCents, category: expense.category, fundingSource: 'esf', receiptReference: expense.receiptReference, reason: expense.correction.reason },
          },
          finance,
        );
      }
      if (expense.voided) {
        await run('workshop', k(`expense-void:${expense.key}`), { type: 'VoidExpense', at: day(w.endsAt, 21), data: { workshopId: id, expenseId, reason: expense.voided } }, finance);
      }
    }

    // The core team's hours on this workshop (staff costs, apart from its expenses): planning at each partner
    // meeting, running it on the day, follow-up a week after.
    const hours = w.coreTeamHours;
    const followUpOn = day(w.startsAt, 7).slice(0, 10);
    const entries = [
      ...meetingDays.map((workedOn, m) => ({ what: `planning:${m}`, activity: 'planning' as const, workedOn, minutes: hours.planningPerMeeting, note: 'Joint planning meeting with the partners, and its preparation' })),
      { what: 'running', activity: 'running' as const, workedOn: heldOn, minutes: hours.running, note: hours.runningNote },
      { what: 'follow-up', activity: 'follow-up' as const, workedOn: followUpOn, minutes: hours.followUp, note: 'Feedback, bookkeeping and the report' },
    ];
    for (const member of data.coreTeam) {
      for (const entry of entries) {
        const key = k(`hours:${entry.what}:${member.key}`);
        await run(
          'workshop',
          key,
          { type: 'RecordStaffHours', at: timesheetDay(entry.workedOn), data: { workshopId: id, entryId: demoId(key), personId: memberId(member.key), activity: entry.activity, workedOn: entry.workedOn, minutes: entry.minutes, note: entry.note } },
          finance,
        );
      }
    }

    await run('workshop', k('report'), { type: 'ReportWorkshop', at: day(w.endsAt, 30), data: { workshopId: id, summary: w.report } });
  }

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
  return report;
}
