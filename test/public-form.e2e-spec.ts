import { workshopStream } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Written } from './support/api-harness';

// Issue 19 over HTTP (the pages themselves are tested in Chromium: ui-public-form): the form's set-up by the back office,
// what a submission writes (answers sealed, consents from the form) and what a refused one does not, the same answer for
// a known e-mail, revoked links, invitations, the per-link limit, the presenters' digest.

const WEBINAR = {
  title: 'Webinaari: validointikehys',
  theme: 'Social innovation validation',
  method: 'Webinar with advance questions',
  kind: 'information-event',
  format: 'webinar',
  location: null,
  startsAt: '2027-03-15T12:00:00+02:00',
  endsAt: '2027-03-15T14:00:00+02:00',
  targetGroups: ['developers'],
  access: 'open',
  capacity: 2,
};
const QUESTIONS = [
  { questionId: 'advance', kind: 'advance-questions', label: { fi: 'Ennakkokysymykset puhujille', en: 'Questions for the speakers' }, required: false },
  { questionId: 'wishes', kind: 'text', label: { fi: 'Toiveet osaamiskeskukselle', en: 'Wishes for the competence centre' }, required: true },
];

describe('HTTP: the public registration form (issue 19)', () => {
  let api: ApiHarness;
  let position = '0';
  const written = async (url: string, body: unknown): Promise<Written & { path?: string }> => {
    const answer = await api.post<Written & { path?: string }>(url, body);
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    position = answer.body.position;
    return answer.body;
  };
  const form = (path: string, fields: Record<string, string>, lang = 'en') =>
    api.request<string>('POST', `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { as: null, rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const person = (name: string, more: Record<string, string> = {}) => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org`, 'answers.wishes': `More webinars, says ${name}`, 'answers.advance': 'How is a pilot validated?\nWho funds it?', ...more });
  const cancelLink = (html: string) => /\/r\/cancel\/[A-Za-z0-9_-]{64}/.exec(html)?.[0];
  const unchanged = async <T>(send: () => Promise<T>): Promise<T> => {
    const before = await api.headPosition();
    const answer = await send();
    expect(await api.headPosition()).toBe(before);
    return answer;
  };
  const newWorkshop = async (more: Record<string, unknown> = {}): Promise<{ workshopId: string; path: string; linkId: string }> => {
    const workshopId = (await written('/workshops', { ...WEBINAR, chainId: null, ...more })).id;
    await written(`/workshops/${workshopId}/registration/open`, {});
    await written(`/workshops/${workshopId}/registration-form`, { questions: QUESTIONS });
    const link = await written(`/workshops/${workshopId}/registration-links`, {});
    return { workshopId, path: link.path!, linkId: link.id };
  };

  beforeAll(async () => {
    api = await apiHarness();
  }, 60_000);
  afterAll(() => api.close());

  it('sets up the form: questions and a link whose path is a 64-character token; the back office lists it again', async () => {
    const { workshopId, path, linkId } = await newWorkshop();
    const links = await api.get<{ questions: unknown[]; links: Array<{ linkId: string; path: string; active: boolean }> }>(`/workshops/${workshopId}/registration-links?consistentWith=${position}`);

    expect(path).toMatch(/^\/r\/[A-Za-z0-9_-]{64}$/);
    expect(links.body.links).toEqual([expect.objectContaining({ linkId, path, active: true })]);
    expect(links.body.questions).toHaveLength(2);
    expect((await api.post(`/workshops/${workshopId}/registration-links`, {}, { as: 'analyst' })).status).toBe(403);
  });

  it('a page posts to the link it was opened by (a second link is credited with its own registrations)', async () => {
    const { workshopId } = await newWorkshop();
    const second = await written(`/workshops/${workshopId}/registration-links`, {});
    const page = await api.request<string>('GET', `${second.path!}?consistentWith=${position}`, { as: null });
    const action = /<form method="post" action="([^"?]+)/.exec(page.body)?.[1];
    await form(action!, person('Iiris Ylönen'));
    const list = await api.get<{ registrations: Array<{ viaForm: { linkId: string } | null }> }>(`/workshops/${workshopId}/registrations`);

    expect(action).toBe(second.path);
    expect(list.body.registrations.map((r) => r.viaForm?.linkId)).toEqual([second.id]);
  });

  it('registers from the form: the answers sealed in the registration (never in clear in the log), the consents ticked given from the form', async () => {
    const { workshopId, path, linkId } = await newWorkshop();
    const answer = await form(path, person('Aino Virtanen', { consentFutureWorkshops: 'on' }));
    const events = await api.store().readStream(workshopStream(workshopId));
    const registered = events.find((e) => e.type === 'ParticipantRegistered')!;
    const everything = JSON.stringify(await api.store().readAll(0n, 10_000), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(cancelLink(answer.body)).toBeDefined();
    expect(registered.data).toMatchObject({ form: { linkId, answers: { alg: 'A256GCM' } }, attendanceMode: 'remote', expectations: null, advanceQuestions: [] });
    expect(everything).not.toContain('More webinars, says Aino');
    expect(everything).not.toContain('Who funds it?');
    expect(everything).toContain('"wordingVersion":"public-form-1-en"');
  });

  it('a refused submission answers the form again (400) with the fields named, and writes nothing, not even the person', async () => {
    const { path } = await newWorkshop();
    const answer = await unchanged(() => form(path, person('Bert Nyström', { email: 'bert-at-example', 'answers.wishes': '' })));

    expect(answer.status).toBe(400);
    expect(answer.body).toContain('id="field-email"');
    expect(answer.body).toMatch(/aria-invalid="true"/);
  });

  it('a bot filling the hidden field gets the page a person gets, and nothing is written', async () => {
    const { path } = await newWorkshop();
    const answer = await unchanged(() => form(path, person('Spam Bot', { website: 'http://spam.example' })));
    expect([answer.status, cancelLink(answer.body) !== undefined]).toEqual([200, true]);
  });

  it('answers an e-mail already registered exactly as a new one (nothing learnt, nothing written), with a link that cancels nothing', async () => {
    const { workshopId, path } = await newWorkshop();
    const first = await form(path, person('Cilla Korhonen'));
    const again = await unchanged(() => form(path, person('Cilla Korhonen')));
    const tokenless = (html: string) => html.replace(/\/r\/cancel\/[A-Za-z0-9_-]{64}/g, '/r/cancel/…');
    const dud = await api.request<string>('POST', cancelLink(again.body)!, { as: null });
    const list = await api.get<{ registrations: Array<{ status: string }> }>(`/workshops/${workshopId}/registrations`);

    expect(again.status).toBe(first.status);
    expect(tokenless(again.body)).toBe(tokenless(first.body));
    expect(dud.status).toBe(200);
    expect(list.body.registrations.map((r) => r.status)).toEqual(['registered']);
  });

  it('a revoked link shows the form to nobody and registers nobody', async () => {
    const { workshopId, path, linkId } = await newWorkshop();
    await written(`/workshops/${workshopId}/registration-links/${linkId}/revoke`, { reason: 'Shared on the wrong list' });
    const shown = await api.request<string>('GET', `${path}?consistentWith=${position}`, { as: null });
    const posted = await unchanged(() => form(path, person('Dani Heikkinen')));
    const forged = await api.request<string>('GET', `/r/${'A'.repeat(64)}`, { as: null });

    expect([shown.status, posted.status, forged.status]).toEqual([404, 404, 404]);
  });

  it('an invitation-only workshop needs the personal invitation; with it the invited person registers', async () => {
    const { workshopId, path } = await newWorkshop({ access: 'invitation-only' });
    const eero = (await written('/people', { name: 'Eero Laine', email: 'eero@example.org' })).id;
    await written(`/workshops/${workshopId}/invitations`, { personId: eero });
    const personal = (await api.get<{ links: Array<{ path: string }> }>(`/workshops/${workshopId}/registration-links?personId=${eero}`)).body.links[0]!.path;
    const without = await unchanged(() => form(path, person('Eero Laine')));
    const withIt = await form(personal, person('Eero Laine'));
    const list = await api.get<{ registrations: Array<{ personId: string }> }>(`/workshops/${workshopId}/registrations`);

    expect(without.status).toBe(403);
    expect(withIt.status).toBe(200);
    expect(list.body.registrations.map((r) => r.personId)).toEqual([eero]);
  });

  it('the presenters\' digest lists the advance questions and answers without names, and forgets an erased person\'s', async () => {
    const { workshopId, path } = await newWorkshop();
    await form(path, person('Fanni Mäki', { 'answers.advance': 'What does validation cost?', 'answers.wishes': 'Regional meetings' }));
    await form(path, person('Gus Ahonen', { 'answers.advance': 'Who validates?', 'answers.wishes': 'A newsletter' }));
    const gus = (await api.get<{ registrations: Array<{ personId: string; person: { name: string } }> }>(`/workshops/${workshopId}/registrations`)).body.registrations.find((r) => r.person.name === 'Gus Ahonen')!.personId;
    const digest = await api.get<{ advanceQuestions: string[]; questions: Array<{ answers: string[] }> }>(`/workshops/${workshopId}/questions`, { as: 'analyst' });
    const erasure = await written(`/people/${gus}/erase`, { reason: 'data subject request' });
    const after = await api.get<{ advanceQuestions: string[] }>(`/workshops/${workshopId}/questions?consistentWith=${erasure.position}`, { as: 'analyst' });

    expect(digest.body.advanceQuestions).toEqual(['What does validation cost?', 'Who validates?']);
    expect(JSON.stringify(digest.body)).not.toMatch(/Fanni|Gus|example\.org/);
    expect(digest.body.questions[1]!.answers).toEqual(['A newsletter', 'Regional meetings']);
    expect(after.body.advanceQuestions).toEqual(['What does validation cost?']);
  });

  it('keeps form bodies to the form: a JSON route answers one 415, a body over 64 KiB is 413', async () => {
    const { path } = await newWorkshop();
    const json = await api.request('POST', '/organizations', { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const big = await unchanged(() => form(path, person('Hilla Huge', { 'answers.wishes': 'x'.repeat(70_000) })));
    expect([json.status, big.status]).toEqual([415, 413]);
  });
});

describe('HTTP: hostile requests to the public form', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  }, 60_000);
  afterAll(() => api.close());

  it('never answers 5xx, and writes nothing, whatever the token, body, content type or method', async () => {
    const workshopId = (await api.post<Written>('/workshops', { ...WEBINAR, chainId: null })).body.id;
    await api.post(`/workshops/${workshopId}/registration/open`, {});
    await api.post(`/workshops/${workshopId}/registration-form`, { questions: QUESTIONS });
    const path = (await api.post<{ path: string }>(`/workshops/${workshopId}/registration-links`, {})).body.path;
    const token = path.slice(3);
    const before = await api.headPosition();
    const tokens = [token, token.toUpperCase(), `${token}x`, '', '%00', '..%2F..%2Fetc%2Fpasswd', 'A'.repeat(5000), encodeURIComponent('<script>'), `${token}?lang=<script>`, `${token}?lang[]=en&invitation[a]=1`];
    const bodies: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', 'name=%E0%A4%A&email=%ZZ'],
      ['application/x-www-form-urlencoded', `${'x'.repeat(300)}=1&answers.__proto__=1&constructor=2&name=&website=`],
      ['application/x-www-form-urlencoded', 'name=A&name=B&email=a@example.org&email[]=x'],
      ['application/json', '{"name":["Aino"],"email":{"$ne":null},"answers.wishes":7}'],
      ['application/json', '[1,2,3]'],
      ['text/plain', 'hello'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nA\r\n--x--'],
    ];
    const statuses = new Set<number>();
    for (const t of tokens) {
      for (const url of [`/r/${t}`, `/r/cancel/${t}`]) {
        statuses.add((await api.request('GET', url, { as: null })).status);
        for (const [type, body] of bodies) statuses.add((await api.request('POST', url, { as: null, rawBody: body, headers: { 'content-type': type } })).status);
        statuses.add((await api.request('PUT', url, { as: null, rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status);
      }
    }
    expect([...statuses].filter((status) => status >= 500)).toEqual([]);
    // The valid token with malformed bodies is answered with the form again (400), nothing registered.
    expect(statuses.has(400)).toBe(true);
    expect(await api.headPosition()).toBe(before);
  }, 60_000);
});

describe('HTTP: the public form\'s limit per link', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    process.env.KUHINA_FORM_SUBMISSIONS_PER_LINK = '3';
    api = await apiHarness();
  }, 60_000);
  afterAll(async () => {
    delete process.env.KUHINA_FORM_SUBMISSIONS_PER_LINK;
    await api.close();
  });

  it('refuses the submissions past the limit with 429, writing nothing', async () => {
    const workshopId = (await api.post<Written>('/workshops', { ...WEBINAR, chainId: null, capacity: null })).body.id;
    await api.post(`/workshops/${workshopId}/registration/open`, {});
    await api.post(`/workshops/${workshopId}/registration-form`, { questions: [] });
    const path = (await api.post<{ path: string }>(`/workshops/${workshopId}/registration-links`, {})).body.path;
    const send = (n: number) =>
      api.request<string>('POST', `${path}?lang=fi`, { as: null, rawBody: new URLSearchParams({ name: `Osallistuja ${n}`, email: `p${n}@example.org` }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const statuses = [];
    for (let n = 1; n <= 3; n++) statuses.push((await send(n)).status);
    const before = await api.headPosition();
    const fourth = await send(4);

    expect([...statuses, fourth.status]).toEqual([200, 200, 200, 429]);
    expect(await api.headPosition()).toBe(before);
  });
});
