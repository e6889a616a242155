import { PlanWorkshopCommand } from '../plan-workshop/plan-workshop.command';
import type { PlanWorkshopResult } from '../plan-workshop/plan-workshop.handler';
import { RegisterParticipantCommand } from '../register-participant/register-participant.command';
import type { RegisterParticipantResult } from '../register-participant/register-participant.handler';
import { CancelRegistrationCommand } from '../cancel-registration/cancel-registration.command';
import type { CancelRegistrationResult } from '../cancel-registration/cancel-registration.handler';
import type { DemoWorkshop, Mode } from './demo-2023.data';
import { DAY_MS, day, demoId, planningMeetingDays, timesheetDay, type DemoPerson, type Role, type SeedSession, type WorkshopOutcome } from './seed-session';

// One workshop of the demo in two parts, each fact on its business date: its plan (partners' meetings, pledges), then
// its run (registration, the people who ran it and its participants, what happened there, its money and staff hours).
// Between the two, seed-demo.ts has the place for what goes out before registration opens.

/** The plan: the workshop planned (and added to the chain), the joint planning meetings with the partners, the pledges. */
export async function planDemoWorkshop(s: SeedSession, w: DemoWorkshop): Promise<void> {
  const { bus, data, chainId, context, run, track, orgId, workshopId } = s;
  const id = workshopId(w.key);
  const k = (what: string) => `${w.key}:${what}`;

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
  for (const [m, heldOnDay] of planningMeetingDays(w).entries()) {
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
}

/** The run, from registration opening to the report: returns who came, for the steps after it. */
export async function runDemoWorkshop(s: SeedSession, w: DemoWorkshop, index: number): Promise<WorkshopOutcome> {
  const { bus, data, random, report, context, run, track, orgId, workshopId, ensurePerson, draw, memberId, finance, coreTeam } = s;
  const id = workshopId(w.key);
  const k = (what: string) => `${w.key}:${what}`;
  const heldOn = w.startsAt.slice(0, 10);
  const meetingDays = planningMeetingDays(w);

  if (w.registrationOpensAt) await run('workshop', k('open'), { type: 'OpenRegistration', at: w.registrationOpensAt, data: { workshopId: id } });

  const taken = new Set<string>();
  const registrations: Array<{ registrationId: string; person: DemoPerson; role: Role; status: string; mode: Mode }> = [];
  const register = async (person: DemoPerson, role: Role, mode: Mode, at: string, details: { expectations?: string | null; advanceQuestions?: string[]; topic?: string }) => {
    const personId = await ensurePerson(person, at);
    // Invitations are for participants; the people running the workshop need none.
    if (role === 'participant' && w.access === 'invitation-only' && !s.told.get(w.key)?.has(person.key)) {
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
  return { attended: attendees.map(({ person, role, mode }) => ({ person, role, mode })) };
}
