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
import { DEMO_CHAIN, DEMO_COLLABORATIONS, DEMO_ORGANIZATIONS, DEMO_WORKSHOPS, FIRST_NAMES, LAST_NAMES, type DemoWorkshop } from './demo-2023.data';

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
  registrations: number;
  lastPosition: bigint | null;
}


interface DemoPerson {
  key: string;
  orgKey: string;
  firstName: string;
  lastName: string;
}

/**
 * Loads the real 2023 chain of five workshops (docs/architecture.md) through the same use cases the API's
 * controllers dispatch on the CommandBus — plan (and add to the chain), register, cancel, and the generic one with
 * its reference checks — so seeded data passes every check typed-in data does. Idempotent: every command id is
 * derived from a stable key, so running it twice appends nothing.
 */
/** What the seed loads: the 2023 chain by default; tests give it altered data to see the checks refuse a bad step. */
export interface DemoData {
  organizations: typeof DEMO_ORGANIZATIONS;
  workshops: typeof DEMO_WORKSHOPS;
  collaborations: typeof DEMO_COLLABORATIONS;
}

const DEMO_2023: DemoData = { organizations: DEMO_ORGANIZATIONS, workshops: DEMO_WORKSHOPS, collaborations: DEMO_COLLABORATIONS };

export async function seedDemo(bus: CommandBus, onProgress: (p: SeedProgress) => void = () => undefined, data: DemoData = DEMO_2023): Promise<SeedReport> {
  const random = seededRandom(2023);
  const report: SeedReport = { chainId: DEMO_CHAIN_ID, commands: 0, appended: 0, organizations: 0, people: 0, registrations: 0, lastPosition: null };
  // Each command stands for one request of the back-office, as if typed in: its own correlation id, so that an
  // auditor's trace of a demo event lists what that request did, not the whole seed.
  const context = (key: string): CommandContext => ({ commandId: demoId(`cmd:${key}`), actor: 'seed', correlationId: `seed-demo-2023:${key}` });
  const orgId = (key: string) => demoId(`organization:${key}`);
  const workshopId = (key: string) => demoId(`workshop:${key}`);

  const track = (result: { duplicate?: boolean; events?: unknown[]; position: bigint | null; created?: boolean }) => {
    report.commands++;
    const appended = result.created !== undefined ? result.created && !result.duplicate : result.duplicate === false && (result.events?.length ?? 0) > 0;
    if (appended) report.appended++;
    if (result.position !== null && (report.lastPosition === null || result.position > report.lastPosition)) report.lastPosition = result.position;
  };
  const run = async <A extends AggregateName>(aggregate: A, key: string, command: CommandOf<A>): Promise<CommandResult<unknown>> => {
    const result = await bus.execute<ExecuteDomainCommand<A>, CommandResult<unknown>>(new ExecuteDomainCommand(aggregate, command, context(key)));
    track(result);
    return result;
  };

  // The chain.
  await run('chain', 'chain', {
    type: 'StartChain',
    at: '2023-02-01T09:00:00.000Z',
    data: {
      chainId: DEMO_CHAIN_ID,
      name: DEMO_CHAIN.name,
      description: DEMO_CHAIN.description,
      fundingProgramme: DEMO_CHAIN.fundingProgramme,
      esfOperationId: DEMO_CHAIN.esfOperationId,
      periodStart: DEMO_CHAIN.periodStart,
      periodEnd: DEMO_CHAIN.periodEnd,
    },
  });

  // Organisations.
  for (const [index, org] of data.organizations.entries()) {
    await run('organization', `org:${org.key}`, {
      type: 'RegisterOrganization',
      at: '2023-02-01T09:30:00.000Z',
      data: { organizationId: orgId(org.key), name: org.name, sector: org.sector, municipality: org.municipality, region: org.region, businessId: null, website: null },
    });
    report.organizations++;
    onProgress({ step: 'organisations', done: index + 1, total: data.organizations.length });
  }

  // People: a pool per organisation; later workshops draw partly on people who came before (returning participants).
  const pools = new Map<string, DemoPerson[]>();
  let nameIndex = 0;
  const newPerson = (orgKey: string): DemoPerson => {
    const first = FIRST_NAMES[nameIndex % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(nameIndex / FIRST_NAMES.length + nameIndex * 7) % LAST_NAMES.length]!;
    nameIndex++;
    return { key: `person:${nameIndex}`, orgKey, firstName: first, lastName: last };
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

  for (const [index, workshop] of data.workshops.entries()) {
    await seedWorkshop(workshop, index);
    onProgress({ step: 'workshops', done: index + 1, total: data.workshops.length });
  }

  async function seedWorkshop(w: DemoWorkshop, index: number): Promise<void> {
    const id = workshopId(w.key);
    const k = (what: string) => `${w.key}:${what}`;
    const day = (iso: string, offsetDays: number) => new Date(Date.parse(iso) + offsetDays * 86_400_000).toISOString();
    const heldOn = w.startsAt.slice(0, 10);

    const planned = await bus.execute<PlanWorkshopCommand, PlanWorkshopResult>(
      new PlanWorkshopCommand(
        id,
        {
          chainId: DEMO_CHAIN_ID,
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
        day(w.registrationOpensAt, -30),
        context(k('plan')),
      ),
    );
    track(planned.workshop);
    if (planned.chain) track(planned.chain);

    // About 5–6 online planning meetings with partners and 6 core-team meetings per workshop (~30 in all).
    for (let m = 0; m < w.partnerMeetings + w.coreTeamMeetings; m++) {
      const partner = m < w.partnerMeetings;
      await run('workshop', k(`meeting:${m}`), {
        type: 'RecordPlanningMeeting',
        at: day(w.startsAt, -70 + m * 5),
        data: {
          workshopId: id,
          meetingId: demoId(k(`meeting:${m}`)),
          heldOn: day(w.startsAt, -70 + m * 5).slice(0, 10),
          kind: partner ? 'partner' : 'core-team',
          online: m % 6 !== 5, // almost all in Teams; a few face to face
          organizationIds: partner ? ['hub', ...w.coOrganizers].map(orgId) : [orgId('hub')],
          notes: partner ? 'Joint planning with partners (Teams).' : 'Core team meeting.',
        },
      });
    }

    for (const pledge of w.pledges) {
      await run('workshop', k(`pledge:${pledge.key}`), {
        type: 'PledgeResource',
        at: day(w.startsAt, -40),
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

    await run('workshop', k('open'), { type: 'OpenRegistration', at: w.registrationOpensAt, data: { workshopId: id } });

    // Participants: per organisation, about a quarter of any later appearance are people who came before.
    const participants: DemoPerson[] = [];
    for (const [orgKey, baseCount] of w.participantsFrom) {
      const count = Math.round(baseCount * 1.2);
      const pool = pools.get(orgKey) ?? [];
      const returning = pool.length === 0 ? 0 : Math.min(pool.length, Math.ceil(count / 4));
      const chosen = [...pool].sort(() => random() - 0.5).slice(0, returning);
      while (chosen.length < count) {
        const fresh = newPerson(orgKey);
        pool.push(fresh);
        chosen.push(fresh);
      }
      pools.set(orgKey, pool);
      participants.push(...chosen);
    }

    const registrationIds: Array<{ registrationId: string; person: DemoPerson; status: string; mode: 'on-site' | 'remote' }> = [];
    const span = Date.parse(w.startsAt) - 2 * 86_400_000 - Date.parse(w.registrationOpensAt);
    for (const [n, person] of participants.entries()) {
      const at = new Date(Date.parse(w.registrationOpensAt) + Math.floor((span * (n + 1)) / (participants.length + 1))).toISOString();
      const personId = await ensurePerson(person, at);
      if (w.access === 'invitation-only') {
        await run('workshop', k(`invite:${person.key}`), { type: 'InvitePerson', at: day(at, -3), data: { workshopId: id, personId } });
      }
      const mode = w.format === 'webinar' || (w.format === 'hybrid' && random() < w.remoteShare) ? 'remote' : 'on-site';
      const registrationId = demoId(k(`registration:${person.key}`));
      const result = await bus.execute<RegisterParticipantCommand, RegisterParticipantResult>(
        new RegisterParticipantCommand(
          id,
          registrationId,
          { personId },
          {
            organizationId: orgId(person.orgKey),
            attendanceMode: mode,
            expectations: w.access === 'invitation-only' || random() < 0.3 ? 'To meet others working on social innovation and hear about the competence centre.' : null,
            advanceQuestions: w.advanceQuestions.length > 0 && random() < 0.5 ? ['How will the competence centre support regional actors?'] : [],
          },
          at,
          context(k(`register:${person.key}`)),
        ),
      );
      track(result.workshop);
      report.registrations++;
      registrationIds.push({ registrationId, person, status: result.status, mode });
    }

    // A late cancellation frees a seat: the first waitlisted person is promoted (its own event).
    const registered = registrationIds.filter((r) => r.status === 'registered');
    if (registrationIds.some((r) => r.status === 'waitlisted') || index === 0) {
      const cancelled = registered[registered.length - 1]!;
      const cancellation = await bus.execute<CancelRegistrationCommand, CancelRegistrationResult>(
        new CancelRegistrationCommand(id, cancelled.registrationId, 'Schedule clash', day(w.startsAt, -2), context(k('cancel-one'))),
      );
      track(cancellation.workshop);
      cancelled.status = 'cancelled';
      const promoted = registrationIds.find((r) => r.registrationId === cancellation.promoted);
      if (promoted) promoted.status = 'registered';
    }

    await run('workshop', k('close'), { type: 'CloseRegistration', at: day(w.startsAt, -1), data: { workshopId: id } });
    await run('workshop', k('held'), { type: 'MarkHeld', at: w.endsAt, data: { workshopId: id, heldOn } });

    const attendees = registrationIds.filter((r) => r.status === 'registered' && random() < 0.88);
    await run('workshop', k('attendance'), {
      type: 'RecordAttendance',
      at: w.endsAt,
      data: { workshopId: id, attendees: attendees.map((a) => ({ registrationId: a.registrationId, mode: a.mode })) },
    });

    for (const pledge of w.pledges) {
      const withdrawn = pledge.key === 'hki-venue-offer';
      await run('workshop', k(`pledge-outcome:${pledge.key}`), withdrawn
        ? { type: 'WithdrawPledge', at: day(w.startsAt, -10), data: { workshopId: id, pledgeId: demoId(`pledge:${pledge.key}`), reason: 'Another venue was booked; the offer was not needed' } }
        : { type: 'FulfilPledge', at: w.endsAt, data: { workshopId: id, pledgeId: demoId(`pledge:${pledge.key}`) } });
    }

    if (w.citizenInput) {
      await run('workshop', k('citizen-input'), {
        type: 'CollectCitizenInput',
        at: w.endsAt,
        data: { workshopId: id, inputId: demoId(k('citizen-input')), topic: w.citizenInput.topic, summary: w.citizenInput.summary, citizensHeard: w.citizenInput.citizensHeard, collectedAt: w.endsAt },
      });
      await run('workshop', k('citizen-summary'), {
        type: 'ForwardCitizenInputSummary',
        at: day(w.endsAt, 14),
        data: { workshopId: id, summary: w.citizenInput.summary, recipients: w.citizenInput.recipients, forwardedAt: day(w.endsAt, 14) },
      });
    }

    // Feedback was collected at the co-development workshops (the street event heard citizens instead).
    if (w.kind === 'co-development') {
      for (const [n, attendee] of attendees.entries()) {
        if (random() > 0.6) continue;
        const roll = random();
        const rating = roll < 0.05 ? 2 : roll < 0.2 ? 3 : roll < 0.6 ? 4 : 5;
        const anonymousForm = n % 5 === 4; // some gave feedback on an anonymous form
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
      data: { workshopId: id, practices: w.sustainability, notes: w.sustainabilityNotes },
    });

    for (const expense of w.expenses) {
      const expenseId = demoId(`expense:${expense.key}`);
      await run('workshop', k(`expense:${expense.key}`), {
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
      });
      if (expense.correction) {
        await run('workshop', k(`expense-correct:${expense.key}`), {
          type: 'CorrectExpense',
          at: day(w.endsAt, 21),
          data: { workshopId: id, expenseId, amountCents: expense.correction.amountCents, category: expense.category, fundingSource: 'esf', receiptReference: expense.receiptReference, reason: expense.correction.reason },
        });
      }
      if (expense.voided) {
        await run('workshop', k(`expense-void:${expense.key}`), { type: 'VoidExpense', at: day(w.endsAt, 21), data: { workshopId: id, expenseId, reason: expense.voided } });
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

  await run('chain', 'chain:last-payment', { type: 'RecordLastPayment', at: `${DEMO_CHAIN.lastPaymentOn}T10:00:00.000Z`, data: { chainId: DEMO_CHAIN_ID, paidOn: DEMO_CHAIN.lastPaymentOn } });
  return report;
}
