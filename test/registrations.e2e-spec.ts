import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterPerson, type RegisterPersonResult } from '@kuhina/application';
import { personStream, workshopStream } from '@kuhina/domain';
import type { EventStore } from '@kuhina/event-store';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

interface Registration extends Written {
  status: 'registered' | 'waitlisted';
  personId: string;
}
interface Counts {
  counts: { registered: number; waitlisted: number; cancelled: number; attended: number; invited: number };
}

describe('HTTP: workshop registrations, waitlist and attendance', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());


  const headPosition = (): Promise<string> => api.headPosition();
  const store = (): EventStore => api.store();
  const workshop = async (body: Record<string, unknown> = {}, open = true): Promise<string> => {
    const planned = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, ...body });
    expect(planned.status).toBe(201);
    if (open) expect((await api.post(`/workshops/${planned.body.id}/registration/open`, {})).status).toBe(200);
    return planned.body.id;
  };
  /** POST /people belongs to another module: people are created through the application's RegisterPerson, as the API does inline. */
  const person = async (name: string, email: string | null = null): Promise<string> =>
    (
      await api.app
        .get(CommandBus)
        .execute<RegisterPerson, RegisterPersonResult>(
          new RegisterPerson({ personalData: { name, email, phone: null }, organizationId: null, at: '2023-08-01T09:00:00.000Z' }, { commandId: randomUUID(), actor: 'e2e', correlationId: randomUUID() }),
        )
    ).personId;
  const register = (workshopId: string, body: Record<string, unknown>, options: Parameters<ApiHarness['post']>[2] = {}) =>
    api.post<Registration & Problem>(`/workshops/${workshopId}/registrations`, { attendanceMode: 'on-site', ...body }, options);
  const counts = async (workshopId: string) => (await api.get<Counts>(`/workshops/${workshopId}?consistentWith=${await headPosition()}`)).body.counts;

  describe('POST /workshops/:id/registrations', () => {
    it('registers a known person: 201 { id, status, personId, position } with the workshop ETag', async () => {
      const id = await workshop();
      const aino = await person('Aino Virtanen', 'aino.virtanen@example.org');

      const answer = await register(id, { personId: aino, expectations: 'Meeting Lappish social enterprises', advanceQuestions: ['How do UAS students work with social enterprises?'] });

      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'registered', personId: aino, position: expect.stringMatching(/^\d+$/) });
      expect(answer.headers.etag).toBe('"2"');
      expect(await counts(id)).toMatchObject({ registered: 1, waitlisted: 0 });
      const [registered] = (await store().readStream(workshopStream(id))).slice(2);
      expect(registered).toMatchObject({
        type: 'ParticipantRegistered',
        data: { registrationId: answer.body.id, personId: aino, attendanceMode: 'on-site', expectations: 'Meeting Lappish social enterprises', advanceQuestions: ['How do UAS students work with social enterprises?'] },
      });
    });

    it('registers an inline person, reusing the same person for the same e-mail in two workshops', async () => {
      const first = await workshop();
      const second = await workshop({ title: 'Työpaja 5: Validointikehikko (webinaari)', format: 'webinar', location: null, capacity: null });
      const eero = { name: 'Eero Korhonen', email: 'eero.korhonen@example.org', phone: '+358 40 765 4321', esf: { gender: 'male', birthYear: 1979, labourMarketStatus: 'employed' } };

      const inKemi = await register(first, { person: eero });
      const inWebinar = await register(second, { person: { ...eero, email: 'Eero.Korhonen@EXAMPLE.org' }, attendanceMode: 'remote' });

      expect([inKemi.status, inKemi.body.status, inWebinar.status, inWebinar.body.status]).toEqual([201, 'registered', 201, 'registered']);
      expect(inWebinar.body.personId).toBe(inKemi.body.personId);
      expect((await store().readStream(personStream(inKemi.body.personId))).map((event) => event.type)).toEqual(['PersonCreated']);
      // Personal data never reaches the workshop stream.
      expect(JSON.stringify((await store().readStream(workshopStream(first))).map((event) => event.data))).not.toMatch(/Korhonen|example\.org|765 4321/i);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and appends nothing, inline person included', async () => {
      const id = await workshop({ capacity: 1 });
      await register(id, { personId: await person('Helmi Mäkinen') });
      const key = api.newKey();
      const body = { person: { name: 'Juho Nieminen', email: 'juho.nieminen@example.org' } };

      const first = await register(id, body, { headers: { 'idempotency-key': key } });
      const head = await headPosition();
      const retry = await register(id, body, { headers: { 'idempotency-key': key } });

      expect([first.status, first.body.status]).toEqual([201, 'waitlisted']);
      expect(retry.body).toEqual(first.body);
      expect(first.body.position).toBe(head);
      expect(await headPosition()).toBe(head);
    });

    it('answers 400 naming body.personId and body.person when both or neither are given', async () => {
      const id = await workshop();
      const before = await headPosition();

      const neither = await register(id, {});
      const both = await register(id, { personId: await person('Aino Virtanen'), person: { name: 'Aino Virtanen' } });

      for (const answer of [neither, both]) {
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([
          { field: 'body.personId', rule: 'exactlyOneOf', message: expect.any(String) },
          { field: 'body.person', rule: 'exactlyOneOf', message: expect.any(String) },
        ]);
      }
      expect((await store().readStream(workshopStream(id))).map((event) => event.type)).toEqual(['WorkshopPlanned', 'RegistrationOpened']);
      expect(Number(await headPosition())).toBe(Number(before) + 1); // the person created for `both`, nothing else
    });

    it('answers 400 naming each bad field, nested ones included, and records nothing', async () => {
      const id = await workshop();
      const before = await headPosition();

      const answer = await register(id, {
        attendanceMode: 'hybrid',
        advanceQuestions: Array.from({ length: 21 }, (_, i) => `Question ${i}`),
        person: { name: 'Aino Virtanen', email: 'not-an-email', esf: { gender: 'unknown', birthYear: 1850 } },
      });

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.attendanceMode', rule: 'isIn' }),
          expect.objectContaining({ field: 'body.advanceQuestions', rule: 'arrayMaxSize' }),
          expect.objectContaining({ field: 'body.person.email', rule: 'isEmail' }),
          expect.objectContaining({ field: 'body.person.esf.gender', rule: 'isIn' }),
          expect.objectContaining({ field: 'body.person.esf.birthYear', rule: 'min' }),
        ]),
      );
      expect(await headPosition()).toBe(before);
    });

    it('answers 404 for an unknown workshop, person or organisation, recording nothing', async () => {
      const id = await workshop();
      const aino = await person('Aino Virtanen');
      const before = await headPosition();

      const noWorkshop = await register(randomUUID(), { personId: aino });
      const noPerson = await register(id, { personId: randomUUID() });
      const noOrganization = await register(id, { personId: aino, organizationId: randomUUID() });
      const inlineNoWorkshop = await register(randomUUID(), { person: { name: 'Uusi Henkilö', email: 'uusi.henkilo@example.org' } });

      expect([noWorkshop.status, noWorkshop.body.code]).toEqual([404, 'WORKSHOP.NOT_FOUND']);
      expect([noPerson.status, noPerson.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
      expect([noOrganization.status, noOrganization.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect([inlineNoWorkshop.status, inlineNoWorkshop.body.code]).toEqual([404, 'WORKSHOP.NOT_FOUND']);
      expect(await headPosition()).toBe(before);
    });

    it('answers 409 WORKSHOP.REGISTRATION_NOT_OPEN before opening and WORKSHOP.REGISTRATION_CLOSED after closing, creating no inline person', async () => {
      const planned = await workshop({}, false);
      const closed = await workshop();
      await api.post(`/workshops/${closed}/registration/close`, {});
      const before = await headPosition();

      const early = await register(planned, { person: { name: 'Liisa Laine', email: 'liisa.laine@example.org' } });
      const late = await register(closed, { person: { name: 'Liisa Laine', email: 'liisa.laine@example.org' } });

      expect([early.status, early.body.code]).toEqual([409, 'WORKSHOP.REGISTRATION_NOT_OPEN']);
      expect([late.status, late.body.code]).toEqual([409, 'WORKSHOP.REGISTRATION_CLOSED']);
      expect(await headPosition()).toBe(before);
    });

    it('answers 409 REGISTRATION.DUPLICATE to a second registration of the same person and 400 for a mode the format does not offer', async () => {
      const id = await workshop({ format: 'in-person' });
      const aino = await person('Aino Virtanen');
      await register(id, { personId: aino });
      const before = await headPosition();

      const again = await register(id, { personId: aino });
      const remote = await register(id, { personId: await person('Eero Korhonen'), attendanceMode: 'remote' });

      expect([again.status, again.body.code]).toEqual([409, 'REGISTRATION.DUPLICATE']);
      expect([remote.status, remote.body.code]).toEqual([400, 'WORKSHOP.ATTENDANCE_MODE_NOT_OFFERED']);
      expect(Number(await headPosition())).toBe(Number(before) + 1); // Eero's PersonCreated only
    });

    it('answers 403 to the analyst and 412 to a stale If-Match, recording nothing', async () => {
      const id = await workshop();
      const aino = await person('Aino Virtanen');
      const before = await headPosition();

      const analyst = await register(id, { personId: aino }, { as: 'analyst' });
      const stale = await register(id, { personId: aino }, { headers: { 'if-match': '"0"' } });

      expect([analyst.status, analyst.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      expect([stale.status, stale.body.code]).toEqual([412, 'STREAM.STALE_REVISION']);
      expect(await headPosition()).toBe(before);
    });
  });

  describe('capacity and the waitlist', () => {
    it('gives 20 concurrent registrations for 5 seats exactly 5 seats and 15 waitlist places; a cancellation promotes the first waitlisted', async () => {
      const id = await workshop({ capacity: 5 });
      const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Osallistuja ${i + 1}`, `osallistuja.${i + 1}@example.org`)));

      const answers = await Promise.all(people.map((personId) => register(id, { personId })));

      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
      expect(answers.filter((answer) => answer.body.status === 'registered')).toHaveLength(5);
      expect(answers.filter((answer) => answer.body.status === 'waitlisted')).toHaveLength(15);
      expect(await counts(id)).toMatchObject({ registered: 5, waitlisted: 15 });
      const waitlisted = (await store().readStream(workshopStream(id))).filter((event) => event.type === 'ParticipantWaitlisted').map((event) => event.data as { registrationId: string; position: number });
      expect(waitlisted.map((entry) => entry.position)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

      const seated = answers.find((answer) => answer.body.status === 'registered')!.body.id;
      const cancelled = await api.post<Written & { promoted: string | null }>(`/workshops/${id}/registrations/${seated}/cancel`, { reason: 'Sairastuminen' });

      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toEqual({ id: seated, position: expect.stringMatching(/^\d+$/), promoted: waitlisted[0]!.registrationId });
      expect(await counts(id)).toMatchObject({ registered: 5, waitlisted: 14, cancelled: 1 });
    });

    it('answers 409 WORKSHOP.CAPACITY_BELOW_REGISTERED to fewer seats than are taken, and promotes waitlisted people into added seats', async () => {
      const id = await workshop({ capacity: 2 });
      for (const name of ['Aino Virtanen', 'Eero Korhonen', 'Helmi Mäkinen']) await register(id, { personId: await person(name) });
      const before = await headPosition();

      const fewer = await api.post<Problem>(`/workshops/${id}/capacity`, { capacity: 1 });
      expect(await headPosition()).toBe(before);
      const more = await api.post<Written>(`/workshops/${id}/capacity`, { capacity: 3 });

      expect([fewer.status, fewer.body.code]).toEqual([409, 'WORKSHOP.CAPACITY_BELOW_REGISTERED']);
      expect(more.status).toBe(200);
      expect(await counts(id)).toMatchObject({ registered: 3, waitlisted: 0 });
    });
  });

  describe('POST /workshops/:id/registrations/:rid/cancel', () => {
    it('cancels (200, promoted null when nobody waits); cancelling again changes nothing; 404 REGISTRATION.NOT_FOUND; 409 after the workshop was held', async () => {
      const id = await workshop();
      const registered = await register(id, { personId: await person('Aino Virtanen') });
      const kept = await register(id, { personId: await person('Eero Korhonen') });

      const cancelled = await api.post<Written & { promoted: string | null }>(`/workshops/${id}/registrations/${registered.body.id}/cancel`, {});
      const head = await headPosition();
      const again = await api.post<Written & { promoted: string | null }>(`/workshops/${id}/registrations/${registered.body.id}/cancel`, {});
      const unknown = await api.post<Problem>(`/workshops/${id}/registrations/${randomUUID()}/cancel`, {});
      const analyst = await api.post<Problem>(`/workshops/${id}/registrations/${kept.body.id}/cancel`, {}, { as: 'analyst' });
      expect(await headPosition()).toBe(head);
      await api.post(`/workshops/${id}/held`, { heldOn: '2023-09-12' });
      const late = await api.post<Problem>(`/workshops/${id}/registrations/${kept.body.id}/cancel`, { reason: 'Ei päässyt' });

      expect([cancelled.status, cancelled.body]).toEqual([200, { id: registered.body.id, position: head, promoted: null }]);
      expect([again.status, again.body.promoted]).toEqual([200, null]);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'REGISTRATION.NOT_FOUND']);
      expect(analyst.status).toBe(403);
      expect([late.status, late.body.code]).toEqual([409, 'WORKSHOP.ALREADY_HELD']);
      expect(await counts(id)).toMatchObject({ registered: 1, cancelled: 1 });
    });
  });

  describe('POST /workshops/:id/invitations', () => {
    it('invites a person to an invitation-only workshop (201 { id: personId }); only the invited may register', async () => {
      const id = await workshop({ title: 'Työpaja 4: SEWF23-satelliittitapahtuma', access: 'invitation-only', format: 'in-person', location: { venue: 'Helsingin kaupungintalo', municipality: 'Helsinki', region: 'Uusimaa' } });
      const invited = await person('Aino Virtanen');
      const uninvited = await person('Eero Korhonen');

      const invitation = await api.post<Written>(`/workshops/${id}/invitations`, { personId: invited });
      const head = await headPosition();
      const refused = await register(id, { personId: uninvited });
      expect(await headPosition()).toBe(head);
      const accepted = await register(id, { personId: invited });

      expect([invitation.status, invitation.body]).toEqual([201, { id: invited, position: head }]);
      expect([refused.status, refused.body.code]).toEqual([409, 'WORKSHOP.NOT_INVITED']);
      expect([accepted.status, accepted.body.status]).toEqual([201, 'registered']);
      expect(await counts(id)).toMatchObject({ invited: 1, registered: 1 });
    });

    it('answers 409 WORKSHOP.NOT_INVITATION_ONLY for an open workshop, 404 PERSON.NOT_FOUND, 400 for a personId that is not a UUID, 403 to the analyst', async () => {
      const id = await workshop();
      const aino = await person('Aino Virtanen');
      const before = await headPosition();

      const open = await api.post<Problem>(`/workshops/${id}/invitations`, { personId: aino });
      const unknown = await api.post<Problem>(`/workshops/${id}/invitations`, { personId: randomUUID() });
      const bad = await api.post<Problem>(`/workshops/${id}/invitations`, { personId: 'aino' });
      const analyst = await api.post<Problem>(`/workshops/${id}/invitations`, { personId: aino }, { as: 'analyst' });

      expect([open.status, open.body.code]).toEqual([409, 'WORKSHOP.NOT_INVITATION_ONLY']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
      expect([bad.status, bad.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.personId', rule: 'isUuid' })]]);
      expect(analyst.status).toBe(403);
      expect(await headPosition()).toBe(before);
    });
  });

  describe('POST /workshops/:id/attendance', () => {
    it('answers 409 WORKSHOP.NOT_HELD before the workshop is held, and 400 naming body.attendees[0].mode or an empty sheet', async () => {
      const id = await workshop();
      const registered = await register(id, { personId: await person('Aino Virtanen') });
      const before = await headPosition();

      const early = await api.post<Problem>(`/workshops/${id}/attendance`, { attendees: [{ registrationId: registered.body.id, mode: 'on-site' }] });
      const badMode = await api.post<Problem>(`/workshops/${id}/attendance`, { attendees: [{ registrationId: registered.body.id, mode: 'in-spirit' }] });
      const empty = await api.post<Problem>(`/workshops/${id}/attendance`, { attendees: [] });

      expect([early.status, early.body.code]).toEqual([409, 'WORKSHOP.NOT_HELD']);
      expect([badMode.status, badMode.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.attendees[0].mode', rule: 'isIn' })]]);
      expect([empty.status, empty.body.errors]).toEqual([400, [expect.objectContaining({ field: 'body.attendees', rule: 'arrayMinSize' })]]);
      expect(await headPosition()).toBe(before);
    });

    it('answers 409 REGISTRATION.NOT_REGISTERED for a waitlisted registration and 404 REGISTRATION.NOT_FOUND for an unknown one', async () => {
      const id = await workshop({ capacity: 1 });
      await register(id, { personId: await person('Aino Virtanen') });
      const waiting = await register(id, { personId: await person('Eero Korhonen') });
      await api.post(`/workshops/${id}/held`, { heldOn: '2023-09-12' });
      const before = await headPosition();

      const notSeated = await api.post<Problem>(`/workshops/${id}/attendance`, { attendees: [{ registrationId: waiting.body.id, mode: 'on-site' }] });
      const unknown = await api.post<Problem>(`/workshops/${id}/attendance`, { attendees: [{ registrationId: randomUUID(), mode: 'on-site' }] });

      expect([notSeated.status, notSeated.body.code]).toEqual([409, 'REGISTRATION.NOT_REGISTERED']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'REGISTRATION.NOT_FOUND']);
      expect(await headPosition()).toBe(before);
    });
  });

  it('runs a workshop through: plan → open → register → close → held → attendance → report, and it all survives a restart', async () => {
    const lapinamk = (await api.post<Written>('/organizations', { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi' })).body.id;
    const id = await workshop({ coOrganizerIds: [lapinamk] }, false);
    expect((await api.post(`/workshops/${id}/registration/open`, {})).status).toBe(200);
    const onSite = await register(id, { person: { name: 'Sanna Heikkinen', email: 'sanna.heikkinen@example.org', organizationId: lapinamk }, organizationId: lapinamk });
    const remote = await register(id, { personId: await person('Mikko Koskinen', 'mikko.koskinen@example.org'), attendanceMode: 'remote', advanceQuestions: ['How do regional and national developers work together?'] });
    const absent = await register(id, { personId: await person('Riikka Järvinen') });
    expect((await api.post(`/workshops/${id}/registration/close`, {})).status).toBe(200);
    expect((await api.post(`/workshops/${id}/held`, { heldOn: '2023-09-12' })).status).toBe(200);

    const sheet = { attendees: [{ registrationId: onSite.body.id, mode: 'on-site' }, { registrationId: remote.body.id, mode: 'remote' }] };
    const attendance = await api.post<Written & { recorded: number }>(`/workshops/${id}/attendance`, sheet);
    const overlapping = await api.post<Written & { recorded: number }>(`/workshops/${id}/attendance`, sheet);
    const report = await api.post<Written>(`/workshops/${id}/report`, { summary: 'Hybrid workshop with Lapland UAS: Lappish social enterprises met regional and national developers; feedback collected.' });

    expect([onSite.body.status, remote.body.status, absent.body.status]).toEqual(['registered', 'registered', 'registered']);
    expect([attendance.status, attendance.body]).toEqual([200, { id, position: expect.stringMatching(/^\d+$/), recorded: 2 }]);
    expect([overlapping.status, overlapping.body.recorded]).toEqual([200, 0]);
    expect(report.status).toBe(200);
    const attended = (await store().readStream(workshopStream(id))).filter((event) => event.type === 'AttendanceRecorded').map((event) => event.data);
    expect(attended).toEqual([
      expect.objectContaining({ registrationId: onSite.body.id, personId: onSite.body.personId, organizationId: lapinamk, mode: 'on-site' }),
      expect.objectContaining({ registrationId: remote.body.id, personId: remote.body.personId, organizationId: null, mode: 'remote' }),
    ]);
    const before = await api.get<Counts & { status: string }>(`/workshops/${id}?consistentWith=${report.body.position}`);
    expect(before.body).toMatchObject({ status: 'reported', counts: { registered: 3, waitlisted: 0, cancelled: 0, attended: 2, invited: 0 } });

    await api.restart();
    const after = await api.get<Counts & { status: string }>(`/workshops/${id}`);
    const reused = await register((await api.post<Written>('/workshops', KEMI_WORKSHOP)).body.id, { person: { name: 'Sanna Heikkinen', email: 'SANNA.heikkinen@example.org' } });

    expect([after.status, after.headers.etag]).toEqual([200, before.headers.etag]);
    expect(after.body).toEqual(before.body);
    // Registration is not open in the new workshop, but the refusal must come before any person is created or found.
    expect([reused.status, reused.body.code]).toEqual([409, 'WORKSHOP.REGISTRATION_NOT_OPEN']);
  });
});
