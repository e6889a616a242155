import { workshopStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 18, point 4, over HTTP: the outreach list of a coming workshop (past participants who consented, the rest
// counted by reason), its CSV for the mailing tool, recording an outreach (consent checked, invitations for an
// invitation-only workshop), and registrations that follow it attributed in the registrations list and the chain view.

type TookPart = { workshopId: string; title: string; attended: boolean };
type OutreachPerson = { personId: string; name: string; email: string | null; organization: { organizationId: string; name: string | null } | null; tookPart: TookPart[]; consent: { on: string; source: string; wordingVersion: string | null }; alreadyTold: { outreachId: string; sentOn: string } | null };
type OutreachAnswer = {
  workshop: { workshopId: string };
  drawnFrom: Array<{ chainId: string; workshops: Array<{ workshopId: string }> }>;
  people: OutreachPerson[];
  excluded: { total: number; byReason: Record<string, number> };
  outreaches: Array<{ outreachId: string; channel: string; sentOn: string; people: number; firstContacts: number; registrations: number }>;
};

describe('HTTP: outreach to past participants (issue 18, point 4)', () => {
  let api: ApiHarness;
  let position = '0';
  let university: string;
  let chain2023: string;
  let rauma: string;
  let kemi: string;
  let chain2024: string;
  let pori2024: string;
  const people: Record<string, string> = {};

  const written = async (url: string, body: unknown): Promise<Written> => {
    const answer = await api.post<Written>(url, body);
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    position = answer.body.position;
    return answer.body;
  };
  const refused = async (url: string, body: unknown) => {
    const before = await api.headPosition();
    const answer = await api.post<Problem & { detail?: string; details?: Record<string, unknown> }>(url, body);
    expect(await api.headPosition()).toBe(before);
    return answer;
  };
  const on = (day: string) => ({ startsAt: `${day}T12:00:00+03:00`, endsAt: `${day}T15:00:00+03:00` });
  const chain = (name: string, year: number, more: Record<string, unknown> = {}) => ({ name, fundingProgramme: 'ESF+ 2021–2027', esfOperationId: `E2E-${name}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, ...more });
  const consent = (who: string, givenOn = '2023-04-19') => written(`/people/${people[who]}/consents`, { purpose: 'future-workshops', givenOn, source: 'form', wordingVersion: 'registration-form-2023-v1' });
  const list = async (workshopId: string, query = '') => (await api.get<OutreachAnswer>(`/workshops/${workshopId}/outreach?consistentWith=${position}${query}`)).body;

  beforeAll(async () => {
    api = await apiHarness();
    university = (await written('/organizations', { name: 'Lapin ammattikorkeakoulu', sector: 'higher-education', municipality: 'Kemi', region: 'Lappi' })).id;
    for (const [key, name] of Object.entries({ aino: 'Aino Virtanen', bert: 'Bertil Nyström', cilla: 'Cilla Korhonen', dani: 'Dani Heikkinen', eero: 'Eero Laine', fanni: 'Fanni Mäki', gus: 'Gus Ahonen' })) {
      people[key] = (await written('/people', { name, email: `${key}@example.org`, organizationId: key === 'aino' ? university : null })).id;
    }
    chain2023 = (await written('/chains', chain('Ketju 2023', 2023))).id;
    rauma = (await written('/workshops', { ...KEMI_WORKSHOP, ...on('2023-04-19'), title: 'Rauma', chainId: chain2023 })).id;
    kemi = (await written('/workshops', { ...KEMI_WORKSHOP, ...on('2023-09-12'), title: 'Kemi', chainId: chain2023, capacity: 3 })).id;
    await written(`/workshops/${rauma}/registration/open`, {});
    const seats: Record<string, string> = {};
    for (const who of ['aino', 'bert', 'cilla', 'dani', 'eero', 'fanni']) {
      seats[who] = (await written(`/workshops/${rauma}/registrations`, { personId: people[who], organizationId: who === 'aino' ? university : null, attendanceMode: 'on-site' })).id;
    }
    // Gus helps run Rauma (a host): staff are not past participants.
    await written(`/workshops/${rauma}/registrations`, { personId: people['gus'], organizationId: null, attendanceMode: 'on-site', role: 'host' });
    await written(`/workshops/${rauma}/held`, { heldOn: '2023-04-19' });
    await written(`/workshops/${rauma}/attendance`, { attendees: ['aino', 'bert', 'cilla'].map((who) => ({ registrationId: seats[who], mode: 'on-site' })) });
    // Aino, Bert, Dani and Eero consented (Aino and Bert as they registered); Dani withdrew by e-mail; Cilla never did;
    // Eero was erased; Fanni registered for Kemi already.
    for (const who of ['aino', 'bert', 'dani', 'eero', 'gus']) await consent(who);
    await written(`/people/${people['dani']}/consents/withdraw`, { purpose: 'future-workshops', withdrawnOn: '2023-06-01', source: 'e-mail' });
    await written(`/people/${people['eero']}/erase`, { reason: 'data subject request (GDPR Art. 17)' });
    await written(`/workshops/${kemi}/registration/open`, {});
    await written(`/workshops/${kemi}/registrations`, { personId: people['fanni'], organizationId: null, attendanceMode: 'on-site' });
  }, 60_000);
  afterAll(() => api.close());

  it('lists the past participants who consented, with what they took part in, their organisation and consent; the rest counted by reason', async () => {
    const answer = await list(kemi);

    expect(answer.drawnFrom).toEqual([{ chainId: chain2023, name: 'Ketju 2023', workshops: [{ workshopId: rauma, title: 'Rauma', startsAt: expect.stringContaining('2023-04-19') }] }]);
    expect(answer.people.map((p) => [p.name, p.email])).toEqual([
      ['Aino Virtanen', 'aino@example.org'],
      ['Bertil Nyström', 'bert@example.org'],
    ]);
    expect(answer.people[0]).toMatchObject({
      personId: people['aino'],
      organization: { organizationId: university, name: 'Lapin ammattikorkeakoulu' },
      tookPart: [{ workshopId: rauma, title: 'Rauma', attended: true }],
      consent: { on: '2023-04-19', source: 'form', wordingVersion: 'registration-form-2023-v1' },
      alreadyTold: null,
    });
    expect(answer.excluded).toEqual({ total: 4, byReason: { erased: 1, 'already-registered': 1, withdrawn: 1, 'no-consent': 1 } });
  });

  it('exports the list as CSV for the mailing tool; reading it is recorded in the access log like the JSON', async () => {
    const logged = async () =>
      (await api.get<{ accesses: Array<{ people: string[]; endpoint: { route: string } }> }>(`/audit/access-log?personId=${people['bert']}`, { as: 'auditor' })).body.accesses.filter(
        (entry) => entry.endpoint.route === '/workshops/:id/outreach',
      );
    const before = await logged();
    const answer = await api.get<string>(`/workshops/${kemi}/outreach?format=csv&consistentWith=${position}`);
    const [header, ...rows] = answer.body.trimEnd().split('\n');
    const after = await logged();

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(header).toBe('person_id,name,email,organization_id,organization,workshops,attended,consent_since,consent_source,consent_wording_version,already_told_on');
    expect(rows).toEqual([
      `${people['aino']},Aino Virtanen,aino@example.org,${university},Lapin ammattikorkeakoulu,Rauma (2023-04-19),1,2023-04-19,form,registration-form-2023-v1,`,
      `${people['bert']},Bertil Nyström,bert@example.org,,,Rauma (2023-04-19),1,2023-04-19,form,registration-form-2023-v1,`,
    ]);
    expect(after.length).toBe(before.length + 1);
    // The log names people by pseudonym: two people revealed, as the CSV's two rows.
    expect(after.at(-1)!.people).toHaveLength(2);
  });

  it('is back-office only (personal data): analysts and auditors get 403', async () => {
    expect((await api.get(`/workshops/${kemi}/outreach`, { as: 'analyst' })).status).toBe(403);
    expect((await api.get(`/workshops/${kemi}/outreach`, { as: 'auditor' })).status).toBe(403);
  });

  it('refuses an outreach to someone without consent (422 CONSENT.NOT_GIVEN naming the person and why), appending nothing', async () => {
    const withdrawn = await refused(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-08-21', personIds: [people['aino'], people['dani']] });
    const never = await refused(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-08-21', personIds: [people['cilla']] });
    const erased = await refused(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-08-21', personIds: [people['eero']] });
    const twice = await refused(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-08-21', personIds: [people['aino'], people['aino']] });

    expect([withdrawn.status, withdrawn.body.code, withdrawn.body.details]).toEqual([422, 'CONSENT.NOT_GIVEN', expect.objectContaining({ personId: people['dani'], reason: 'withdrawn' })]);
    expect([never.status, never.body.code, never.body.details]).toEqual([422, 'CONSENT.NOT_GIVEN', expect.objectContaining({ personId: people['cilla'], reason: 'no-consent' })]);
    expect([erased.status, erased.body.code]).toEqual([409, 'PERSON.ERASED']);
    expect([twice.status, twice.body.errors?.map((e) => e.field)]).toEqual([400, ['body.personIds']]);
  });

  it('records an outreach to the list as it stands (personIds omitted), dated by sentOn; the list then shows who was told', async () => {
    const sent = await written(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-08-21', note: 'Invitation to Kemi' });
    const [event] = (await api.store().readStream(workshopStream(kemi))).filter((e) => e.type === 'OutreachRecorded');
    const answer = await list(kemi);

    expect(event!.data).toEqual({ workshopId: kemi, outreachId: sent.id, channel: 'e-mail', sentOn: '2023-08-21', personIds: [people['aino'], people['bert']], note: 'Invitation to Kemi', firstContacts: 2, recordedAt: '2023-08-21T12:00:00.000Z' });
    expect(event!.metadata.occurredAt).toBe('2023-08-21T12:00:00.000Z');
    expect(answer.people.map((p) => p.alreadyTold)).toEqual([expect.objectContaining({ outreachId: sent.id, sentOn: '2023-08-21' }), expect.objectContaining({ outreachId: sent.id })]);
    expect(answer.outreaches).toEqual([expect.objectContaining({ outreachId: sent.id, channel: 'e-mail', people: 2, firstContacts: 2, registrations: 0 })]);
  });

  it('attributes a registration that follows the outreach: the registrations list names it, the chain view counts the returning participant it brought', async () => {
    const [outreach] = (await list(kemi)).outreaches;
    const registration = await written(`/workshops/${kemi}/registrations`, { personId: people['aino'], organizationId: university, attendanceMode: 'on-site' });
    await written(`/workshops/${kemi}/held`, { heldOn: '2023-09-12' });
    await written(`/workshops/${kemi}/attendance`, { attendees: [{ registrationId: registration.id, mode: 'on-site' }] });

    const registrations = await api.get<{ registrations: Array<{ registrationId: string; outreachId: string | null }> }>(`/workshops/${kemi}/registrations?consistentWith=${position}`);
    const chainView = await api.get<{ workshops: Array<{ workshopId: string; outreach: Record<string, number> }>; totals: { outreach: Record<string, number> } }>(`/chains/${chain2023}?consistentWith=${position}`);
    const after = await list(kemi);

    expect(registrations.body.registrations.map((r) => [r.registrationId, r.outreachId])).toEqual([
      [expect.any(String), null],
      [registration.id, outreach!.outreachId],
    ]);
    expect(chainView.body.workshops.find((w) => w.workshopId === kemi)?.outreach).toEqual({ outreaches: 1, peopleReached: 2, registered: 1, attended: 1 });
    expect(chainView.body.totals.outreach).toEqual({ outreaches: 1, peopleReached: 2, registered: 1, attended: 1 });
    expect(after.outreaches[0]?.registrations).toBe(1);
    expect(after.excluded.byReason['already-registered']).toBe(2);
  });

  it('refuses once the workshop was held (409 WORKSHOP.ALREADY_HELD), and an empty list as it stands (422 OUTREACH.NOBODY_TO_TELL)', async () => {
    const held = await refused(`/workshops/${kemi}/outreach`, { channel: 'e-mail', sentOn: '2023-09-13', personIds: [people['bert']] });
    chain2024 = (await written('/chains', chain('Ketju 2024', 2024, { followsChainId: chain2023 }))).id;
    pori2024 = (await written('/workshops', { ...KEMI_WORKSHOP, ...on('2024-06-05'), title: 'Pori 2024', access: 'invitation-only', chainId: chain2024 })).id;
    const empty = await refused(`/workshops/${pori2024}/outreach`, { channel: 'e-mail', sentOn: '2024-05-02' });

    expect([held.status, held.body.code]).toEqual([409, 'WORKSHOP.ALREADY_HELD']);
    expect([empty.status, empty.body.code]).toEqual([422, 'OUTREACH.NOBODY_TO_TELL']);
  });

  it('draws on earlier chains when asked; an outreach to an invitation-only workshop invites the people told', async () => {
    const own = await list(pori2024);
    const withEarlier = await list(pori2024, '&includeEarlierChains=true');
    await written(`/workshops/${pori2024}/outreach`, { channel: 'phone', sentOn: '2024-05-02', includeEarlierChains: true });
    const invited = (await api.store().readStream(workshopStream(pori2024))).filter((e) => e.type === 'PersonInvited').map((e) => (e.data as { personId: string }).personId);
    await written(`/workshops/${pori2024}/registration/open`, {});
    const registered = await api.post<Written & Problem>(`/workshops/${pori2024}/registrations`, { personId: people['bert'], organizationId: null, attendanceMode: 'on-site' });
    const notInvited = await refused(`/workshops/${pori2024}/registrations`, { personId: people['cilla'], organizationId: null, attendanceMode: 'on-site' });

    expect([own.people, own.drawnFrom.map((c) => c.chainId)]).toEqual([[], [chain2024]]);
    expect(withEarlier.drawnFrom.map((c) => [c.chainId, c.workshops.length])).toEqual([
      [chain2024, 0],
      [chain2023, 2],
    ]);
    // Aino attended both 2023 workshops; Fanni registered for Kemi but never consented.
    expect(withEarlier.people.map((p) => [p.name, p.tookPart.map((w) => w.title)])).toEqual([
      ['Aino Virtanen', ['Rauma', 'Kemi']],
      ['Bertil Nyström', ['Rauma']],
    ]);
    expect(invited.sort()).toEqual([people['aino'], people['bert']].sort());
    expect(registered.status).toBe(201);
    expect([notInvited.status, notInvited.body.code]).toEqual([409, 'WORKSHOP.NOT_INVITED']);
  });
});
