import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDomainCommand, RegisterPerson, type RegisterPersonResult } from '@kuhina/application';
import { workshopStream, type WorkshopCommand, type WorkshopPlan } from '@kuhina/domain';
import { EVENT_STORE, type EventStore } from '@kuhina/event-store';
import { apiHarness, type ApiAnswer, type ApiHarness, type Problem, type Written } from './support/api-harness';

// Workshops are put into the state each test needs by dispatching domain commands on the app's own
// CommandBus (the workshop planning endpoints belong to another module); everything under test goes over HTTP.


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POSITION = /^\d+$/;

const streetEvent: WorkshopPlan = {
  chainId: null,
  title: 'Työpaja 2: Penkkikahvila SuomiAreenassa',
  theme: 'Kuntalaisten ajatuksia sosiaalisista innovaatioista',
  method: 'Bench café (Penkkikahvila)',
  kind: 'street-event',
  format: 'in-person',
  location: { venue: 'Tent on the pedestrian street, SuomiAreena', municipality: 'Pori', region: 'Satakunta' },
  startsAt: '2023-06-14T11:00:00+03:00',
  endsAt: '2023-06-14T17:00:00+03:00',
  targetGroups: ['citizens', 'visitors of the SuomiAreena public event'],
  access: 'open',
  capacity: null,
  coOrganizerIds: [],
};

/** Organisations registered in beforeAll: pledges and planning meetings must name organisations that exist. */
const partners: string[] = [];

const pledgeBody = (organizationId: string = partners[0]!) => ({
  organizationId,
  kind: 'venue',
  description: 'Tent space on the pedestrian street, free of charge',
  inKindValueCents: 25_000,
  valuationBasis: 'City of Pori event-site fee for a 3×3 m tent, one day',
});
const expenseBody = {
  category: 'travel',
  amountCents: 18_600,
  fundingSource: 'esf',
  receiptReference: 'VR-2023-06-204411',
  description: 'Train tickets Helsinki–Pori–Helsinki, core team',
  incurredOn: '2023-06-14',
};
const correctionBody = { amountCents: 16_800, category: 'travel', fundingSource: 'esf', receiptReference: 'VR-2023-06-204411', reason: 'Receipt misread: 168,00 € not 186,00 €' };
const citizenInputBody = {
  topic: 'What would make everyday life in Pori better, and who should do it?',
  summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
  citizensHeard: 126,
  countingMethod: 'tally',
  collectedAt: '2023-06-14T17:00:00+03:00',
};
const summaryBody = {
  summary: 'Citizens asked for low-threshold meeting places and help with digital services for the elderly.',
  recipients: ['City of Pori, city board', 'Satakunta wellbeing services county, participation unit'],
  forwardedAt: '2023-06-28',
};
const meetingBody = () => ({ heldOn: '2023-04-05', kind: 'partner', online: true, organizationIds: [partners[1]!, partners[2]!], notes: 'Joint planning with partners (Teams).' });
const sustainabilityBody = { practices: ['public-transport', 'local-producers', 'minimal-printing'], notes: 'Coffee from a local roastery; reusable cups; no printed handouts.' };

