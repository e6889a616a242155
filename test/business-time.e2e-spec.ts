import type { NetworkAnswer } from '@kuhina/analytics';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';

type OpenApi = { paths: Record<string, Record<string, { description?: string; 'x-business-date'?: { command: string | null } }>> };

// The clock of this machine is whatever it is: 2024 lies more than the 30-day margin back, and 2099 ahead.
const CHAIN_2024 = {
  name: 'Kehittämistyöpajat 2024',
  fundingProgramme: 'European Social Fund Plus (ESF+) 2021–2027',
  esfOperationId: 'DEMO-ESF-2024-001',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  description: 'Two co-development workshops, entered in one sitting afterwards.',
};

const coDevelopment = (chainId: string | null, startsAt: string, endsAt: string) => ({
  chainId,
  title: `Kehittämistyöpaja ${startsAt.slice(0, 10)}`,
  theme: 'Social innovation in municipalities',
  method: 'Futures workshop',
  kind: 'co-development',
  format: 'in-person',
  location: { venue: 'Kaupungintalo', municipality: 'Rauma', region: 'Satakunta' },
  startsAt,
  endsAt,
  targetGroups: ['NGO workers'],
  access: 'open',
  capacity: 30,
});

describe('Business time: a 2024 chain entered in one sitting today, with only the workshops’ own dates', () => {
  let api: ApiHarness;
  let chainId: string;
  let first: string;
  let second: string;
  const org: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let head: string;

  const written = async (url: string, body: unknown): Promise<Written> => {
    const answer = await api.post<Written>(url, body);
    if (answer.status >= 300) throw new Error(`${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** Registers a person described inline, from `organizationId`, and records that they attended. */
  const registration = async (workshopId: string, name: string, organizationId: string, role?: string): Promise<string> =>
    (await written(`/workshops/${workshopId}/registrations`, { person: { name, organizationId }, organizationId, attendanceMode: 'on-site', ...(role ? { role } : {}) })).id;
  const network = async (query: string, as: 'backoffice' | 'analyst' = 'backoffice') => api.get<NetworkAnswer>(`/network?chainId=${chainId}&consistentWith=${head}${query}`, { as });
  const occurredAtOf = async (stream: string): Promise<string[]> => (await api.store().readStream(stream)).map((event) => event.metadata.occurredAt);

  beforeAll(async () => {
    api = await apiHarness();
    for (const [key, name] of [['a', 'Rauman kaupunki'], ['b', 'Valmennusyhdistys ry'], ['c', 'Satakunnan ammattikorkeakoulu']] as const) {
      org[key] = (await written('/organizations', { name, sector: 'ngo', municipality: 'Rauma', region: 'Satakunta' })).id;
    }
    // Nothing below gives occurredAt except where a test says so: only the workshops' own dates.
    chainId = (await written('/chains', CHAIN_2024)).id;
    first = (await written('/workshops', coDevelopment(chainId, '2024-03-14T09:00:00+02:00', '2024-03-14T15:00:00+02:00'))).id;
    second = (await written('/workshops', coDevelopment(chainId, '2024-09-19T09:00:00+03:00', '2024-09-19T15:00:00+03:00'))).id;
    const attendees: Record<string, string[]> = { [first]: [], [second]: [] };
    for (const workshopId of [first, second]) await written(`/workshops/${workshopId}/registration/open`, {});
    attendees[first]!.push(await registration(first, 'Anna Virtanen', org.a), await registration(first, 'Bertta Mäki', org.b));
    // An organiser of the hub's partner: runs the workshop, is no participant.
    attendees[first]!.push(await registration(first, 'Cecilia Koski', org.c, 'organiser'));
    attendees[second]!.push(await registration(second, 'Bertta Mäki', org.b), await registration(second, 'Daniel Salo', org.c));
    await written(`/workshops/${first}/held`, { heldOn: '2024-03-14' });
    await written(`/workshops/${second}/held`, { heldOn: '2024-09-19' });
    for (const workshopId of [first, second]) {
      await written(`/workshops/${workshopId}/attendance`, { attendees: attendees[workshopId]!.map((registrationId) => ({ registrationId, mode: 'on-site' })) });
    }
    // A pledge sent with a date of its own, before the workshop: the tie is still the workshop's.
    await written(`/workshops/${first}/pledges`, { organizationId: org.c, kind: 'venue', description: 'Meeting room', inKindValueCents: 20_000, valuationBasis: 'Rental price', occurredAt: '2024-02-01T10:00:00+02:00' });
    await written(`/workshops/${second}/pledges`, { organizationId: org.a, kind: 'catering', description: 'Coffee', inKindValueCents: 5_000, valuationBasis: 'Receipt' });
    head = await api.headPosition();
  }, 60_000);
  afterAll(() => api.close());

  it('records every fact of a past workshop on the workshop’s own date, not the day it was typed in', async () => {
    const dates = new Set(await occurredAtOf(`workshop-${first}`));

    // Planned, opened, registered, held (closing registration), attended: all on 14 March 2024 at 09:00 local time;
    // the pledge on the date it was sent with.
    expect(dates).toEqual(new Set(['2024-03-14T07:00:00.000Z', '2024-02-01T08:00:00.000Z']));
    expect((await occurredAtOf(`chain-${chainId}`))[0]).toBe('2024-01-01T12:00:00.000Z');
  });

  it('answers asOf=2024-06-30 with the first workshop’s network only, and asOf=2024-12-31 with all', async () => {
    const june = await network('&asOf=2024-06-30');
    const december = await network('&asOf=2024-12-31');
    const live = await network('');

    expect([june.status, december.status]).toEqual([200, 200]);
    const workshops = (answer: NetworkAnswer) => answer.nodes.filter((node) => node.type === 'workshop').map((node) => node.entityId);
    expect(workshops(june.body)).toEqual([first]);
    expect(workshops(december.body)).toEqual([first, second]);
    expect(june.body.nodes.filter((node) => node.type === 'person')).toHaveLength(3);
    expect(june.body.edges.every((edge) => edge.workshops.every((workshopId) => workshopId === first))).toBe(true);
    expect(december.body.nodes.map((node) => node.id)).toEqual(live.body.nodes.map((node) => node.id));
    expect(december.body.edges.length).toBeGreaterThan(june.body.edges.length);
    // Before the chain's first workshop there is nothing yet.
    expect((await network('&asOf=2024-03-13')).body.nodes).toEqual([]);
  });

  it('dates the co-attendance tie of the first workshop 14 March 2024, and the pledge tie by its workshop, not by the date it was sent with', async () => {
    const { body } = await network('&asOf=2024-12-31');
    const [low, high] = [`org:${org.a}`, `org:${org.b}`].sort();

    const coAttendance = body.edges.find((edge) => edge.id === `co-attendance:${low}|${high}`)!;
    const pledge = body.edges.find((edge) => edge.id === `pledged:org:${org.c}|workshop:${first}`)!;
    expect(coAttendance.createdBy).toMatchObject({ workshopId: first, date: '2024-03-14T07:00:00.000Z' });
    expect(pledge.createdBy).toMatchObject({ workshopId: first, date: '2024-03-14T07:00:00.000Z' });
    expect(body.nodes.find((node) => node.id === `workshop:${second}`)).toMatchObject({ heldOn: '2024-09-19', createdBy: { date: '2024-09-19T06:00:00.000Z' } });
  });

  it('keeps the role of each end: the organiser’s ties carry it, and roles=participant leaves them out', async () => {
    const all = await network('');
    const participants = await network('&roles=participant', 'analyst');
    const organiserTie = all.body.edges.find((edge) => edge.type === 'co-attendance' && edge.workshops.includes(first) && [edge.source, edge.target].includes(`org:${org.c}`) && [edge.source, edge.target].includes(`org:${org.a}`))!;
    const cEnd = organiserTie.source === `org:${org.c}` ? organiserTie.sourceRoles : organiserTie.targetRoles;

    expect(cEnd).toEqual(['organiser']);
    expect(all.body.edges.filter((edge) => edge.type === 'participated').map((edge) => edge.role).sort()).toEqual(['organiser', 'participant', 'participant', 'participant', 'participant']);
    expect(participants.status).toBe(200);
    expect(participants.body.edges.some((edge) => edge.id === organiserTie.id)).toBe(false);
    expect(participants.body.edges.filter((edge) => edge.type === 'participated')).toHaveLength(4);
    expect(participants.body.nodes.filter((node) => node.type === 'person').every((node) => node.roles?.join() === 'participant')).toBe(true);
    const csv = await api.get<string>(`/network?chainId=${chainId}&consistentWith=${head}&format=csv`);
    expect(csv.body.split('\n')[0]).toContain('role,source_roles,target_roles');
  });

  it('refuses an unknown role with 400 naming query.roles', async () => {
    const answer = await api.get<Problem>(`/network?chainId=${chainId}&roles=participant,boss`);
    const metrics = await api.get<Problem>(`/network/metrics?chainId=${chainId}&roles=`);

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'query.roles', rule: 'isWorkshopRoles' })]);
    expect(metrics.status).toBe(400);
  });

  it('refuses a write whose date cannot be inferred, about a chain that ended long ago: 422 BUSINESS_TIME.REQUIRED naming occurredAt, nothing appended; with occurredAt it is recorded', async () => {
    const before = await api.headPosition();

    const refused = await api.post<Problem & { detail: string }>(`/chains/${chainId}/details`, { description: 'Two workshops and a follow-up.' });

    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'BUSINESS_TIME.REQUIRED',
      detail: "this chain's period ended on 2024-12-31, more than 30 days ago; give occurredAt, the date the fact happened",
      errors: [{ field: 'body.occurredAt', rule: 'required' }],
    });
    expect(await api.headPosition()).toBe(before);

    const accepted = await api.post<Written>(`/chains/${chainId}/details`, { description: 'Two workshops and a follow-up.', occurredAt: '2024-10-01T12:00:00+03:00' });
    expect(accepted.status).toBe(200);
    expect((await occurredAtOf(`chain-${chainId}`)).at(-1)).toBe('2024-10-01T09:00:00.000Z');
  });

  it('dates a fact of a workshop still ahead by the clock, never in the future', async () => {
    const startedAt = Date.now();
    const ahead = (await written('/workshops', coDevelopment(null, '2099-05-06T09:00:00+03:00', '2099-05-06T15:00:00+03:00'))).id;
    await written(`/workshops/${ahead}/registration/open`, {});

    const dates = (await occurredAtOf(`workshop-${ahead}`)).map((date) => Date.parse(date));
    expect(dates).toHaveLength(2);
    for (const date of dates) expect(date >= startedAt - 1000 && date <= Date.now()).toBe(true);
  });

  it('says on every write of the OpenAPI document which date it records and what it defaults to', async () => {
    const { body } = await api.get<OpenApi>('/docs/json');

    const writes = Object.entries(body.paths).flatMap(([path, item]) => Object.entries(item).filter(([method]) => ['post', 'put', 'patch'].includes(method)).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    expect(writes.length).toBeGreaterThan(35);
    for (const { route, operation } of writes) expect({ route, described: /\*\*Business date\.\*\* .*(records|dated)/.test(operation.description ?? '') }).toEqual({ route, described: true });
    expect(body.paths['/workshops/{id}/attendance']!.post!.description).toMatch(/`occurredAt` records when the attendance happened; without it: the workshop's date/);
    expect(body.paths['/workshops/{id}/expenses']!.post!['x-business-date']).toEqual(expect.objectContaining({ command: 'RecordExpense' }));
  });
});
