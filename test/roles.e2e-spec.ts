import type { EsfIndicators } from '@kuhina/application';
import { apiHarness, type ApiHarness, type Problem, type Written } from './support/api-harness';
import { KEMI_WORKSHOP } from './support/workshop-fixtures';

// Issue 14, points 1 and 2, as the hub's staff and an auditor meet them over HTTP: the core team, partner staff and
// speakers register in their roles, take no seat and never count as ESF+ participants; the hub's own organisation is
// never a supported one; a street event's citizens are a tally with their input.

interface StaffCount {
  registered: number;
  attended: number;
}
type Staff = Record<'organiser' | 'host' | 'speaker', StaffCount>;
interface WorkshopDetail {
  counts: { registered: number; waitlisted: number; attended: number; staff: Staff };
  programme: Array<{ registrationId: string; organizationId: string | null; topic: string | null; paid: boolean; status: string; attended: boolean }>;
  detail: { citizenInput: { citizensHeard: number; inputs: Array<{ countingMethod: string | null }> } };
}
interface ChainView {
  hubOrganizationId: string | null;
  chainMeetings: { partner: number; coreTeam: number };
  workshops: Array<{ workshopId: string; registrations: { registered: number }; staff: Staff; newOrganizationIds: string[]; citizensHeard: number }>;
  totals: { staff: Staff; uniqueParticipants: number; organizationsReached: number; planningMeetings: { partner: number; coreTeam: number } };
}