describe('HTTP: workshop resources and outcomes (pledges, expenses, feedback, citizen input, planning, sustainability)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
    for (const name of ['Porin kaupunki', 'Porin Ohjaamo', 'Maaseudun Sivistysliitto']) {
      partners.push((await api.post<Written>('/organizations', { name, sector: 'public-administration', municipality: 'Pori', region: 'Satakunta' })).body.id);
    }
    participant = (
      await api.app
        .get(CommandBus)
        .execute<RegisterPerson, RegisterPersonResult>(
          new RegisterPerson({ personalData: { name: 'Aino Virtanen', email: null, phone: null }, organizationId: partners[0]!, at: '2023-05-01T09:00:00.000Z' }, { commandId: randomUUID(), actor: 'e2e-seed', correlationId: randomUUID() }),
        )
    ).personId;
  });
  /** A person who exists: the registrations seeded below must name one (the same checks as over HTTP). */
  let participant: string;
  afterAll(() => api.close());

  const seed = async (...commands: WorkshopCommand[]): Promise<void> => {
    const bus = api.app.get(CommandBus);
    for (const command of commands) {
      await bus.execute(new ExecuteDomainCommand('workshop', command, { commandId: randomUUID(), actor: 'e2e-seed', correlationId: randomUUID() }));
    }
  };
  const plan = (workshopId: string, over: Partial<WorkshopPlan> = {}): WorkshopCommand => ({
    type: 'PlanWorkshop',
    at: '2023-04-01T09:00:00.000Z',
    data: { workshopId, ...streetEvent, ...over },
  });
  const plannedWorkshop = async (): Promise<string> => {
    const workshopId = randomUUID();
    await seed(plan(workshopId));
    return workshopId;
  };
  /** A held co-development workshop with one registered participant who attended (and so may give feedback). */
  const heldWorkshop = async (): Promise<{ workshopId: string; registrationId: string }> => {
    const workshopId = randomUUID();
    const registrationId = randomUUID();
    await seed(
      plan(workshopId, { kind: 'co-development', title: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla', capacity: 45 }),
      { type: 'OpenRegistration', at: '2023-05-22T08:00:00.000Z', data: { workshopId } },
      {
        type: 'RegisterParticipant',
        at: '2023-05-30T08:00:00.000Z',
        data: { workshopId, registrationId, personId: participant, organizationId: partners[0]!, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
      },
      { type: 'MarkHeld', at: '2023-06-14T14:00:00.000Z', data: { workshopId, heldOn: '2023-06-14' } },
      { type: 'RecordAttendance', at: '2023-06-14T14:30:00.000Z', data: { workshopId, attendees: [{ registrationId, mode: 'on-site' }] } },
    );
    return { workshopId, registrationId };
  };
  /** The workshop's events as `{ type, data }`: what the controllers actually sent down. */
  const eventsOf = async (workshopId: string) => (await api.app.get<EventStore>(EVENT_STORE).readStream(workshopStream(workshopId))).map(({ type, data }) => ({ type, data }));
  const lastEventOf = async (workshopId: string) => (await eventsOf(workshopId)).at(-1);
  const headPosition = (): Promise<string> => api.headPosition();
  /** Runs a write that must be refused and asserts that it appended nothing. */
  const refused = async (write: () => Promise<ApiAnswer<Problem>>): Promise<ApiAnswer<Problem>> => {
    const before = await headPosition();
    const answer = await write();
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await headPosition()).toBe(before);
    return answer;
  };
  const expectWritten = (answer: ApiAnswer<Written>, status: number, id: string | RegExp, etag: string): void => {
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ id: typeof id === 'string' ? id : expect.stringMatching(id), position: expect.stringMatching(POSITION) });
    expect(answer.headers.etag).toBe(etag);
  };
  const fieldErrors = (answer: ApiAnswer<Problem>) => answer.body.errors?.map(({ field, rule }) => ({ field, rule }));

  // ---------------------------------------------------------------------------------------------
  // Every endpoint at once: roles and unknown workshops
  // ---------------------------------------------------------------------------------------------

  /** Each endpoint with a valid body; sub-resource ids are fresh (unknown) unless a test supplies them. */
  const endpoints = (workshopId: string, subId: string = randomUUID()): Array<[string, unknown]> => [
    [`/workshops/${workshopId}/pledges`, pledgeBody()],
    [`/workshops/${workshopId}/pledges/${subId}/fulfil`, {}],
    [`/workshops/${workshopId}/pledges/${subId}/withdraw`, { reason: 'Not needed after all' }],
    [`/workshops/${workshopId}/expenses`, expenseBody],
    [`/workshops/${workshopId}/expenses/${subId}/void`, { reason: 'Entered twice' }],
    [`/workshops/${workshopId}/expenses/${subId}/correct`, correctionBody],
    [`/workshops/${workshopId}/feedback`, { anonymous: true, rating: 4 }],
    [`/workshops/${workshopId}/citizen-input`, citizenInputBody],
    [`/workshops/${workshopId}/citizen-input/summary`, summaryBody],
    [`/workshops/${workshopId}/planning-meetings`, meetingBody()],
    [`/workshops/${workshopId}/sustainability`, sustainabilityBody],
  ];

  it('refuses every write to the analyst and auditor roles with 403 AUTH.FORBIDDEN, recording nothing', async () => {
    const workshopId = await plannedWorkshop();
    const pledge = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());
    const before = await headPosition();

    for (const [url, body] of endpoints(workshopId, pledge.body.id)) {
      for (const role of ['analyst', 'auditor'] as const) {
        const answer = await api.post<Problem>(url, body, { as: role });
        expect([url, role, answer.status, answer.body.code]).toEqual([url, role, 403, 'AUTH.FORBIDDEN']);
      }
    }
    expect(await headPosition()).toBe(before);
  });

  it('answers 404 WORKSHOP.NOT_FOUND on every endpoint for an unknown workshop, recording nothing', async () => {
    await plannedWorkshop(); // the log is not empty, so an unchanged head position means something
    const before = await headPosition();

    for (const [url, body] of endpoints(randomUUID())) {
      const answer = await api.post<Problem>(url, body);
      expect([url, answer.status, answer.body.code]).toEqual([url, 404, 'WORKSHOP.NOT_FOUND']);
    }
    expect(await headPosition()).toBe(before);
  });

  it('answers 400 naming the path parameter when an id is not a UUID', async () => {
    const workshopId = await plannedWorkshop();

    const badWorkshop = await refused(() => api.post<Problem>('/workshops/not-a-uuid/pledges', pledgeBody()));
    const badPledge = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/42/fulfil`, {}));
    const badExpense = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/42/void`, { reason: 'Entered twice' }));

    expect([badWorkshop.status, fieldErrors(badWorkshop)]).toEqual([400, [{ field: 'param.id', rule: 'isUUID' }]]);
    expect([badPledge.status, fieldErrors(badPledge)]).toEqual([400, [{ field: 'param.pid', rule: 'isUUID' }]]);
    expect([badExpense.status, fieldErrors(badExpense)]).toEqual([400, [{ field: 'param.eid', rule: 'isUUID' }]]);
  });

  // ---------------------------------------------------------------------------------------------
  // Pledges
  // ---------------------------------------------------------------------------------------------

  describe('POST /workshops/:id/pledges', () => {
    it('records a pledge: 201 { id: pledgeId, position } with the ETag of the workshop', async () => {
      const workshopId = await plannedWorkshop();
      const pledgeId = randomUUID();

      const made = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());
      const chosen = await api.post<Written>(`/workshops/${workshopId}/pledges`, { ...pledgeBody(), id: pledgeId, kind: 'storage', occurredAt: '2023-05-05T12:00:00+03:00' });

      expectWritten(made, 201, UUID, '"1"');
      expectWritten(chosen, 201, pledgeId, '"2"');
      expect(BigInt(chosen.body.position)).toBeGreaterThan(BigInt(made.body.position));
      expect(await lastEventOf(workshopId)).toEqual({
        type: 'ResourcePledged',
        data: { workshopId, pledgeId, ...pledgeBody(expect.any(String)), kind: 'storage', pledgedAt: '2023-05-05T09:00:00.000Z' },
      });
    });

    it('answers 400 naming each bad field and rule', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges`, { ...pledgeBody(), kind: 'money', inKindValueCents: -1, organizationId: 'Porin kaupunki', description: '' }));

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID');
      expect(fieldErrors(answer)).toEqual(
        expect.arrayContaining([
          { field: 'body.kind', rule: 'isIn' },
          { field: 'body.inKindValueCents', rule: 'min' },
          { field: 'body.organizationId', rule: 'isUuid' },
          { field: 'body.description', rule: 'isLength' },
        ]),
      );
    });

    it('answers 409 WORKSHOP.CANCELLED for a cancelled workshop', async () => {
      const workshopId = await plannedWorkshop();
      await seed({ type: 'CancelWorkshop', at: '2023-06-01T09:00:00.000Z', data: { workshopId, reason: 'The public event was called off' } });

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges`, pledgeBody()));

      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.CANCELLED']);
    });
  });

  describe('POST /workshops/:id/pledges/:pid/fulfil and /withdraw', () => {
    it('fulfils a pending pledge: 200 { id: pledgeId, position } with the new ETag', async () => {
      const workshopId = await plannedWorkshop();
      const pledge = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());

      const answer = await api.post<Written>(`/workshops/${workshopId}/pledges/${pledge.body.id}/fulfil`, {});

      expectWritten(answer, 200, pledge.body.id, '"2"');
      expect(await lastEventOf(workshopId)).toEqual({ type: 'PledgeFulfilled', data: expect.objectContaining({ workshopId, pledgeId: pledge.body.id }) });
    });

    it('withdraws a pending pledge with a reason: 200 { id: pledgeId, position }', async () => {
      const workshopId = await plannedWorkshop();
      const pledge = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());

      const answer = await api.post<Written>(`/workshops/${workshopId}/pledges/${pledge.body.id}/withdraw`, { reason: 'Another venue was booked; the offer was not needed' });

      expectWritten(answer, 200, pledge.body.id, '"2"');
      expect(await lastEventOf(workshopId)).toEqual({
        type: 'PledgeWithdrawn',
        data: expect.objectContaining({ workshopId, pledgeId: pledge.body.id, reason: 'Another venue was booked; the offer was not needed' }),
      });
    });

    it('answers 409 PLEDGE.NOT_PENDING when fulfilling a withdrawn pledge or withdrawing a fulfilled one', async () => {
      const workshopId = await plannedWorkshop();
      const withdrawn = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());
      const fulfilled = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());
      await api.post(`/workshops/${workshopId}/pledges/${withdrawn.body.id}/withdraw`, { reason: 'Not needed after all' });
      await api.post(`/workshops/${workshopId}/pledges/${fulfilled.body.id}/fulfil`, {});

      const fulfil = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${withdrawn.body.id}/fulfil`, {}));
      const withdraw = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${fulfilled.body.id}/withdraw`, { reason: 'Changed our minds' }));

      expect([fulfil.status, fulfil.body.code]).toEqual([409, 'PLEDGE.NOT_PENDING']);
      expect([withdraw.status, withdraw.body.code]).toEqual([409, 'PLEDGE.NOT_PENDING']);
    });

    it('answers 404 PLEDGE.NOT_FOUND for an unknown pledge', async () => {
      const workshopId = await plannedWorkshop();

      const fulfil = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${randomUUID()}/fulfil`, {}));
      const withdraw = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${randomUUID()}/withdraw`, { reason: 'Not needed' }));

      expect([fulfil.status, fulfil.body.code]).toEqual([404, 'PLEDGE.NOT_FOUND']);
      expect([withdraw.status, withdraw.body.code]).toEqual([404, 'PLEDGE.NOT_FOUND']);
    });

    it('answers 400 for an unknown field on fulfil and a missing reason on withdraw', async () => {
      const workshopId = await plannedWorkshop();
      const pledge = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());

      const fulfil = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${pledge.body.id}/fulfil`, { deliveredBy: 'Porin kaupunki' }));
      const withdraw = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${pledge.body.id}/withdraw`, {}));

      expect([fulfil.status, fieldErrors(fulfil)]).toEqual([400, [{ field: 'body.deliveredBy', rule: 'whitelistValidation' }]]);
      expect(withdraw.status).toBe(400);
      expect(fieldErrors(withdraw)).toEqual(expect.arrayContaining([{ field: 'body.reason', rule: 'isString' }]));
    });

    it('answers 412 STREAM.STALE_REVISION for a stale If-Match, and accepts the current one', async () => {
      const workshopId = await plannedWorkshop();
      const first = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());
      const second = await api.post<Written>(`/workshops/${workshopId}/pledges`, pledgeBody());

      const stale = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges/${first.body.id}/fulfil`, {}, { headers: { 'if-match': first.headers.etag as string } }));
      const current = await api.post<Written>(`/workshops/${workshopId}/pledges/${first.body.id}/fulfil`, {}, { headers: { 'if-match': second.headers.etag as string } });

      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expectWritten(current, 200, first.body.id, '"3"');
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Expenses
  // ---------------------------------------------------------------------------------------------

  describe('POST /workshops/:id/expenses', () => {
    it('records an expense: 201 { id: expenseId, position } with the ETag of the workshop', async () => {
      const workshopId = await plannedWorkshop();
      const expenseId = randomUUID();

      const answer = await api.post<Written>(`/workshops/${workshopId}/expenses`, { ...expenseBody, id: expenseId });

      expectWritten(answer, 201, expenseId, '"1"');
      expect(await lastEventOf(workshopId)).toEqual({ type: 'ExpenseRecorded', data: { workshopId, expenseId, ...expenseBody, recordedAt: expect.any(String) } });
    });

    it('answers 400 for a negative or fractional amount, an unknown category and a date that is not YYYY-MM-DD', async () => {
      const workshopId = await plannedWorkshop();

      const negative = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses`, { ...expenseBody, amountCents: -1 }));
      const fractional = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses`, { ...expenseBody, amountCents: 1.5 }));
      const category = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses`, { ...expenseBody, category: 'champagne' }));
      const date = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses`, { ...expenseBody, incurredOn: '2023-06-14T10:00:00Z' }));

      expect([negative.status, fieldErrors(negative)]).toEqual([400, [{ field: 'body.amountCents', rule: 'min' }]]);
      expect([fractional.status, fieldErrors(fractional)]).toEqual([400, [{ field: 'body.amountCents', rule: 'isInt' }]]);
      expect([category.status, fieldErrors(category)]).toEqual([400, [{ field: 'body.category', rule: 'isIn' }]]);
      expect([date.status, fieldErrors(date)]).toEqual([400, [{ field: 'body.incurredOn', rule: 'matches' }]]);
    });

    it('answers an idempotent retry (same Idempotency-Key) with the first answer and appends nothing', async () => {
      const workshopId = await plannedWorkshop();
      const key = api.newKey();

      const first = await api.post<Written>(`/workshops/${workshopId}/expenses`, expenseBody, { headers: { 'idempotency-key': key } });
      const afterFirst = await headPosition();
      const retry = await api.post<Written>(`/workshops/${workshopId}/expenses`, expenseBody, { headers: { 'idempotency-key': key } });

      expectWritten(first, 201, UUID, '"1"');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe('"1"');
      expect(await headPosition()).toBe(afterFirst);
      expect(afterFirst).toBe(first.body.position);
    });

    it('answers 412 STREAM.STALE_REVISION when the workshop changed since the If-Match revision', async () => {
      const workshopId = await plannedWorkshop();
      await api.post(`/workshops/${workshopId}/expenses`, expenseBody);

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses`, expenseBody, { headers: { 'if-match': '"0"' } }));

      expect([answer.status, answer.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
    });
  });

  describe('POST /workshops/:id/expenses/:eid/void and /correct', () => {
    const recordExpense = async (workshopId: string): Promise<string> => (await api.post<Written>(`/workshops/${workshopId}/expenses`, expenseBody)).body.id;

    it('voids an expense: 200 { id: expenseId, position }', async () => {
      const workshopId = await plannedWorkshop();
      const expenseId = await recordExpense(workshopId);

      const answer = await api.post<Written>(`/workshops/${workshopId}/expenses/${expenseId}/void`, { reason: 'Duplicate entry of receipt VR-2023-06-204411' });

      expectWritten(answer, 200, expenseId, '"2"');
      expect(await lastEventOf(workshopId)).toEqual({ type: 'ExpenseVoided', data: expect.objectContaining({ expenseId, reason: 'Duplicate entry of receipt VR-2023-06-204411' }) });
    });

    it('corrects an expense: 200 { id: expenseId, position }', async () => {
      const workshopId = await plannedWorkshop();
      const expenseId = await recordExpense(workshopId);

      const answer = await api.post<Written>(`/workshops/${workshopId}/expenses/${expenseId}/correct`, correctionBody);

      expectWritten(answer, 200, expenseId, '"2"');
      expect(await lastEventOf(workshopId)).toEqual({
        type: 'ExpenseCorrected',
        data: expect.objectContaining({ expenseId, amountCents: 16_800, reason: correctionBody.reason, previous: expect.objectContaining({ amountCents: 18_600 }) }),
      });
    });

    it('answers 409 EXPENSE.VOIDED when correcting or voiding a voided expense', async () => {
      const workshopId = await plannedWorkshop();
      const expenseId = await recordExpense(workshopId);
      await api.post(`/workshops/${workshopId}/expenses/${expenseId}/void`, { reason: 'Entered twice' });

      const correct = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${expenseId}/correct`, correctionBody));
      const voidAgain = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${expenseId}/void`, { reason: 'Entered twice' }));

      expect([correct.status, correct.body.code]).toEqual([409, 'EXPENSE.VOIDED']);
      expect([voidAgain.status, voidAgain.body.code]).toEqual([409, 'EXPENSE.VOIDED']);
    });

    it('answers 404 EXPENSE.NOT_FOUND for an unknown expense', async () => {
      const workshopId = await plannedWorkshop();

      const voided = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${randomUUID()}/void`, { reason: 'Entered twice' }));
      const corrected = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${randomUUID()}/correct`, correctionBody));

      expect([voided.status, voided.body.code]).toEqual([404, 'EXPENSE.NOT_FOUND']);
      expect([corrected.status, corrected.body.code]).toEqual([404, 'EXPENSE.NOT_FOUND']);
    });

    it('answers 400 for a fractional corrected amount, an unknown funding source and a blank reason', async () => {
      const workshopId = await plannedWorkshop();
      const expenseId = await recordExpense(workshopId);

      const correct = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${expenseId}/correct`, { ...correctionBody, amountCents: 1.5, fundingSource: 'lottery' }));
      const voided = await refused(() => api.post<Problem>(`/workshops/${workshopId}/expenses/${expenseId}/void`, { reason: '' }));

      expect(correct.status).toBe(400);
      expect(fieldErrors(correct)).toEqual(
        expect.arrayContaining([
          { field: 'body.amountCents', rule: 'isInt' },
          { field: 'body.fundingSource', rule: 'isIn' },
        ]),
      );
      expect([voided.status, fieldErrors(voided)]).toEqual([400, [{ field: 'body.reason', rule: 'isLength' }]]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Feedback
  // ---------------------------------------------------------------------------------------------

  describe('POST /workshops/:id/feedback', () => {
    it('records feedback from a registration and from an anonymous form: 201 { id: feedbackId, position }', async () => {
      const { workshopId, registrationId } = await heldWorkshop();
      const feedbackId = randomUUID();

      const named = await api.post<Written>(`/workshops/${workshopId}/feedback`, { id: feedbackId, registrationId, anonymous: false, rating: 5, comment: 'Useful discussion and new contacts.' });
      const anonymous = await api.post<Written>(`/workshops/${workshopId}/feedback`, { anonymous: true, rating: 3 });

      // Revisions: planned, opened, registered, closed, held, attended (5); then the two feedbacks.
      expectWritten(named, 201, feedbackId, '"6"');
      expectWritten(anonymous, 201, UUID, '"7"');
      expect((await eventsOf(workshopId)).slice(-2)).toEqual([
        { type: 'FeedbackSubmitted', data: { workshopId, feedbackId, registrationId, anonymous: false, rating: 5, comment: 'Useful discussion and new contacts.', submittedAt: expect.any(String) } },
        // Left out, the registration and the comment are recorded as null: an anonymous form without words.
        { type: 'FeedbackSubmitted', data: { workshopId, feedbackId: anonymous.body.id, registrationId: null, anonymous: true, rating: 3, comment: null, submittedAt: expect.any(String) } },
      ]);
    });


    it('answers 422 FEEDBACK.NOT_ATTENDED for feedback tied to a registration whose attendance was never recorded, and takes a form without a registration and without the anonymous flag as anonymous', async () => {
      const workshopId = randomUUID();
      const registrationId = randomUUID();
      await seed(
        plan(workshopId, { kind: 'co-development', title: 'Työpaja 1: Sosiaaliset innovaatiot Raumalla', capacity: 45 }),
        { type: 'OpenRegistration', at: '2023-05-22T08:00:00.000Z', data: { workshopId } },
        {
          type: 'RegisterParticipant',
          at: '2023-05-30T08:00:00.000Z',
          data: { workshopId, registrationId, personId: participant, organizationId: partners[0]!, attendanceMode: 'on-site', expectations: null, advanceQuestions: [] },
        },
        { type: 'MarkHeld', at: '2023-06-14T14:00:00.000Z', data: { workshopId, heldOn: '2023-06-14' } },
      );

      const absent = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { registrationId, rating: 5 }));
      const paper = await api.post<Written>(`/workshops/${workshopId}/feedback`, { rating: 4 });

      expect([absent.status, absent.body.code]).toEqual([422, 'FEEDBACK.NOT_ATTENDED']);
      expect(paper.status).toBe(201);
      expect(await lastEventOf(workshopId)).toEqual({ type: 'FeedbackSubmitted', data: expect.objectContaining({ registrationId: null, anonymous: true, rating: 4 }) });
    });

    it('answers 400 for a rating outside 1–5', async () => {
      const { workshopId } = await heldWorkshop();

      const six = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { anonymous: true, rating: 6 }));
      const zero = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { anonymous: true, rating: 0 }));
      // The flag may be left out since issue 14 (a form without a registration is anonymous); when given it must be a boolean.
      const notBoolean = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { anonymous: 'yes', rating: 4 }));

      expect([six.status, fieldErrors(six)]).toEqual([400, [{ field: 'body.rating', rule: 'max' }]]);
      expect([zero.status, fieldErrors(zero)]).toEqual([400, [{ field: 'body.rating', rule: 'min' }]]);
      expect([notBoolean.status, fieldErrors(notBoolean)]).toEqual([400, [{ field: 'body.anonymous', rule: 'isBoolean' }]]);
    });

    it('answers 409 WORKSHOP.NOT_HELD before the workshop was held', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { anonymous: true, rating: 4 }));

      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.NOT_HELD']);
    });

    it('answers 409 FEEDBACK.DUPLICATE for a second feedback from the same registration', async () => {
      const { workshopId, registrationId } = await heldWorkshop();
      await api.post(`/workshops/${workshopId}/feedback`, { registrationId, anonymous: false, rating: 4 });

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { registrationId, anonymous: true, rating: 2 }));

      expect([answer.status, answer.body.code]).toEqual([409, 'FEEDBACK.DUPLICATE']);
    });

    it('answers 404 REGISTRATION.NOT_FOUND for an unknown registration', async () => {
      const { workshopId } = await heldWorkshop();

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/feedback`, { registrationId: randomUUID(), anonymous: false, rating: 4 }));

      expect([answer.status, answer.body.code]).toEqual([404, 'REGISTRATION.NOT_FOUND']);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Citizen input
  // ---------------------------------------------------------------------------------------------

  describe('POST /workshops/:id/citizen-input and /citizen-input/summary', () => {
    it('records citizen input (201 { id: inputId }) and then forwards its summary (200 { id: workshopId })', async () => {
      const workshopId = await plannedWorkshop();

      const input = await api.post<Written>(`/workshops/${workshopId}/citizen-input`, citizenInputBody);
      const summary = await api.post<Written>(`/workshops/${workshopId}/citizen-input/summary`, summaryBody);

      expectWritten(input, 201, UUID, '"1"');
      expect(input.body.id).not.toBe(workshopId);
      expectWritten(summary, 200, workshopId, '"2"');
      expect((await eventsOf(workshopId)).slice(-2)).toEqual([
        { type: 'CitizenInputCollected', data: { workshopId, inputId: input.body.id, ...citizenInputBody } },
        { type: 'CitizenInputSummaryForwarded', data: { workshopId, ...summaryBody } },
      ]);
    });

    it('dates citizen input and its forwarding at the business time of the write when the body does not say', async () => {
      const workshopId = await plannedWorkshop();
      const { collectedAt: _collectedAt, ...undated } = citizenInputBody;
      const { forwardedAt: _forwardedAt, ...undatedSummary } = summaryBody;

      await api.post<Written>(`/workshops/${workshopId}/citizen-input`, { ...undated, occurredAt: '2023-06-14T17:00:00+03:00' });
      await api.post<Written>(`/workshops/${workshopId}/citizen-input/summary`, { ...undatedSummary, occurredAt: '2023-06-28T10:00:00+03:00' });

      expect((await eventsOf(workshopId)).slice(-2)).toEqual([
        { type: 'CitizenInputCollected', data: expect.objectContaining({ collectedAt: '2023-06-14T14:00:00.000Z' }) },
        { type: 'CitizenInputSummaryForwarded', data: expect.objectContaining({ forwardedAt: '2023-06-28T07:00:00.000Z' }) },
      ]);
    });

    it('answers 400 for a negative head count, a date-time without offset and an empty recipient list', async () => {
      const workshopId = await plannedWorkshop();

      const input = await refused(() => api.post<Problem>(`/workshops/${workshopId}/citizen-input`, { ...citizenInputBody, citizensHeard: -1, collectedAt: '2023-06-14T17:00:00' }));
      const summary = await refused(() => api.post<Problem>(`/workshops/${workshopId}/citizen-input/summary`, { ...summaryBody, recipients: [] }));

      expect(input.status).toBe(400);
      expect(fieldErrors(input)).toEqual(
        expect.arrayContaining([
          { field: 'body.citizensHeard', rule: 'min' },
          { field: 'body.collectedAt', rule: 'matches' },
        ]),
      );
      expect([summary.status, fieldErrors(summary)]).toEqual([400, [{ field: 'body.recipients', rule: 'arrayMinSize' }]]);
    });

    it('answers 409 CITIZEN_INPUT.NOT_COLLECTED for a summary before any input', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/citizen-input/summary`, summaryBody));

      expect([answer.status, answer.body.code]).toEqual([409, 'CITIZEN_INPUT.NOT_COLLECTED']);
    });

    it('answers 409 WORKSHOP.CANCELLED for input to a cancelled workshop', async () => {
      const workshopId = await plannedWorkshop();
      await seed({ type: 'CancelWorkshop', at: '2023-06-01T09:00:00.000Z', data: { workshopId, reason: 'The public event was called off' } });

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/citizen-input`, citizenInputBody));

      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.CANCELLED']);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Planning meetings and sustainability
  // ---------------------------------------------------------------------------------------------

  describe('POST /workshops/:id/planning-meetings', () => {
    it('records a planning meeting: 201 { id: meetingId, position }; notes may be left out', async () => {
      const workshopId = await plannedWorkshop();
      const meetingId = randomUUID();

      const answer = await api.post<Written>(`/workshops/${workshopId}/planning-meetings`, { ...meetingBody(), id: meetingId });
      const coreTeam = await api.post<Written>(`/workshops/${workshopId}/planning-meetings`, { heldOn: '2023-04-12', kind: 'core-team', online: false, organizationIds: [partners[2]!] });

      expectWritten(answer, 201, meetingId, '"1"');
      expectWritten(coreTeam, 201, UUID, '"2"');
      expect(await lastEventOf(workshopId)).toEqual({ type: 'PlanningMeetingRecorded', data: expect.objectContaining({ meetingId: coreTeam.body.id, kind: 'core-team', online: false, notes: '' }) });
    });

    it('answers 404 ORGANIZATION.NOT_FOUND for a meeting or a pledge naming an organisation that was never registered, and records nothing', async () => {
      const workshopId = await plannedWorkshop();
      const stranger = randomUUID();

      const meeting = await refused(() => api.post<Problem>(`/workshops/${workshopId}/planning-meetings`, { ...meetingBody(), organizationIds: [partners[1]!, stranger] }));
      const pledge = await refused(() => api.post<Problem>(`/workshops/${workshopId}/pledges`, pledgeBody(stranger)));

      expect([meeting.status, meeting.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect([pledge.status, pledge.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
    });

    it('answers 400 for an unknown kind, an organisation id that is not a UUID and a date-time as heldOn', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await refused(() =>
        api.post<Problem>(`/workshops/${workshopId}/planning-meetings`, { ...meetingBody(), kind: 'steering-group', organizationIds: ['Porin kaupunki'], heldOn: '2023-04-05T10:00:00Z' }),
      );

      expect(answer.status).toBe(400);
      expect(fieldErrors(answer)).toEqual(
        expect.arrayContaining([
          { field: 'body.kind', rule: 'isIn' },
          { field: 'body.organizationIds', rule: 'isUuid' },
          { field: 'body.heldOn', rule: 'matches' },
        ]),
      );
    });

    it('answers 409 PLANNING_MEETING.ALREADY_EXISTS for another meeting under a taken id', async () => {
      const workshopId = await plannedWorkshop();
      const id = randomUUID();
      await api.post(`/workshops/${workshopId}/planning-meetings`, { ...meetingBody(), id });

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/planning-meetings`, { ...meetingBody(), id, heldOn: '2023-04-06' }));

      expect([answer.status, answer.body.code]).toEqual([409, 'PLANNING_MEETING.ALREADY_EXISTS']);
    });
  });

  describe('POST /workshops/:id/sustainability', () => {
    it('records the practices: 200 { id: workshopId, position }', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await api.post<Written>(`/workshops/${workshopId}/sustainability`, sustainabilityBody);

      expectWritten(answer, 200, workshopId, '"1"');
      expect(await lastEventOf(workshopId)).toEqual({ type: 'SustainabilityPracticesRecorded', data: { workshopId, ...sustainabilityBody, recordedAt: expect.any(String) } });
    });

    it('answers 400 for a practice outside the vocabulary', async () => {
      const workshopId = await plannedWorkshop();

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/sustainability`, { practices: ['public-transport', 'solar-power'] }));

      expect([answer.status, fieldErrors(answer)]).toEqual([400, [{ field: 'body.practices', rule: 'isIn' }]]);
    });

    it('answers 409 WORKSHOP.ALREADY_REPORTED once the workshop was reported', async () => {
      const { workshopId } = await heldWorkshop();
      await seed({ type: 'ReportWorkshop', at: '2023-07-14T09:00:00.000Z', data: { workshopId, summary: 'Held as planned; feedback collected.' } });

      const answer = await refused(() => api.post<Problem>(`/workshops/${workshopId}/sustainability`, sustainabilityBody));

      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.ALREADY_REPORTED']);
    });
  });
});
