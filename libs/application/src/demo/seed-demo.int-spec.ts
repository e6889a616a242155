import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChainedEventStore, EVENT_STORE, verifyAll, type RecordedEvent } from '@kuhina/event-store';
import {
  CHAIN_LESSONS_COLLECTION,
  MemoryReadStore,
  ORGANIZATION_PROFILE_COLLECTION,
  PROJECTIONS,
  Projector,
  WORKSHOP_CHAIN_COLLECTION,
  WORKSHOP_DETAIL_COLLECTION,
  workshopLessonsKey,
  type ChainLessonsChainDocument,
  type ChainLessonsWorkshopDocument,
  type OrganizationProfileView,
  type WorkshopChainView,
  type WorkshopDetailView,
} from '@kuhina/read-model';
import { loadConfig } from '../kuhina-config';
import { KuhinaCoreModule } from '../kuhina-core.module';
import { consentOn, DomainError, type ConsentRecord } from '@kuhina/domain';
import { AuditReader } from '../audit/audit-reader';
import type { EsfIndicators } from '../audit/esf-indicators';
import type { AuditLedger } from '../audit/audit-ledger';
import { DEMO_2023, DEMO_CHAIN_ID, DEMO_NEXT_WEBINAR_ID, DEMO_NEXT_WEBINAR_LINK_ID, demoId, seedDemo, type DemoData } from './seed-demo';
import {
  DEMO_CHAIN,
  DEMO_CHAIN_COSTS,
  DEMO_COLLABORATIONS,
  DEMO_CORE_TEAM,
  DEMO_CORE_TEAM_MEETINGS,
  DEMO_HOURLY_RATES,
  DEMO_ORGANIZATIONS,
  DEMO_PEOPLE,
  DEMO_USERS,
  DEMO_WORKSHOPS,
  FIRST_NAMES,
  LAST_NAMES,
  rateCentsOf,
  type Provenance,
} from './demo-2023.data';
import { DEMO_CONSENTS, DEMO_CONTACTS, DEMO_DEBRIEFS, DEMO_OFFERS } from './demo-2023.relationships.data';

type Data = Record<string, unknown>;
const STAFF = ['organiser', 'host', 'speaker'] as const;

/** The source document, whitespace collapsed (the page has double spaces): every quote of the data must be in it. */
const DOCUMENT = readFileSync(join(__dirname, 'source', '2023-workshop-chain.fi.txt'), 'utf8').replace(/\s+/g, ' ');
const quoted = (text: string) => DOCUMENT.includes(text.replace(/\s+/g, ' ').trim());

async function readAll(store: ChainedEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after: bigint | null = null; ; ) {
    const page = await store.readAll(after, 1000);
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1]!.position;
  }
}

