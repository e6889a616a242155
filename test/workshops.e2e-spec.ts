import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDomainCommand } from '@kuhina/application';
import { chainStream, workshopStream } from '@kuhina/domain';
import type { CommandResult, EventStore } from '@kuhina/event-store';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';


describe('HTTP: workshops — planning and lifecycle', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());


  const headPosition = (): Promise<string> => api.headPosition();
  const store = (): EventStore => api.store();
  const plan = async (body: Record<string, unknown> = {}): Promise<string> => {
    const answer = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, ...body });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const organization = async (name: string): Promise<string> => (await api.post<Written>('/organizations', { name, sector: 'higher-education', municipality: 'Kemi', region: 'Lappi' })).body.id;
  /** POST /chains belongs to another module: the chain is started through the application's command bus, as the demo seed does. */
  const chain = async (closed = false): Promise<string> => {
    const chainId = randomUUID();
    const bus = api.app.get(CommandBus);
    const context = () => ({ commandId: randomUUID(), actor: 'e2e', correlationId: randomUUID() });
    await bus.execute<ExecuteDomainCommand, CommandResult<unknown>>(
      new ExecuteDomainCommand(
        'chain',
        {
          type: 'StartChain',
          data: { chainId, name: 'Osaamiskeskuksen valmistelu: kehittämistyöpajat', fundingProgramme: 'ESF+ 2021–2027', esfOperationId: 'DEMO-ESF-2023-001', periodStart: '2023-01-01', periodEnd: '2023-12-31', description: 'Five workshops' },
          at: '2023-01-02T09:00:00.000Z',
        },
        context(),
      ),
    );
    if (closed) await bus.execute(new ExecuteDomainCommand('chain', { type: 'CloseChain', data: { chainId, reason: 'Operation ended' }, at: '2023-12-31T12:00:00.000Z' }, context()));
    return chainId;
  };

  describe('POST /workshops', () => {
    it('plans a workshop: 201 { id, position } with ETag "0"; GET answers the plan, status and zero counts, also to an analyst', async () => {
      const lapinamk = await organization('Lapin ammattikorkeakoulu');
      const created = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, coOrganizerIds: [lapinamk] });
      const read = await api.get<Record<string, unknown>>(`/workshops/${created.body.id}?consistentWith=${created.body.position}`, { as: 'analyst' });

      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+$/) });
      expect(created.headers.etag).toBe('"0"');
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        workshopId: created.body.id,
        status: 'planned',
        chainId: null,
        ...KEMI_WORKSHOP,
        coOrganizerIds: [lapinamk],
        heldOn: null,
        reportedAt: null,
        cancelledAt: null,
        counts: { registered: 0, waitlisted: 0, cancelled: 0, attended: 0, invited: 0, staff: { organiser: { registered: 0, attended: 0 }, host: { registered: 0, attended: 0 }, speaker: { registered: 0, attended: 0 } } },
        programme: [],
        detail: expect.objectContaining({ pledges: [], expenses: [], chainOrder: null }),
      });
    });

    it('adds the workshop to the chain named in the body; a retry with the same Idempotency-Key answers the same and appends nothing', async () => {
      const chainId = await chain();
      const key = api.newKey();

      const first = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId }, { headers: { 'idempotency-key': key } });
      const retry = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId }, { headers: { 'idempotency-key': key } });

      expect(first.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      const added = (await store().readStream(chainStream(chainId))).filter((event) => event.type === 'WorkshopAddedToChain');
      expect(added.map((event) => event.data)).toEqual([expect.objectContaining({ chainId, workshopId: first.body.id, order: 0 })]);
      // The answer's position is the chain step, the last event the request wrote.
      expect(first.body.position).toBe(added[0]!.position.toString());
      expect(await headPosition()).toBe(first.body.position);
    });

    it('answers 404 CHAIN.NOT_FOUND for an unknown chain and 409 CHAIN.CLOSED for a closed one, planning nothing', async () => {
      const closedChain = await chain(true);
      const id = randomUUID();
      const before = await headPosition();

      const unknown = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, id, chainId: randomUUID() });
      const closed = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, id, chainId: closedChain });

      expect([unknown.status, unknown.body.code]).toEqual([404, 'CHAIN.NOT_FOUND']);
      expect([closed.status, closed.body.code]).toEqual([409, 'CHAIN.CLOSED']);
      expect(await headPosition()).toBe(before);
      expect((await api.get<Problem>(`/workshops/${id}`)).status).toBe(404);
    });

    it('answers 400 naming each bad field and rule, and records nothing', async () => {
      const before = await headPosition();

      const answer = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, kind: 'seminar', startsAt: '2023-09-12T12:00:00', capacity: 0, coOrganizerIds: ['lapinamk'], location: { venue: '' }, room: 'A1' });

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID');
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.kind', rule: 'isIn' }),
          expect.objectContaining({ field: 'body.startsAt', rule: 'matches' }),
          expect.objectContaining({ field: 'body.capacity', rule: 'min' }),
          expect.objectContaining({ field: 'body.coOrganizerIds', rule: 'isUuid' }),
          expect.objectContaining({ field: 'body.location.venue', rule: 'isLength' }),
          expect.objectContaining({ field: 'body.location.municipality', rule: 'isString' }),
          expect.objectContaining({ field: 'body.room', rule: 'whitelistValidation' }),
        ]),
      );
      expect(await headPosition()).toBe(before);
    });

    it('answers the domain rules: 400 WORKSHOP.SCHEDULE_INVALID, 400 WORKSHOP.LOCATION_REQUIRED, 404 ORGANIZATION.NOT_FOUND, 409 WORKSHOP.ALREADY_EXISTS', async () => {
      const id = await plan();
      const before = await headPosition();

      const backwards = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, endsAt: '2023-09-12T11:00:00+03:00' });
      const nowhere = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, location: null });
      const ghost = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, coOrganizerIds: [randomUUID()] });
      const taken = await api.post<Problem>('/workshops', { ...KEMI_WORKSHOP, id, title: 'Työpaja 4' });

      expect([backwards.status, backwards.body.code]).toEqual([400, 'WORKSHOP.SCHEDULE_INVALID']);
      expect([nowhere.status, nowhere.body.code]).toEqual([400, 'WORKSHOP.LOCATION_REQUIRED']);
      expect([ghost.status, ghost.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect([taken.status, taken.body.code]).toEqual([409, 'WORKSHOP.ALREADY_EXISTS']);
      expect(await headPosition()).toBe(before);
    });

    it('plans a webinar without a location and with unlimited seats', async () => {
      const id = await plan({ title: 'Työpaja 5: Sosiaalisten innovaatioiden validointikehikko (webinaari)', format: 'webinar', location: null, capacity: null });

      expect((await api.get(`/workshops/${id}?consistentWith=${await headPosition()}`)).body).toMatchObject({ format: 'webinar', location: null, capacity: null });
    });
  });

  describe('writes on one workshop', () => {
    const writes = (id: string): Array<[string, Record<string, unknown>]> => [
      [`/workshops/${id}/reschedule`, { startsAt: '2023-09-19T12:00:00+03:00', endsAt: '2023-09-19T15:00:00+03:00', location: KEMI_WORKSHOP.location }],
      [`/workshops/${id}/capacity`, { capacity: 50 }],
      [`/workshops/${id}/co-organizers`, { organizationId: randomUUID() }],
      [`/workshops/${id}/registration/open`, {}],
      [`/workshops/${id}/registration/close`, {}],
      [`/workshops/${id}/invitations`, { personId: randomUUID() }],
      [`/workshops/${id}/registrations`, { personId: randomUUID(), attendanceMode: 'on-site' }],
      [`/workshops/${id}/registrations/${randomUUID()}/cancel`, {}],
      [`/workshops/${id}/attendance`, { attendees: [{ registrationId: randomUUID(), mode: 'on-site' }] }],
      [`/workshops/${id}/held`, { heldOn: '2023-09-12' }],
      [`/workshops/${id}/cancel`, { reason: 'Puhujat estyneitä' }],
      [`/workshops/${id}/report`, { summary: 'Held as planned' }],
    ];

    it('answers 403 to the analyst and the auditor on every write, recording nothing', async () => {
      const id = await plan();
      const before = await headPosition();

      for (const role of ['analyst', 'auditor'] as const) {
        for (const [url, body] of [['/workshops', KEMI_WORKSHOP] as [string, Record<string, unknown>], ...writes(id)]) {
          const answer = await api.post<Problem>(url, body, { as: role });
          expect([url, answer.status, answer.body.code]).toEqual([url, 403, 'AUTH.FORBIDDEN']);
        }
      }
      expect(await headPosition()).toBe(before);
    });

    it('answers 404 for an unknown workshop on every write and on GET, and 400 naming param.id for an id that is not a UUID', async () => {
      const unknown = randomUUID();
      const before = await headPosition();

      for (const [url, body] of writes(unknown)) {
        const answer = await api.post<Problem>(url, body);
        // Writes naming a person or organisation check those first: they are unknown here too.
        expect([url, answer.status, answer.body.code]).toEqual([url, 404, expect.stringMatching(/^(WORKSHOP|PERSON|ORGANIZATION)\.NOT_FOUND$/)]);
      }
      const get = await api.get<Problem>(`/workshops/${unknown}`);
      const bad = await api.post<Problem>('/workshops/not-a-uuid/registration/open', {});
      const badRid = await api.post<Problem>(`/workshops/${unknown}/registrations/42/cancel`, {});

      expect([get.status, get.body.code]).toEqual([404, 'WORKSHOP.NOT_FOUND']);
      expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'param.id']);
      expect([badRid.status, badRid.body.errors?.[0]?.field]).toEqual([400, 'param.rid']);
      expect(await headPosition()).toBe(before);
    });

    it('reschedules (200), and the workshop answers the new dates and venue', async () => {
      const id = await plan();
      const moved = { startsAt: '2023-09-19T12:00:00+03:00', endsAt: '2023-09-19T15:00:00+03:00', location: { venue: 'Kemin kulttuurikeskus', municipality: 'Kemi', region: 'Lappi' } };

      const answer = await api.post<Written>(`/workshops/${id}/reschedule`, moved);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      expect(answer.headers.etag).toBe('"1"');
      expect((await api.get(`/workshops/${id}?consistentWith=${answer.body.position}`)).body).toMatchObject(moved);
    });

    it('answers 400 for a reschedule without an offset and 400 WORKSHOP.SCHEDULE_INVALID for one ending before it starts', async () => {
      const id = await plan();
      const before = await headPosition();

      const noOffset = await api.post<Problem>(`/workshops/${id}/reschedule`, { startsAt: '2023-09-19T12:00:00', endsAt: '2023-09-19T15:00:00+03:00', location: KEMI_WORKSHOP.location });
      const backwards = await api.post<Problem>(`/workshops/${id}/reschedule`, { startsAt: '2023-09-19T15:00:00+03:00', endsAt: '2023-09-19T12:00:00+03:00', location: KEMI_WORKSHOP.location });

      expect([noOffset.status, noOffset.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.startsAt', rule: 'matches' })]]);
      expect([backwards.status, backwards.body.code]).toEqual([400, 'WORKSHOP.SCHEDULE_INVALID']);
      expect(await headPosition()).toBe(before);
    });

    it('changes the capacity (200; null = unlimited) and answers 400 for zero seats or a missing capacity', async () => {
      const id = await plan();

      const unlimited = await api.post<Written>(`/workshops/${id}/capacity`, { capacity: null });
      const before = await headPosition();
      const zero = await api.post<Problem>(`/workshops/${id}/capacity`, { capacity: 0 });
      const missing = await api.post<Problem>(`/workshops/${id}/capacity`, {});

      expect([unlimited.status, unlimited.headers.etag]).toEqual([200, '"1"']);
      expect((await api.get(`/workshops/${id}?consistentWith=${unlimited.body.position}`)).body).toMatchObject({ capacity: null });
      expect([zero.status, zero.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.capacity', rule: 'min' })]]);
      expect([missing.status, missing.body.errors]).toEqual([400, expect.arrayContaining([expect.objectContaining({ field: 'body.capacity', rule: 'isInt' })])]);
      expect(await headPosition()).toBe(before);
    });

    it('adds a registered co-organiser (200, once) and answers 404 ORGANIZATION.NOT_FOUND for an unknown one', async () => {
      const id = await plan();
      const lapinamk = await organization('Lapin ammattikorkeakoulu');

      const added = await api.post<Written>(`/workshops/${id}/co-organizers`, { organizationId: lapinamk });
      const again = await api.post<Written>(`/workshops/${id}/co-organizers`, { organizationId: lapinamk });
      const before = await headPosition();
      const unknown = await api.post<Problem>(`/workshops/${id}/co-organizers`, { organizationId: randomUUID() });

      expect([added.status, again.status, again.headers.etag]).toEqual([200, 200, '"1"']);
      expect((await api.get(`/workshops/${id}?consistentWith=${added.body.position}`)).body).toMatchObject({ coOrganizerIds: [lapinamk] });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect(await headPosition()).toBe(before);
    });

    it('opens registration with a body or none (200, ETag), and answers 412 to a stale If-Match', async () => {
      const id = await plan();
      const rescheduled = await api.post<Written>(`/workshops/${id}/capacity`, { capacity: 30 });
      const before = await headPosition();

      const stale = await api.post<Problem & { currentRevision: number }>(`/workshops/${id}/registration/open`, {}, { headers: { 'if-match': '"0"' } });
      const opened = await api.request<Written>('POST', `/workshops/${id}/registration/open`, { headers: { 'if-match': rescheduled.headers.etag as string } });

      expect([stale.status, stale.body.code, stale.body.currentRevision]).toEqual([412, 'STREAM.STALE_REVISION', 1]);
      expect(Number(opened.body.position)).toBeGreaterThan(Number(before));
      expect([opened.status, opened.headers.etag]).toEqual([200, '"2"']);
      expect((await api.get(`/workshops/${id}?consistentWith=${opened.body.position}`)).body).toMatchObject({ status: 'registration-open' });
    });

    it('closes an open registration (200) and answers 409 WORKSHOP.REGISTRATION_NOT_OPEN when it was never opened', async () => {
      const never = await plan();
      const open = await plan();
      await api.post(`/workshops/${open}/registration/open`, {});
      const before = await headPosition();

      const refused = await api.post<Problem>(`/workshops/${never}/registration/close`, {});
      expect(await headPosition()).toBe(before);
      const closed = await api.post<Written>(`/workshops/${open}/registration/close`, {});

      expect([refused.status, refused.body.code]).toEqual([409, 'WORKSHOP.REGISTRATION_NOT_OPEN']);
      expect([closed.status, closed.body.id]).toEqual([200, open]);
      expect((await api.get(`/workshops/${open}?consistentWith=${closed.body.position}`)).body).toMatchObject({ status: 'registration-closed' });
    });

    it('marks a workshop held (200) and answers 400 for a date that is not YYYY-MM-DD and 409 WORKSHOP.ALREADY_HELD for another date', async () => {
      const id = await plan();

      const badDate = await api.post<Problem>(`/workshops/${id}/held`, { heldOn: '12.9.2023' });
      const held = await api.post<Written>(`/workshops/${id}/held`, { heldOn: '2023-09-12' });
      const before = await headPosition();
      const otherDay = await api.post<Problem>(`/workshops/${id}/held`, { heldOn: '2023-09-13' });

      expect([badDate.status, badDate.body.errors]).toEqual([400, expect.arrayContaining([expect.objectContaining({ field: 'body.heldOn' })])]);
      expect(held.status).toBe(200);
      expect((await api.get(`/workshops/${id}?consistentWith=${held.body.position}`)).body).toMatchObject({ status: 'held', heldOn: '2023-09-12' });
      expect([otherDay.status, otherDay.body.code]).toEqual([409, 'WORKSHOP.ALREADY_HELD']);
      expect(await headPosition()).toBe(before);
    });

    it('answers 422 WORKSHOP.HELD_OUTSIDE_DATES for a day the workshop is not planned for (a 2031 typo), and records nothing', async () => {
      const id = await plan();
      const before = await headPosition();

      const typo = await api.post<Problem>(`/workshops/${id}/held`, { heldOn: '2031-09-12' });

      expect([typo.status, typo.body.code]).toEqual([422, 'WORKSHOP.HELD_OUTSIDE_DATES']);
      expect(typo.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await headPosition()).toBe(before);
    });

    it('cancels a workshop (200), answers 400 without a reason and 409 WORKSHOP.CANCELLED to opening registration afterwards', async () => {
      const id = await plan();

      const noReason = await api.post<Problem>(`/workshops/${id}/cancel`, {});
      const cancelled = await api.post<Written>(`/workshops/${id}/cancel`, { reason: 'Puhujat estyneitä; työpaja siirretään' });
      const before = await headPosition();
      const open = await api.post<Problem>(`/workshops/${id}/registration/open`, {});

      expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'body.reason']);
      expect(cancelled.status).toBe(200);
      expect((await api.get(`/workshops/${id}?consistentWith=${cancelled.body.position}`)).body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      expect([open.status, open.body.code]).toEqual([409, 'WORKSHOP.CANCELLED']);
      expect(await headPosition()).toBe(before);
    });

    it('answers 409 WORKSHOP.ALREADY_HELD to cancelling a held workshop', async () => {
      const id = await plan();
      await api.post(`/workshops/${id}/held`, { heldOn: '2023-09-12' });
      const before = await headPosition();

      const answer = await api.post<Problem>(`/workshops/${id}/cancel`, { reason: 'Too late' });

      expect([answer.status, answer.body.code]).toEqual([409, 'WORKSHOP.ALREADY_HELD']);
      expect(await headPosition()).toBe(before);
    });

    it('reports a held workshop (200) once: 409 WORKSHOP.NOT_HELD before, 409 WORKSHOP.ALREADY_REPORTED after, 400 for an empty summary', async () => {
      const id = await plan();
      const summary = 'Hybrid workshop with Lapland UAS: Lappish social enterprises met regional and national developers; feedback collected.';
      const before = await headPosition();

      const early = await api.post<Problem>(`/workshops/${id}/report`, { summary });
      const empty = await api.post<Problem>(`/workshops/${id}/report`, { summary: '' });
      expect(await headPosition()).toBe(before);
      await api.post(`/workshops/${id}/held`, { heldOn: '2023-09-12' });
      const reported = await api.post<Written>(`/workshops/${id}/report`, { summary });
      const again = await api.post<Problem>(`/workshops/${id}/report`, { summary });

      expect([early.status, early.body.code]).toEqual([409, 'WORKSHOP.NOT_HELD']);
      expect([empty.status, empty.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'body.summary', rule: 'isLength' })]);
      expect([reported.status, reported.body.position]).toEqual([200, await headPosition()]);
      expect([again.status, again.body.code]).toEqual([409, 'WORKSHOP.ALREADY_REPORTED']);
      expect((await api.get(`/workshops/${id}?consistentWith=${reported.body.position}`)).body).toMatchObject({ status: 'reported', heldOn: '2023-09-12', reportedAt: expect.any(String) });
    });
  });

  it('keeps workshops across a restart of the app', async () => {
    const chainId = await chain();
    const id = await plan({ chainId });
    await api.post(`/workshops/${id}/registration/open`, {});
    const before = await api.get<Record<string, unknown>>(`/workshops/${id}?consistentWith=${await headPosition()}`);

    await api.restart();
    const after = await api.get<Record<string, unknown>>(`/workshops/${id}`);

    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(after.body).toMatchObject({ status: 'registration-open', chainId });
    expect(after.headers.etag).toBe('"1"');
    expect((await store().readStream(workshopStream(id))).map((event) => event.type)).toEqual(['WorkshopPlanned', 'RegistrationOpened']);
  });
});