describe('HTTP: roles at a workshop, the hub organisation, street-event tallies', () => {
  let api: ApiHarness;
  let hub: string;
  let msl: string;
  let ngo: string;
  let chainId: string;
  beforeAll(async () => {
    api = await apiHarness();
    const organization = async (name: string, sector: string) => (await api.post<Written>('/organizations', { name, sector, municipality: 'Helsinki', region: 'Uusimaa' })).body.id;
    hub = await organization('Sosiaalisten innovaatioiden osaamiskeskus', 'public-administration');
    msl = await organization('Maaseudun Sivistysliitto (MSL)', 'ngo');
    ngo = await organization('Osallisuuden Areena ry', 'ngo');
    const chain = await api.post<Written>('/chains', {
      name: 'Roles chain',
      fundingProgramme: 'ESF+ 2021–2027',
      esfOperationId: 'E2E-ROLES',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      hubOrganizationId: hub,
    });
    expect(chain.status).toBe(201);
    chainId = chain.body.id;
  });
  afterAll(() => api.close());

  const consistent = async () => `consistentWith=${await api.headPosition()}`;
  const plan = async (body: Record<string, unknown>): Promise<string> => {
    const planned = await api.post<Written>('/workshops', { ...KEMI_WORKSHOP, chainId, ...body });
    expect(planned.status).toBe(201);
    return planned.body.id;
  };
  const register = (workshopId: string, name: string, body: Record<string, unknown>) =>
    api.post<Written & Problem & { status: string }>(`/workshops/${workshopId}/registrations`, { person: { name }, attendanceMode: 'on-site', ...body });

  describe('a co-development workshop run by the core team, a partner host and a speaker', () => {
    let workshopId: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      workshopId = await plan({ capacity: 1 });
      // Staff register before registration opens: they run the workshop, and take no seat.
      for (const [key, name, body] of [
        ['core', 'Kaisa Ydintiimi', { role: 'organiser', organizationId: hub }],
        ['host', 'Heikki Isäntä', { role: 'host', organizationId: msl }],
        ['speaker', 'Sanna Puhuja', { role: 'speaker', organizationId: ngo, speaker: { topic: 'Validation framework' } }],
      ] as const) {
        const answer = await register(workshopId, name, body);
        expect([key, answer.status, answer.body.status]).toEqual([key, 201, 'registered']);
        ids[key] = answer.body.id;
      }
      expect((await api.post(`/workshops/${workshopId}/registration/open`, {})).status).toBe(200);
      const participant = await register(workshopId, 'Pekka Osallistuja', { organizationId: ngo });
      const second = await register(workshopId, 'Liisa Jonossa', {});
      expect([participant.body.status, second.body.status]).toEqual(['registered', 'waitlisted']);
      ids.participant = participant.body.id;
      expect((await api.post(`/workshops/${workshopId}/held`, { heldOn: '2023-09-12' })).status).toBe(200);
      const attendees = ['core', 'host', 'speaker', 'participant'].map((key) => ({ registrationId: ids[key], mode: 'on-site' }));
      expect((await api.post(`/workshops/${workshopId}/attendance`, { attendees })).status).toBe(200);
    });

    it('counts the one participant against the one seat, and the people who ran it apart by role', async () => {
      const { body } = await api.get<WorkshopDetail>(`/workshops/${workshopId}?${await consistent()}`);

      expect(body.counts).toMatchObject({ registered: 1, waitlisted: 1, attended: 1 });
      expect(body.counts.staff).toEqual({ organiser: { registered: 1, attended: 1 }, host: { registered: 1, attended: 1 }, speaker: { registered: 1, attended: 1 } });
    });

    it('lists the speaker on the programme, unpaid unless said otherwise, without personal data', async () => {
      const { body } = await api.get<WorkshopDetail>(`/workshops/${workshopId}?${await consistent()}`, { as: 'analyst' });

      expect(body.programme).toEqual([{ registrationId: ids.speaker, organizationId: ngo, topic: 'Validation framework', paid: false, status: 'registered', attended: true }]);
      expect(JSON.stringify(body)).not.toContain('Sanna');
    });

    it('shows the roles in the chain view, leaving the hub organisation out of the organisations reached', async () => {
      const { body } = await api.get<ChainView>(`/chains/${chainId}?${await consistent()}`);
      const workshop = body.workshops.find((w) => w.workshopId === workshopId)!;

      expect(body.hubOrganizationId).toBe(hub);
      expect(workshop.registrations.registered).toBe(1);
      expect(workshop.staff.organiser).toEqual({ registered: 1, attended: 1 });
      expect(workshop.newOrganizationIds).toEqual(expect.arrayContaining([msl, ngo]));
      expect(workshop.newOrganizationIds).not.toContain(hub);
      expect(body.totals.uniqueParticipants).toBe(1);
    });

    it('gives the auditor participants only as ESF+ participants, and the others by role', async () => {
      const { body } = await api.get<EsfIndicators>(`/audit/indicators?chainId=${chainId}`, { as: 'auditor' });

      expect(body.participants.total.value).toBe(1);
      expect([body.countedApart.byRole.organiser.value, body.countedApart.byRole.host.value, body.countedApart.byRole.speaker.value]).toEqual([1, 1, 1]);
      expect(body.countedApart.hubOrganization).toEqual({ organizationId: hub, name: 'Sosiaalisten innovaatioiden osaamiskeskus' });
      expect(body.organizations.total.organizations.map((o) => o.organizationId)).not.toContain(hub);
      expect(body.organizations.total.organizations.map((o) => o.organizationId)).toEqual(expect.arrayContaining([msl, ngo]));
    });

    it('refuses speaker details for anyone but a speaker, and an unknown role, naming the field', async () => {
      const before = await api.headPosition();
      const details = await register(workshopId, 'Väärä Puhuja', { speaker: { topic: 'x' } });
      const role = await register(workshopId, 'Vieras', { role: 'visitor' });

      expect([details.status, details.body.code]).toEqual([400, 'REGISTRATION.INVALID_FIELD']);
      expect([role.status, role.body.errors?.[0]?.field]).toEqual([400, 'body.role']);
      expect(await api.headPosition()).toBe(before);
    });
  });

  describe('a street event: citizens are a tally with their input, partner staff are hosts', () => {
    let streetId: string;
    beforeAll(async () => {
      streetId = await plan({ title: 'Penkkikahvila', kind: 'street-event', format: 'in-person', capacity: null, startsAt: '2023-06-14T11:00:00+03:00', endsAt: '2023-06-14T17:00:00+03:00' });
      expect((await api.post(`/workshops/${streetId}/registration/open`, {})).status).toBe(200);
    });

    it('refuses a citizen registration with 422 and changes nothing; takes the partner staff as hosts', async () => {
      const before = await api.headPosition();
      const citizen = await register(streetId, 'Kadulla Kulkija', {});
      expect([citizen.status, citizen.body.code]).toEqual([422, 'REGISTRATION.STREET_EVENT_CITIZEN']);
      expect(await api.headPosition()).toBe(before);

      const host = await register(streetId, 'Mirja Penkki', { role: 'host', organizationId: msl });
      expect(host.status).toBe(201);
    });

    it('asks how the citizens were counted, and counts citizens heard from the tallies only', async () => {
      const input = { topic: 'Mikä tekisi arjesta parempaa?', summary: 'Kohtaamispaikkoja', citizensHeard: 126 };
      const missing = await api.post<Problem>(`/workshops/${streetId}/citizen-input`, input);
      expect([missing.status, missing.body.errors?.map((e) => e.field)]).toEqual([400, ['body.countingMethod']]);

      expect((await api.post(`/workshops/${streetId}/citizen-input`, { ...input, countingMethod: 'tally' })).status).toBe(201);
      const { body } = await api.get<WorkshopDetail>(`/workshops/${streetId}?${await consistent()}`);
      expect(body.detail.citizenInput.citizensHeard).toBe(126);
      expect(body.detail.citizenInput.inputs.map((i) => i.countingMethod)).toEqual(['tally']);
      expect(body.counts).toMatchObject({ registered: 0, staff: { host: { registered: 1, attended: 0 } } });
      const indicators = (await api.get<EsfIndicators>(`/audit/indicators?chainId=${chainId}`, { as: 'auditor' })).body;
      expect(indicators.countedApart.streetEventCitizens).toMatchObject({ value: 126, byCountingMethod: expect.objectContaining({ tally: 126 }) });
    });
  });

  describe('planning meetings of the chain as a whole', () => {
    it('counts the core team’s chain-level meetings beside the workshops’ own, once per meeting id', async () => {
      const meeting = { heldOn: '2023-03-02', kind: 'core-team', online: true, organizationIds: [], notes: 'Weekly core-team meeting' };
      const first = await api.post<Written>(`/chains/${chainId}/planning-meetings`, meeting);
      const retry = await api.post<Written>(`/chains/${chainId}/planning-meetings`, { ...meeting, id: first.body.id });
      const partner = await api.post<Written>(`/chains/${chainId}/planning-meetings`, { ...meeting, kind: 'partner', organizationIds: [msl] });
      expect([first.status, retry.status, partner.status]).toEqual([201, 201, 201]);

      const { body } = await api.get<ChainView>(`/chains/${chainId}?${await consistent()}`);
      expect(body.chainMeetings).toEqual({ partner: 1, coreTeam: 1 });
      expect(body.totals.planningMeetings).toEqual({ partner: 1, coreTeam: 1 });
    });

    it('refuses a meeting with an unknown organisation (404) and appends nothing', async () => {
      const before = await api.headPosition();
      const answer = await api.post<Problem>(`/chains/${chainId}/planning-meetings`, { heldOn: '2023-03-09', kind: 'partner', online: false, organizationIds: ['7c1b0f5e-4b7a-4f63-9d55-3c1e2a9b8d70'] });
      expect([answer.status, answer.body.code]).toEqual([404, 'ORGANIZATION.NOT_FOUND']);
      expect(await api.headPosition()).toBe(before);
    });
  });
});