/** Every object of the data that says where it comes from, with where it sits. */
function provenances(value: unknown, path: string, found: Array<{ path: string; provenance: Provenance }> = []): Array<{ path: string; provenance: Provenance }> {
  if (Array.isArray(value)) value.forEach((item, i) => provenances(item, `${path}[${i}]`, found));
  else if (value !== null && typeof value === 'object') {
    if ('source' in value) found.push({ path, provenance: value as Provenance });
    for (const [key, child] of Object.entries(value)) if (key !== 'invented') provenances(child, `${path}.${key}`, found);
  }
  return found;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** What the finance user records; the coordinator records everything else. */
const FINANCE_EVENTS = new Set(['ExpenseRecorded', 'ExpenseCorrected', 'ExpenseVoided', 'ChainExpenseRecorded', 'ChainExpenseCorrected', 'ChainExpenseVoided', 'HourlyRateSet', 'StaffHoursRecorded', 'ChainStaffHoursRecorded', 'FlatRateDeclared', 'LastPaymentRecorded']);
const roleOf = (d: Data) => (d.role as string | undefined) ?? 'participant';

describe('kuhina seed demo: the real 2023 chain through the command handlers (real SQLite)', () => {
  let dir: string;
  let app: INestApplicationContext;
  let store: ChainedEventStore;
  let events: RecordedEvent[];
  let nextWebinar: RecordedEvent[];
  let firstRun: Awaited<ReturnType<typeof seedDemo>>;
  let chain: WorkshopChainView;
  let details: WorkshopDetailView[];
  let indicators: EsfIndicators;
  let ledger: AuditLedger;
  let views: MemoryReadStore;
  const ofType = (type: string) => events.filter((e) => e.type === type).map((e) => e.data as Data);
  const hubId = demoId(`organization:${DEMO_CHAIN.hubOrganization}`);
  const workshopOf = (key: string) => chain.workshops.find((w) => w.workshopId === demoId(`workshop:${key}`))!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seed-'));
    app = await NestFactory.createApplicationContext(KuhinaCoreModule.forRoot(loadConfig({ KUHINA_DATA_DIR: dir })), { logger: false });
    store = app.get(EVENT_STORE);
    firstRun = await seedDemo(app.get(CommandBus));
    // The 2023 chain's events; the next webinar (2027, outside the chain) is checked on its own.
    const all = await readAll(store);
    nextWebinar = all.filter((e) => e.stream === `workshop-${DEMO_NEXT_WEBINAR_ID}`);
    events = all.filter((e) => e.stream !== `workshop-${DEMO_NEXT_WEBINAR_ID}`);
    // The views as the API's projector builds them, and the auditor's indicators from the log (people revealed as ids).
    views = new MemoryReadStore();
    await new Projector(store, views, { projections: PROJECTIONS }).catchUp();
    chain = (await views.get<WorkshopChainView>(WORKSHOP_CHAIN_COLLECTION, DEMO_CHAIN_ID))!;
    details = await Promise.all(chain.workshops.map(async (w) => (await views.get<WorkshopDetailView>(WORKSHOP_DETAIL_COLLECTION, w.workshopId))!));
    const auditor = new AuditReader(store, Buffer.alloc(32, 7));
    indicators = await auditor.indicators(DEMO_CHAIN_ID, { revealPeople: true });
    ledger = await auditor.ledger(DEMO_CHAIN_ID, { revealPeople: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans the five workshops as the document heads them: a slash with "webinaari…" is hybrid (Kemi, Helsinki), the webinar online, all April–October 2023', () => {
    const formatOf = (heading: string) => (heading.includes('/') ? 'hybrid' : /^Työpaja\d webinaari$/.test(heading) ? 'webinar' : 'in-person');
    expect(DEMO_WORKSHOPS.filter((w) => !quoted(w.documentHeading)).map((w) => w.documentHeading)).toEqual([]);

    expect(chain.workshops.map((w) => w.location?.municipality ?? 'online')).toEqual(['Rauma', 'Pori', 'Kemi', 'Helsinki', 'online']);
    expect(chain.workshops.map((w) => w.format)).toEqual(DEMO_WORKSHOPS.map((w) => formatOf(w.documentHeading)));
    const helsinki = workshopOf('helsinki');
    expect(helsinki).toMatchObject({ format: 'hybrid', access: 'invitation-only', location: { municipality: 'Helsinki' } });
    expect(helsinki.attendance.remote).toBeGreaterThan(0);
    expect(helsinki.attendance.onSite).toBeGreaterThan(0);
    expect(chain.workshops.every((w) => w.startsAt >= '2023-04-01' && w.endsAt < '2023-11-01')).toBe(true);
    expect(chain.workshops.every((w) => w.status === 'reported')).toBe(true);
    expect(ofType('WorkshopAddedToChain').map((a) => a.workshopId)).toEqual(ofType('WorkshopPlanned').map((w) => w.workshopId));
  });

  it('dates every fact in 2023: planning from April, registrations and pledges before each workshop, what happened there on its day or after', () => {
    expect(events.filter((e) => !e.metadata.occurredAt.startsWith('2023-')).map((e) => `${e.type} ${e.metadata.occurredAt}`)).toEqual([]);
    const meetingDays = [...ofType('PlanningMeetingRecorded'), ...ofType('ChainMeetingRecorded')].map((m) => String(m.heldOn));
    expect(meetingDays.filter((d) => d < '2023-04-01' || d > '2023-10-31')).toEqual([]);

    const before = new Set(['PersonInvited', 'ParticipantRegistered', 'ParticipantWaitlisted', 'RegistrationOpened', 'ResourcePledged', 'PlanningMeetingRecorded', 'PledgeWithdrawn']);
    const onOrAfter = new Set(['WorkshopHeld', 'AttendanceRecorded', 'FeedbackSubmitted', 'CitizenInputCollected', 'CitizenInputSummaryForwarded', 'ExpenseRecorded', 'ExpenseCorrected', 'ExpenseVoided', 'PledgeFulfilled', 'WorkshopReported']);
    const misdated: string[] = [];
    for (const planned of ofType('WorkshopPlanned')) {
      const own = events.filter((e) => e.stream === `workshop-${String(planned.workshopId)}`);
      const startsAt = String(planned.startsAt);
      const plannedAt = own[0]!.metadata.occurredAt;
      // Participants register once registration is open (the people running it need no open registration).
      const openedAt = own.find((e) => e.type === 'RegistrationOpened')?.metadata.occurredAt ?? startsAt;
      for (const e of own) {
        const at = e.metadata.occurredAt;
        const early = at < plannedAt || (e.type.startsWith('Participant') && roleOf(e.data as Data) === 'participant' && at < openedAt);
        if (early || (before.has(e.type) && at >= startsAt) || (onOrAfter.has(e.type) && at.slice(0, 10) < startsAt.slice(0, 10))) misdated.push(`${e.type} ${at} (workshop ${startsAt})`);
      }
    }
    expect(misdated).toEqual([]);
  });

  it('costs 0 € … 2,600 € per workshop (the webinar 0 €), the sums of the data after corrections and voids; catering and travel largest; speakers unpaid', () => {
    const costs = chain.workshops.map((w) => w.expenses.totalCents);
    const fromData = DEMO_WORKSHOPS.map((w) => sum(w.expenses.filter((x) => !x.voided).map((x) => x.correction?.amountCents ?? x.amountCents)));

    expect(costs).toEqual(fromData);
    expect(costs.every((c) => c >= 0 && c <= 260_000)).toBe(true);
    expect(Math.min(...costs)).toBe(0);
    expect(Math.max(...costs)).toBe(260_000);
    expect(workshopOf('webinar').expenses.totalCents).toBe(0);
    const ranked = Object.entries(chain.totals.expenses.byCategory).sort((a, b) => b[1] - a[1]).map(([category]) => category);
    expect(ranked.slice(0, 2)).toEqual(['catering', 'travel']);
    expect(chain.totals.expenses.byCategory['speaker-fees']).toBeUndefined();
    const speakers = details.flatMap((d) => d.programme);
    expect(speakers).toHaveLength(sum(DEMO_WORKSHOPS.flatMap((w) => w.staff.filter((s) => s.role === 'speaker').map((s) => s.count))));
    expect(speakers.every((s) => s.paid === false && s.attended)).toBe(true);
    expect(details.find((d) => d.workshopId === demoId('workshop:webinar'))!.programme.map((s) => s.topic)).toEqual(['Sosiaalisten innovaatioiden validointikehikko']);
    expect(chain.totals.expenses.voidedCount).toBeGreaterThan(0);
    expect(chain.totals.expenses.correctedCount).toBeGreaterThan(0);
  });

  it('registers the core team as organisers at every workshop, partner staff as hosts and the speakers, as many as the data has, all attending', () => {
    for (const w of DEMO_WORKSHOPS) {
      const staffCount = (role: 'host' | 'speaker') => sum(w.staff.filter((s) => s.role === role).map((s) => s.count));
      const expected = { organiser: DEMO_CORE_TEAM.members.length, host: staffCount('host'), speaker: staffCount('speaker') };
      const { staff, registrations } = workshopOf(w.key);
      expect([w.key, staff]).toEqual([w.key, Object.fromEntries(STAFF.map((role) => [role, { registered: expected[role], attended: expected[role] }]))]);
      expect([w.key, registrations.registered + registrations.waitlisted + registrations.cancelled]).toEqual([w.key, sum(w.participants.from.map((p) => p.count))]);
    }
    expect(chain.totals.staff.organiser.attended).toBe(DEMO_CORE_TEAM.members.length * DEMO_WORKSHOPS.length);
  });

  it('counts as ESF+ participants only those who attended as participants: the core team, hosts and speakers are counted apart, by role', () => {
    const coDevelopment = new Set(ofType('WorkshopPlanned').filter((w) => w.kind === 'co-development').map((w) => String(w.workshopId)));
    const attended = ofType('AttendanceRecorded');
    const participants = new Set(attended.filter((a) => roleOf(a) === 'participant' && coDevelopment.has(String(a.workshopId))).map((a) => String(a.personId)));
    const everyone = new Set(attended.map((a) => String(a.personId)));
    const coreTeam = DEMO_CORE_TEAM.members.map((m) => demoId(`person:${m.key}`));

    expect([...indicators.participants.total.people].sort()).toEqual([...participants].sort());
    expect(indicators.participants.total.value).toBe(participants.size);
    // People who only ever ran workshops are the difference: the exclusion is not vacuous.
    expect(everyone.size - participants.size).toBeGreaterThanOrEqual(coreTeam.length + 3);
    expect(coreTeam.filter((id) => participants.has(id))).toEqual([]);
    for (const role of STAFF) {
      const people = new Set(attended.filter((a) => roleOf(a) === role).map((a) => String(a.personId)));
      expect([role, [...indicators.countedApart.byRole[role].people].sort()]).toEqual([role, [...people].sort()]);
    }
    expect([...indicators.countedApart.byRole.organiser.people].sort()).toEqual([...coreTeam].sort());
    expect(chain.totals.uniqueParticipants).toBe(participants.size);
  });

  it('registers no citizen at the Pori street event: its citizens heard are the tally of the citizen input, counted apart with the counting method', () => {
    const pori = DEMO_WORKSHOPS.find((w) => w.key === 'pori')!;
    const view = workshopOf('pori');
    const tally = pori.citizenInput!.citizensHeard;

    expect(view.kind).toBe('street-event');
    expect(view.registrations).toEqual({ registered: 0, waitlisted: 0, cancelled: 0 });
    expect(view.attendance.total).toBe(0);
    expect(view.staff.host.attended).toBeGreaterThan(0);
    expect(view.citizensHeard).toBe(tally);
    expect(ofType('ParticipantRegistered').filter((r) => r.workshopId === view.workshopId && roleOf(r) === 'participant')).toEqual([]);
    expect(indicators.countedApart.streetEventCitizens.value).toBe(tally);
    expect(indicators.countedApart.streetEventCitizens.byCountingMethod[pori.citizenInput!.countingMethod]).toBe(tally);
    expect(ofType('CitizenInputSummaryForwarded')).toEqual([expect.objectContaining({ recipients: pori.citizenInput!.recipients })]);
  });

  it('leaves the hub organisation, whose core team ran every workshop, out of the organisations reached', () => {
    const touched = new Set<string>();
    for (const e of events) {
      const d = e.data as Data;
      if (['ParticipantRegistered', 'ParticipantWaitlisted', 'AttendanceRecorded', 'ResourcePledged', 'CoOrganizerAdded'].includes(e.type) && typeof d.organizationId === 'string') touched.add(d.organizationId);
      if (e.type === 'WorkshopPlanned') for (const id of d.coOrganizerIds as string[]) touched.add(id);
    }

    expect(touched.has(hubId)).toBe(true);
    expect(chain.hubOrganizationId).toBe(hubId);
    expect(chain.totals.organizationsReached).toBe(touched.size - 1);
    expect(chain.workshops.flatMap((w) => w.newOrganizationIds)).not.toContain(hubId);
    expect(indicators.countedApart.hubOrganization).toEqual({ organizationId: hubId, name: DEMO_ORGANIZATIONS.find((o) => o.key === DEMO_CHAIN.hubOrganization)!.name });
    expect(indicators.organizations.total.organizations.map((o) => o.organizationId)).not.toContain(hubId);
  });

  it('holds the ~30 core-team meetings on the chain (a few face to face) and 5–6 partner meetings per workshop with partners', () => {
    const coreTeam = DEMO_CORE_TEAM_MEETINGS.meetings.length;
    const partner = sum(DEMO_WORKSHOPS.map((w) => w.planning.partnerMeetings));

    expect(coreTeam).toBeGreaterThanOrEqual(28);
    expect(coreTeam).toBeLessThanOrEqual(32);
    expect(chain.chainMeetings).toEqual({ partner: 0, coreTeam });
    expect(chain.workshops.map((w) => w.planningMeetings)).toEqual(DEMO_WORKSHOPS.map((w) => ({ partner: w.planning.partnerMeetings, coreTeam: 0 })));
    expect(chain.totals.planningMeetings).toEqual({ partner, coreTeam });
    const documented = DEMO_WORKSHOPS.filter((w) => w.planning.source === 'document').map((w) => w.planning.partnerMeetings);
    expect(documented.length).toBeGreaterThanOrEqual(4);
    expect(documented.every((n) => n >= 5 && n <= 6)).toBe(true);
    const faceToFace = ofType('ChainMeetingRecorded').filter((m) => m.online === false).length;
    expect(faceToFace).toBeGreaterThan(0);
    expect(faceToFace).toBeLessThanOrEqual(5);
  });

  it("records the core team's hours on every workshop (planning at each partner meeting, running it, follow-up) and on the chain (each member at every core-team meeting)", () => {
    const coreTeam = DEMO_CORE_TEAM.members.map((m) => demoId(`person:${m.key}`));
    const workshopHours = ofType('StaffHoursRecorded');
    const chainHours = ofType('ChainStaffHoursRecorded');
    const minutesOf = (hours: Data[]) => sum(hours.map((h) => h.minutes as number));

    // Only the core team (staff with a rate) has hours: partner staff and speakers are not the project's staff.
    expect([...new Set([...workshopHours, ...chainHours].map((h) => String(h.personId)))].sort()).toEqual([...coreTeam].sort());
    for (const w of chain.workshops) {
      const own = workshopHours.filter((h) => h.workshopId === w.workshopId);
      const meetingDays = ofType('PlanningMeetingRecorded').filter((m) => m.workshopId === w.workshopId).map((m) => String(m.heldOn));
      for (const personId of coreTeam) {
        const theirs = own.filter((h) => h.personId === personId);
        const days = (activity: string) => theirs.filter((h) => h.activity === activity).map((h) => String(h.workedOn));
        expect([w.title, days('planning').sort()]).toEqual([w.title, [...meetingDays].sort()]);
        expect([w.title, days('running')]).toEqual([w.title, [w.startsAt.slice(0, 10)]]);
        expect([w.title, days('follow-up').length, days('follow-up').every((d) => d > w.startsAt.slice(0, 10))]).toEqual([w.title, 1, true]);
      }
      // The ledger's staff costs per workshop are these hours, and the chain view shows their minutes.
      const costed = ledger.staffCosts.byWorkshop.find((b) => b.workshopId === w.workshopId)!;
      expect([w.title, costed.totalMinutes.value, w.staffMinutes.totalMinutes]).toEqual([w.title, minutesOf(own), minutesOf(own)]);
      expect(costed.totalCents.value).toBeGreaterThan(0);
    }
    // Each member an hour (as the data says) at each core-team meeting, on its day, recorded on the chain.
    const meetings = ofType('ChainMeetingRecorded').filter((m) => m.kind === 'core-team');
    const meetingHours = chainHours.filter((h) => h.activity === 'meeting' && meetings.some((m) => m.heldOn === h.workedOn && m.notes === h.note));
    expect(meetingHours.map((h) => `${String(h.workedOn)} ${String(h.personId)}`).sort()).toEqual(meetings.flatMap((m) => coreTeam.map((id) => `${String(m.heldOn)} ${id}`)).sort());
    expect(meetingHours.every((h) => h.minutes === DEMO_CHAIN_COSTS.meetingMinutes.perMember)).toBe(true);
    expect(chainHours).toHaveLength(meetingHours.length + DEMO_CHAIN_COSTS.hours.length);
    expect([ledger.staffCosts.chainLevel.totalMinutes.value, chain.chainStaffMinutes.totalMinutes]).toEqual([minutesOf(chainHours), minutesOf(chainHours)]);
    expect(chain.totals.staffMinutes.totalMinutes).toBe(minutesOf([...workshopHours, ...chainHours]));
    // Hours go in from the monthly timesheet: never before the day worked.
    const early = events.filter((e) => (e.type === 'StaffHoursRecorded' || e.type === 'ChainStaffHoursRecorded') && e.metadata.occurredAt.slice(0, 10) <= String((e.data as Data).workedOn));
    expect(early.map((e) => `${e.type} ${e.metadata.occurredAt}`)).toEqual([]);
  });

  it('costs every hour at its person\'s rate on the day worked (none unrated; the autumn raise from its first day), and the staff costs are the workshops\' plus the chain\'s', () => {
    const { staffCosts } = ledger;
    const rateOfDay = (personId: string, day: string) =>
      DEMO_HOURLY_RATES.find((r) => demoId(`person:${r.member}`) === personId && r.validFrom <= day && (r.validUntil === null || day <= r.validUntil));

    expect(staffCosts.unrated.entryIds).toEqual([]);
    expect(staffCosts.entries.filter((e) => e.rate === null || e.status !== 'recorded').map((e) => e.entryId)).toEqual([]);
    const misrated = staffCosts.entries.filter((e) => {
      const rate = rateOfDay(e.personId, e.workedOn)!;
      return e.rate!.rateId !== demoId(`rate:${rate.key}`) || e.rate!.hourlyRateCents !== rateCentsOf(rate) || e.costCents.value !== Math.round((e.minutes * rateCentsOf(rate)) / 60);
    });
    expect(misrated).toEqual([]);
    // Every rate costs some hours: the one with two periods shows both in the ledger.
    expect([...new Set(staffCosts.entries.map((e) => e.rate!.rateId))].sort()).toEqual(DEMO_HOURLY_RATES.map((r) => demoId(`rate:${r.key}`)).sort());
    expect(ofType('HourlyRateSet').map((r) => [r.rateId, r.hourlyRateCents])).toEqual(DEMO_HOURLY_RATES.map((r) => [demoId(`rate:${r.key}`), rateCentsOf(r)]));

    expect(staffCosts.totalCents.value).toBe(sum(staffCosts.entries.map((e) => e.costCents.value)));
    expect(staffCosts.totalCents.value).toBe(sum(staffCosts.byWorkshop.map((w) => w.totalCents.value)) + staffCosts.chainLevel.totalCents.value);
    expect(staffCosts.totalMinutes.value).toBe(sum(staffCosts.byWorkshop.map((w) => w.totalMinutes.value)) + staffCosts.chainLevel.totalMinutes.value);
    expect(staffCosts.chainLevel.totalCents.value).toBeGreaterThan(0);
    expect(Object.keys(staffCosts.byActivity).sort()).toEqual(['follow-up', 'meeting', 'planning', 'running']);
  });

  it('declares a flat rate of 40 % of the direct staff costs on the chain: the ledger\'s flat-rate line is round(direct staff costs × 40 %)', () => {
    const { flatRate } = ledger;
    const declared = DEMO_CHAIN_COSTS.flatRate;

    expect(flatRate).toMatchObject({ basisPoints: declared.basisPoints, basis: declared.appliesTo, reference: declared.reference, basisCents: ledger.staffCosts.totalCents.value });
    expect(declared.basisPoints).toBe(4000);
    expect(flatRate!.amountCents.value).toBe(Math.round((ledger.staffCosts.totalCents.value * declared.basisPoints) / 10_000));
    expect(flatRate!.declaration.actor).toBe(DEMO_USERS.finance);
  });

  it("keeps the chain's own expenses on the chain (a licence corrected, the core team's travel): its totals are the workshops' plus these, in the ledger and the chain view", () => {
    const chainLevel = ledger.expenses.entries.filter((e) => e.scope === 'chain');
    const fromData = sum(DEMO_CHAIN_COSTS.expenses.filter((x) => !x.voided).map((x) => x.correction?.amountCents ?? x.amountCents));

    expect(chainLevel.map((e) => e.receiptReference).sort()).toEqual(DEMO_CHAIN_COSTS.expenses.map((x) => x.receiptReference).sort());
    expect(chainLevel.every((e) => e.workshopId === null)).toBe(true);
    expect(chainLevel.filter((e) => e.status === 'corrected').map((e) => e.history.map((step) => step.type))).toEqual([['ChainExpenseRecorded', 'ChainExpenseCorrected']]);
    expect([ledger.expenses.chainLevel.totalCents.value, chain.chainExpenses.totalCents]).toEqual([fromData, fromData]);
    expect(ledger.expenses.byWorkshop.map((w) => w.totalCents.value)).toEqual(chain.workshops.map((w) => w.expenses.totalCents));
    expect(ledger.expenses.totalCents.value).toBe(sum(ledger.expenses.byWorkshop.map((w) => w.totalCents.value)) + fromData);
    expect(chain.totals.expenses.totalCents).toBe(ledger.expenses.totalCents.value);
  });

  it('names the back-office user who recorded each fact: the coordinator for planning, registrations and what happened; finance for expenses, rates, hours and the flat rate', () => {
    const actorOf = (type: string) => (FINANCE_EVENTS.has(type) ? DEMO_USERS.finance : DEMO_USERS.coordinator);

    expect(new Set(events.map((e) => e.metadata.actor))).toEqual(new Set([DEMO_USERS.coordinator, DEMO_USERS.finance]));
    expect(events.filter((e) => e.metadata.actor !== actorOf(e.type)).map((e) => `${e.type} ${e.metadata.actor}`)).toEqual([]);
    // An auditor's path from a staff-cost figure ends at a person: the hours and the rate were recorded by finance.
    const entry = ledger.staffCosts.entries[0]!;
    expect([...entry.history.map((step) => step.actor), entry.rate!.source.actor]).toEqual([DEMO_USERS.finance, DEMO_USERS.finance]);
  });

  it('marks every fact the document does not give as invented, and quotes the document verbatim for the rest', () => {
    const data = { DEMO_CHAIN, DEMO_ORGANIZATIONS, DEMO_CORE_TEAM, DEMO_CORE_TEAM_MEETINGS, DEMO_USERS, DEMO_HOURLY_RATES, DEMO_CHAIN_COSTS, DEMO_WORKSHOPS, DEMO_COLLABORATIONS, DEMO_PEOPLE };
    const all = provenances(data, 'data');
    const item = (path: string) => all.find((p) => p.path === path);

    expect(all.filter(({ provenance: p }) => p.source !== 'document' && p.source !== 'invented').map((p) => p.path)).toEqual([]);
    expect(all.filter(({ provenance: p }) => p.source === 'document' && !quoted(p.basis)).map((p) => `${p.path}: ${p.provenance.basis}`)).toEqual([]);
    expect(all.filter(({ provenance: p }) => p.basis.trim() === '' || Object.values(p.invented ?? {}).some((why) => why.trim() === '')).map((p) => p.path)).toEqual([]);
    // Every listed thing says where it comes from.
    const lists = { DEMO_ORGANIZATIONS, 'DEMO_CORE_TEAM.members': DEMO_CORE_TEAM.members, DEMO_HOURLY_RATES, 'DEMO_CHAIN_COSTS.hours': DEMO_CHAIN_COSTS.hours, 'DEMO_CHAIN_COSTS.expenses': DEMO_CHAIN_COSTS.expenses, DEMO_WORKSHOPS, DEMO_COLLABORATIONS };
    for (const [name, list] of Object.entries(lists)) list.forEach((_, i) => expect([name, i, item(`data.${name}[${i}]`)?.provenance.source]).toEqual([name, i, expect.any(String)]));
    for (const [i, w] of DEMO_WORKSHOPS.entries()) {
      for (const part of ['planning', 'participants', 'registrationForm', 'sustainability'] as const) expect(item(`data.DEMO_WORKSHOPS[${i}].${part}`)).toBeDefined();
      for (const list of ['staff', 'pledges', 'expenses'] as const) w[list].forEach((_, j) => expect(item(`data.DEMO_WORKSHOPS[${i}].${list}[${j}]`)).toBeDefined());
      // No dates, amounts, values or head counts are in the document.
      expect([w.key, w.invented?.startsAt]).toEqual([w.key, expect.any(String)]);
      expect(w.expenses.filter((x) => x.source !== 'invented')).toEqual([]);
      expect(w.pledges.filter((p) => p.source !== 'invented' && !p.invented?.value)).toEqual([]);
      expect([w.key, w.participants.source === 'invented' || w.participants.from.length === 0]).toEqual([w.key, true]);
    }
    // Staff costs are all invented: the document leaves salaries out. So are the users who recorded the facts.
    const staffCosts = [...DEMO_HOURLY_RATES, DEMO_CHAIN_COSTS.meetingMinutes, ...DEMO_CHAIN_COSTS.hours, ...DEMO_CHAIN_COSTS.expenses, DEMO_CHAIN_COSTS.flatRate, ...DEMO_WORKSHOPS.map((w) => w.coreTeamHours), DEMO_USERS];
    expect(staffCosts.filter((p) => p.source !== 'invented')).toEqual([]);
    expect(DEMO_CHAIN_COSTS.expenses.filter((x) => x.source !== 'invented')).toEqual([]);
    expect(DEMO_WORKSHOPS.find((w) => w.citizenInput)!.citizenInput!.invented).toEqual(expect.objectContaining({ recipients: expect.any(String), citizensHeard: expect.any(String) }));
    // Organisations the document does not name are invented and say so in their names.
    expect(DEMO_ORGANIZATIONS.filter((o) => (o.source === 'invented') !== o.name.includes('(fictitious')).map((o) => o.key)).toEqual([]);
    // People: all fictitious; the only person the document names (its author) is none of them.
    expect([DEMO_PEOPLE.source, ...DEMO_CORE_TEAM.members.map((m) => m.source)]).toEqual(Array(1 + DEMO_CORE_TEAM.members.length).fill('invented'));
    expect(quoted('Paula Alanen')).toBe(true);
    const names = [...FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`)), ...DEMO_CORE_TEAM.members.map((m) => `${m.firstName} ${m.lastName}`)];
    expect(names).not.toContain('Paula Alanen');
    expect(FIRST_NAMES).not.toContain('Paula');
  });

  it('registers about 150 fictitious people, some attending several workshops, with a waitlist promotion at the invitation-only workshop', () => {
    expect(firstRun.people).toBeGreaterThanOrEqual(120);
    expect(firstRun.people).toBeLessThanOrEqual(170);
    expect(chain.totals.returningParticipants).toBeGreaterThanOrEqual(10);
    // "osa osallistuikin useampaan työpajaan": every later workshop with participants has some who came before.
    expect(chain.workshops.slice(1).filter((w) => w.registrations.registered > 0).map((w) => w.returningParticipants > 0)).toEqual([true, true, true]);
    expect(ofType('ParticipantWaitlisted').length).toBeGreaterThan(0);
    expect(ofType('WaitlistedParticipantPromoted').length).toBeGreaterThan(0);
    const invited = ofType('PersonInvited');
    // Each participant of an invitation-only workshop was invited, by the seed or by the workshop's outreach (which
    // invites everyone it tells): once each.
    const invitationOnly = new Set(DEMO_WORKSHOPS.filter((w) => w.access === 'invitation-only').map((w) => demoId(`workshop:${w.key}`)));
    const participants = [...ofType('ParticipantRegistered'), ...ofType('ParticipantWaitlisted')].filter((r) => invitationOnly.has(String(r.workshopId)) && roleOf(r) === 'participant');
    const told = ofType('OutreachRecorded').filter((o) => invitationOnly.has(String(o.workshopId))).flatMap((o) => (o.personIds as string[]).map((id) => `${String(o.workshopId)}:${id}`));
    expect(participants.length).toBe(sum(DEMO_WORKSHOPS.filter((w) => w.access === 'invitation-only').flatMap((w) => w.participants.from.map((p) => p.count))));
    expect(invited.map((i) => `${String(i.workshopId)}:${String(i.personId)}`).sort()).toEqual([...new Set([...participants.map((r) => `${String(r.workshopId)}:${String(r.personId)}`), ...told])].sort());
    expect(invited.every((i) => roleOf(i) === 'participant')).toBe(true);
  });

  it('records the pledges (city hall, tent space, storage room, materials and method, coffee), feedback where the document says so, sustainability and collaborations', () => {
    const pledgeKinds = new Set(ofType('ResourcePledged').map((p) => p.kind));
    for (const kind of ['venue', 'storage', 'materials', 'expertise', 'catering']) expect(pledgeKinds).toContain(kind);
    expect(ofType('PledgeFulfilled')).toHaveLength(sum(DEMO_WORKSHOPS.map((w) => w.pledges.filter((p) => !p.withdrawn).length)));
    expect(ofType('PledgeWithdrawn')).toHaveLength(sum(DEMO_WORKSHOPS.map((w) => w.pledges.filter((p) => p.withdrawn).length)));
    const withFeedback = new Set(DEMO_WORKSHOPS.filter((w) => w.feedback).map((w) => demoId(`workshop:${w.key}`)));
    expect(new Set(ofType('FeedbackSubmitted').map((f) => String(f.workshopId)))).toEqual(withFeedback);
    expect(ofType('FeedbackSubmitted').every((f) => Number.isInteger(f.rating) && (f.rating as number) >= 1 && (f.rating as number) <= 5)).toBe(true);
    expect(ofType('SustainabilityPracticesRecorded')).toHaveLength(DEMO_WORKSHOPS.length);
    expect(ofType('CollaborationRecorded')).toHaveLength(DEMO_COLLABORATIONS.length);
  });

  describe('partners, consents and debriefs (issue 18, point 8)', () => {
    const orgKeyOf = (organizationId: unknown) => DEMO_ORGANIZATIONS.find((o) => demoId(`organization:${o.key}`) === organizationId)?.key ?? String(organizationId);
    const recorded = (type: string) => events.filter((e) => e.type === type);
    const dayOf = (e: RecordedEvent) => e.metadata.occurredAt.slice(0, 10);
    const coreTeamIds = () => new Set(DEMO_CORE_TEAM.members.map((m) => demoId(`person:${m.key}`)));

    it("records on the partners' profiles the offers the document names: city hall (Rauma), tent space (Pori), storage (Ohjaamo), the bench café method and materials (MSL), coffee (the roastery)", async () => {
      const offers = recorded('OfferRecorded');
      const named = offers.map((e) => e.data as Data).map((o) => [orgKeyOf(o.organizationId), o.kind, o.municipality, o.region]);

      expect(named.sort()).toEqual(
        [
          ['msl', 'expertise', 'Helsinki', 'Uusimaa'],
          ['msl', 'materials', 'Helsinki', 'Uusimaa'],
          ['ohjaamo', 'storage', 'Pori', 'Satakunta'],
          ['pori', 'venue', 'Pori', 'Satakunta'],
          ['rauma', 'venue', 'Rauma', 'Satakunta'],
          ['roastery', 'catering', 'Pori', 'Satakunta'],
        ].sort(),
      );
      const description = (org: string, kind: string) => String(offers.map((e) => e.data as Data).find((o) => orgKeyOf(o.organizationId) === org && o.kind === kind)!.description);
      expect(description('rauma', 'venue')).toMatch(/city hall/);
      expect(description('pori', 'venue')).toMatch(/[Tt]ent space/);
      expect([description('msl', 'expertise'), description('msl', 'materials')].every((d) => /[Bb]ench café/.test(d))).toBe(true);
      expect(description('roastery', 'catering')).toMatch(/coffee/);
      // On the profiles (GET /organizations/:id), active, beside the pledges of the same resources.
      for (const org of ['rauma', 'pori', 'ohjaamo', 'msl', 'roastery']) {
        const profile = (await views.get<OrganizationProfileView>(ORGANIZATION_PROFILE_COLLECTION, demoId(`organization:${org}`)))!;
        const kinds = Object.values(profile.offers).map((o) => `${o.kind} ${o.status}`).sort();
        expect([org, kinds]).toEqual([org, DEMO_OFFERS.filter((o) => o.org === org).map((o) => `${o.kind} active`).sort()]);
        expect([org, Object.values(profile.pledges).map((p) => p.kind).sort()]).toEqual([org, expect.arrayContaining(kinds.map((k) => k.split(' ')[0]))]);
      }
      // Offered at a planning meeting of the workshop, before the workshop's pledge of the same resource.
      const misdated = offers.filter((e) => {
        const offer = e.data as Data;
        const workshopId = demoId(`workshop:${DEMO_OFFERS.find((o) => demoId(`offer:${o.key}`) === offer.offerId)!.offeredAt.workshop}`);
        const meetings = ofType('PlanningMeetingRecorded').filter((m) => m.workshopId === workshopId).map((m) => String(m.heldOn));
        const pledge = recorded('ResourcePledged').find((p) => {
          const d = p.data as Data;
          return d.workshopId === workshopId && d.organizationId === offer.organizationId && d.kind === offer.kind;
        });
        return !meetings.includes(dayOf(e)) || !pledge || e.metadata.occurredAt >= pledge.metadata.occurredAt;
      });
      expect(misdated.map((e) => `${e.metadata.occurredAt} ${JSON.stringify(e.data)}`)).toEqual([]);
    });

    it('adds to each partner the contact person its workshop was planned with: a fictitious person of the partner, added before the planning, who then ran the workshop', async () => {
      const added = recorded('ContactPersonAdded');

      expect(added.map((e) => orgKeyOf((e.data as Data).organizationId)).sort()).toEqual(DEMO_CONTACTS.map((c) => c.org).sort());
      expect(added.length).toBeGreaterThanOrEqual(4);
      for (const contact of DEMO_CONTACTS) {
        const organizationId = demoId(`organization:${contact.org}`);
        const event = added.find((e) => (e.data as Data).organizationId === organizationId)!;
        const { personId } = event.data as Data;
        const workshopId = demoId(`workshop:${contact.workshop}`);
        const firstMeeting = events.find((e) => e.type === 'PlanningMeetingRecorded' && (e.data as Data).workshopId === workshopId)!;
        const ran = ofType('AttendanceRecorded').filter((a) => a.workshopId === workshopId && a.personId === personId).map(roleOf);
        const created = ofType('PersonCreated').find((p) => p.personId === personId)!;

        expect([contact.org, ran.length, ran.every((role) => role === 'host' || role === 'speaker')]).toEqual([contact.org, 1, true]);
        expect([contact.org, created.organizationId]).toEqual([contact.org, organizationId]);
        expect([contact.org, event.metadata.occurredAt < firstMeeting.metadata.occurredAt]).toEqual([contact.org, true]);
        const profile = (await views.get<OrganizationProfileView>(ORGANIZATION_PROFILE_COLLECTION, organizationId))!;
        expect(profile.contacts[String(personId)]).toMatchObject({ personId, role: contact.role });
      }
    });

    it('asks for consent on the form at the first workshop each person attended: most consent, some also to be named; a few decline, two withdraw later, so an outreach list excludes both by reason', () => {
      const core = coreTeamIds();
      const heldOn = new Map(ofType('WorkshopHeld').map((h) => [String(h.workshopId), String(h.heldOn)]));
      const registered = new Set([...ofType('ParticipantRegistered'), ...ofType('ParticipantWaitlisted')].map((r) => String(r.personId)).filter((id) => !core.has(id)));
      const firstAttended = new Map<string, string>();
      for (const a of ofType('AttendanceRecorded')) {
        const id = String(a.personId);
        const on = heldOn.get(String(a.workshopId))!;
        if (!core.has(id) && (!firstAttended.has(id) || on < firstAttended.get(id)!)) firstAttended.set(id, on);
      }
      const records = new Map<string, ConsentRecord[]>();
      for (const e of [...recorded('ConsentGiven'), ...recorded('ConsentWithdrawn')]) {
        const d = e.data as Data;
        const record: ConsentRecord = {
          purpose: d.purpose as ConsentRecord['purpose'],
          action: e.type === 'ConsentGiven' ? 'given' : 'withdrawn',
          on: String(d.givenOn ?? d.withdrawnOn),
          source: d.source as ConsentRecord['source'],
          wordingVersion: d.wordingVersion as string | null,
        };
        records.set(String(d.personId), [...(records.get(String(d.personId)) ?? []), record]);
        // Business time: the day the person said so, never the day the seed ran.
        expect([e.type, dayOf(e)]).toEqual([e.type, record.on]);
      }
      const given = recorded('ConsentGiven').map((e) => e.data as Data);
      const futureWorkshops = given.filter((g) => g.purpose === 'future-workshops');
      const named = given.filter((g) => g.purpose === 'named-in-reports');
      const declined = sum(Object.values(DEMO_CONSENTS.declined));

      // Given on the first workshop attended, on the form of its wording; only by people who came, one consent each.
      expect(given.filter((g) => g.givenOn !== firstAttended.get(String(g.personId)) || g.source !== 'form' || g.wordingVersion !== DEMO_CONSENTS.wordingVersion)).toEqual([]);
      expect(new Set(futureWorkshops.map((g) => g.personId)).size).toBe(futureWorkshops.length);
      expect(futureWorkshops).toHaveLength(firstAttended.size - declined);
      expect(named.length).toBeGreaterThan(0);
      expect(named.length).toBeLessThan(futureWorkshops.length);
      expect(named.filter((n) => !futureWorkshops.some((f) => f.personId === n.personId))).toEqual([]);
      // Withdrawn later, as the data dates them, by e-mail (no wording), by people who had consented before.
      const withdrawn = recorded('ConsentWithdrawn').map((e) => e.data as Data);
      expect(withdrawn.map((w) => [w.purpose, w.withdrawnOn, w.source, w.wordingVersion])).toEqual(DEMO_CONSENTS.withdrawals.map((w) => ['future-workshops', w.withdrawnOn, w.via, null]));
      expect(withdrawn.filter((w) => !futureWorkshops.some((f) => f.personId === w.personId && String(f.givenOn) < String(w.withdrawnOn)))).toEqual([]);

      // The outreach list of the chain's people: who may be told of a workshop on a day, and why the others may not.
      const outreach = (onDate: string) => {
        const byReason: Record<string, number> = { included: 0, 'no consent': 0, withdrawn: 0 };
        for (const personId of registered) {
          const verdict = consentOn(records.get(personId) ?? [], 'future-workshops', onDate);
          byReason[verdict.given ? 'included' : verdict.basis?.action === 'withdrawn' ? 'withdrawn' : 'no consent']! += 1;
        }
        return byReason;
      };
      const neverCame = [...registered].filter((id) => !firstAttended.has(id)).length;
      expect(neverCame).toBeGreaterThan(0);
      expect(outreach('2023-12-31')).toEqual({ included: registered.size - neverCame - declined - 2, 'no consent': neverCame + declined, withdrawn: 2 });
      // Before the first withdrawal, those two were still on the list.
      const beforeWithdrawals = outreach(new Date(Date.parse(DEMO_CONSENTS.withdrawals[0]!.withdrawnOn) - 86_400_000).toISOString().slice(0, 10));
      expect(beforeWithdrawals.withdrawn).toBe(0);
      // The core team sends the news: none of them is asked.
      expect(given.filter((g) => core.has(String(g.personId)))).toEqual([]);
    });

    it('tells the people who consented about each workshop after the first, the day its registration opens, and attributes the registrations that followed', () => {
      const outreaches = recorded('OutreachRecorded');
      const consentedBy = (personId: string, onDate: string) => {
        const records: ConsentRecord[] = [...recorded('ConsentGiven'), ...recorded('ConsentWithdrawn')]
          .map((e) => ({ e, d: e.data as Data }))
          .filter(({ d }) => d.personId === personId)
          .map(({ e, d }) => ({ purpose: d.purpose as ConsentRecord['purpose'], action: e.type === 'ConsentGiven' ? 'given' : 'withdrawn', on: String(d.givenOn ?? d.withdrawnOn), source: d.source as ConsentRecord['source'], wordingVersion: null }));
        return consentOn(records, 'future-workshops', onDate).given;
      };

      // One outreach before every workshop but the first, by e-mail, dated the day its registration opened (a week before the street event).
      expect(outreaches.map((e) => (e.data as Data).workshopId)).toEqual(DEMO_2023.workshops.slice(1).map((w) => demoId(`workshop:${w.key}`)));
      for (const e of outreaches) {
        const d = e.data as Data;
        const w = DEMO_2023.workshops.find((x) => demoId(`workshop:${x.key}`) === d.workshopId)!;
        expect([d.channel, d.sentOn, dayOf(e)]).toEqual(['e-mail', (w.registrationOpensAt ?? new Date(Date.parse(w.startsAt) - 7 * 86_400_000).toISOString()).slice(0, 10), d.sentOn]);
        // Only people who had consented by then, each once; the list grows as the chain goes on.
        const told = d.personIds as string[];
        expect(told.filter((id) => !consentedBy(id, String(d.sentOn)))).toEqual([]);
        expect(new Set(told).size).toBe(told.length);
      }
      const sizes = outreaches.map((e) => ((e.data as Data).personIds as string[]).length);
      expect(sizes[0]).toBeGreaterThan(0);
      expect(sizes.at(-1)).toBeGreaterThan(sizes[0]!);

      // Registrations by people told are attributed to that outreach; the chain view counts them and the attendance that followed.
      const attributed = [...ofType('ParticipantRegistered'), ...ofType('ParticipantWaitlisted')].filter((r) => r.outreachId !== undefined);
      expect(attributed.length).toBeGreaterThan(0);
      for (const r of attributed) expect(r.outreachId).toBe(demoId(`outreach:${DEMO_2023.workshops.find((w) => demoId(`workshop:${w.key}`) === r.workshopId)!.key}`));
      expect(chain.totals.outreach).toMatchObject({ outreaches: outreaches.length, registered: attributed.length });
      expect(chain.totals.outreach.attended).toBeGreaterThan(0);
      expect(chain.totals.outreach.peopleReached).toBe(sum(sizes));
    });

    it("records a debrief of every held workshop and of the chain after it, at the core team's debrief meeting, told in the document's own words", async () => {
      const held = ofType('WorkshopHeld');
      const debriefs = recorded('WorkshopDebriefRecorded');
      const debriefMeetings = new Set(ofType('ChainMeetingRecorded').filter((m) => /debrief/i.test(String(m.notes))).map((m) => String(m.heldOn)));

      expect(debriefs.map((e) => (e.data as Data).workshopId).sort()).toEqual(held.map((h) => h.workshopId).sort());
      expect(held).toHaveLength(DEMO_WORKSHOPS.length);
      for (const e of debriefs) {
        const d = e.data as Data;
        const wasHeld = String(held.find((h) => h.workshopId === d.workshopId)!.heldOn);
        expect([d.workshopId, d.version, String(d.heldOn) > wasHeld, dayOf(e) === d.heldOn, debriefMeetings.has(String(d.heldOn))]).toEqual([d.workshopId, 1, true, true, true]);
        expect([d.workshopId, String(d.whatWorked).length > 0, String(d.whatToDevelop).length > 0, (d.lessons as string[]).length > 0]).toEqual([d.workshopId, true, true, true]);
      }
      const chainDebriefs = recorded('ChainDebriefRecorded');
      expect(chainDebriefs).toHaveLength(1);
      const chainDebrief = chainDebriefs[0]!.data as Data;
      expect(String(chainDebrief.heldOn) >= held.map((h) => String(h.heldOn)).sort().at(-1)!).toBe(true);
      expect(debriefMeetings.has(String(chainDebrief.heldOn))).toBe(true);
      // The lessons view (GET /chains/:id/lessons) shows them.
      const lessons = (await views.get<ChainLessonsChainDocument>(CHAIN_LESSONS_COLLECTION, DEMO_CHAIN_ID))!;
      expect(lessons.debrief).toMatchObject({ version: 1, whatWorked: DEMO_DEBRIEFS.find((d) => d.of === 'chain')!.whatWorked, authorRole: 'core-team' });
      for (const w of DEMO_WORKSHOPS) {
        const doc = (await views.get<ChainLessonsWorkshopDocument>(CHAIN_LESSONS_COLLECTION, workshopLessonsKey(demoId(`workshop:${w.key}`))))!;
        expect([w.key, doc.debrief?.whatToDevelop]).toEqual([w.key, DEMO_DEBRIEFS.find((d) => d.of === w.key)!.whatToDevelop]);
      }
      // Every passage they translate is the document's, verbatim.
      expect(DEMO_DEBRIEFS.flatMap((d) => d.quotes.filter((q) => !quoted(q)).map((q) => `${d.of}: ${q}`))).toEqual([]);
      expect(DEMO_DEBRIEFS.every((d) => d.quotes.length >= 3)).toBe(true);
    });

    it('says where every offer, contact, consent and debrief comes from: document facts quote it verbatim, and what it does not give is marked invented', () => {
      const all = provenances({ DEMO_OFFERS, DEMO_CONTACTS, DEMO_CONSENTS, DEMO_DEBRIEFS }, 'data');

      expect(all.filter(({ provenance: p }) => p.source === 'document' && !quoted(p.basis)).map((p) => `${p.path}: ${p.provenance.basis}`)).toEqual([]);
      expect(all.filter(({ provenance: p }) => p.source !== 'document' && p.source !== 'invented').map((p) => p.path)).toEqual([]);
      expect(all).toHaveLength(DEMO_OFFERS.length + DEMO_CONTACTS.length + 1 + DEMO_DEBRIEFS.length);
      // No values, dates, people nor per-workshop evaluations are in the document.
      expect(DEMO_OFFERS.filter((o) => !o.invented?.value || !o.invented.offeredAt).map((o) => o.key)).toEqual([]);
      expect(DEMO_CONTACTS.filter((c) => !c.invented?.person).map((c) => c.org)).toEqual([]);
      expect(DEMO_CONSENTS.invented?.consents).toEqual(expect.any(String));
      expect(DEMO_DEBRIEFS.filter((d) => d.of !== 'chain' && !d.invented?.workshop).map((d) => d.of)).toEqual([]);
    });
  });

  it('plans the next webinar (2027, outside the chain) with its public form open: advance questions, expectations, wishes for the centre', () => {
    expect(nextWebinar.map((e) => e.type)).toEqual(['WorkshopPlanned', 'RegistrationFormSet', 'RegistrationLinkCreated', 'RegistrationOpened']);
    expect(nextWebinar[0]!.data).toMatchObject({ chainId: null, format: 'webinar', startsAt: '2027-03-17T12:00:00.000Z' });
    expect(((nextWebinar[1]!.data as Data).questions as Array<{ questionId: string }>).map((q) => q.questionId)).toEqual(['advance', 'expectations', 'wishes']);
    expect(nextWebinar[2]!.data).toMatchObject({ linkId: DEMO_NEXT_WEBINAR_LINK_ID });
    // Recorded before the seed ran (never in the future), and before the webinar.
    expect(nextWebinar.every((e) => e.metadata.occurredAt < '2026-12-01' && e.metadata.occurredAt < '2027-03-17')).toBe(true);
  });

  it('keeps no personal data in clear in the log', () => {
    const log = JSON.stringify(events.map((e) => [e.data, e.metadata]));
    expect(log).not.toContain('@example.org');
    const fullNames = [...FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`)), ...DEMO_CORE_TEAM.members.map((m) => `${m.firstName} ${m.lastName}`)];
    expect(fullNames.filter((name) => log.includes(name))).toEqual([]);
    expect(ofType('PersonCreated').every((p) => (p.personalData as Data).alg === 'A256GCM')).toBe(true);
  });

  it('leaves an intact hash-chained log', async () => {
    const result = await verifyAll(store.storage);
    expect(result).toMatchObject({ intact: true, events: events.length + nextWebinar.length });
  });

  it('appends nothing when run a second time', async () => {
    const second = await seedDemo(app.get(CommandBus));
    expect(second.appended).toBe(0);
    expect(second.commands).toBe(firstRun.commands);
    expect(await readAll(store)).toHaveLength(events.length + nextWebinar.length);
  }, 120_000);
});

describe('kuhina seed demo runs the same checks as the API (real SQLite)', () => {
  let dir: string;
  let app: INestApplicationContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seed-checks-'));
    app = await NestFactory.createApplicationContext(KuhinaCoreModule.forRoot(loadConfig({ KUHINA_DATA_DIR: dir })), { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a step naming an unknown organisation with 404 ORGANIZATION.NOT_FOUND, as POST /workshops/:id/pledges does, and appends nothing of it', async () => {
    // The first workshop's first pledge names an organisation the data never registers (a typo'd key).
    const [first, ...rest] = DEMO_2023.workshops;
    const [pledge, ...otherPledges] = first!.pledges;
    const typo: DemoData = { ...DEMO_2023, workshops: [{ ...first!, pledges: [{ ...pledge!, org: 'roastry' }, ...otherPledges] }, ...rest] };
    const store = app.get<ChainedEventStore>(EVENT_STORE);

    const refusal = seedDemo(app.get(CommandBus), () => undefined, typo);

    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found', details: { organizationId: demoId('organization:roastry') } });
    const pledges = (await readAll(store)).filter((e) => e.type === 'ResourcePledged');
    expect(pledges).toEqual([]);
  }, 120_000);
});
