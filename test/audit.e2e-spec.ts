import type { AuditLedger, EsfIndicators, EventRef, EventTrace, Figure } from '@kuhina/application';
import { DEMO_CHAIN_ID, figuresOf } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { roleOf, type WorkshopRole } from '@kuhina/domain';
import { apiHarness, type ApiHarness, type Problem } from './support/api-harness';

const chain = DEMO_CHAIN_ID;
type ChainAnswer = { workshops: Array<{ workshopId: string; title: string; expenses: { totalCents: number } }> };
const sum = (figures: Record<string, Figure | undefined>) => Object.values(figures).reduce((total, figure) => total + (figure?.value ?? 0), 0);

describe('Auditors on the 2023 demo: ledger, indicators and trace, every figure down to its events', () => {
  let api: ApiHarness;
  let log: RecordedEvent[];
  let ledger: AuditLedger;
  let indicators: EsfIndicators;
  beforeAll(async () => {
    api = await apiHarness({ demo: true });
    log = await api.store().readAll(null, 100_000);
    ledger = (await api.get<AuditLedger>(`/audit/ledger?chainId=${chain}`, { as: 'auditor' })).body;
    indicators = (await api.get<EsfIndicators>(`/audit/indicators?chainId=${chain}`, { as: 'auditor' })).body;
  }, 60_000);
  afterAll(() => api.close());

  /** The cited event is in the log as cited; a person's (and a staff member's) stream is cited under its pseudonym. */
  const inLog = (ref: EventRef): boolean => {
    const event = log.find((e) => e.id === ref.eventId);
    if (!event) return false;
    const prefix = /^(person|staff)-/.exec(event.stream)?.[0];
    const stream = prefix ? ref.stream.startsWith(prefix) && ref.stream !== event.stream : ref.stream === event.stream;
    const { recordedAt, occurredAt, actor, correlationId } = event.metadata;
    return stream && event.type === ref.type && event.revision === ref.revision && event.position.toString() === ref.position && recordedAt === ref.recordedAt && occurredAt === ref.occurredAt && actor === ref.actor && correlationId === ref.correlationId;
  };

  describe('GET /audit/ledger', () => {
    it('has the chain view’s expenses per workshop — 0 € to 2,600 € — with totals by category and funding source that add up', async () => {
      const view = await api.get<ChainAnswer>(`/chains/${chain}?consistentWith=${log.at(-1)!.position}`, { as: 'auditor' });

      expect(ledger.expenses.byWorkshop.map((w) => [w.workshopId, w.totalCents.value])).toEqual(view.body.workshops.map((w) => [w.workshopId, w.expenses.totalCents]));
      expect(Math.max(...ledger.expenses.byWorkshop.map((w) => w.totalCents.value))).toBe(260_000);
      expect(sum(ledger.expenses.byCategory)).toBe(ledger.expenses.totalCents.value);
      expect(sum(ledger.expenses.byFundingSource)).toBe(ledger.expenses.totalCents.value);
      for (const workshop of ledger.expenses.byWorkshop) expect(sum(workshop.byCategory)).toBe(workshop.totalCents.value);
    });

    it('shows corrected and voided expenses with their whole history instead of hiding them', () => {
      const corrected = ledger.expenses.entries.filter((e) => e.status === 'corrected');
      expect(corrected.length).toBeGreaterThan(0);
      // Chain-level expenses have the same history under the chain's event names.
      for (const entry of corrected) {
        const named = entry.scope === 'chain' ? 'Chain' : '';
        expect(entry.history.map((ref) => ref.type)).toEqual([`${named}ExpenseRecorded`, ...entry.history.slice(1).map(() => `${named}ExpenseCorrected`)]);
      }
      const recordedInLog = log.filter((e) => e.type === 'ExpenseRecorded' || e.type === 'ChainExpenseRecorded').length;
      expect(ledger.expenses.entries).toHaveLength(recordedInLog);
      for (const entry of ledger.expenses.entries.filter((e) => e.status === 'voided')) expect(entry.counted.value).toBe(0);
    });

    it('lists in-kind contributions with their valuation basis and whether they were delivered', () => {
      const { contributions, deliveredCents } = ledger.inKind;
      expect(contributions.length).toBeGreaterThan(0);
      expect(contributions.every((c) => c.valuationBasis.length > 0 && c.delivered === (c.status === 'fulfilled'))).toBe(true);
      expect(deliveredCents.value).toBe(contributions.filter((c) => c.delivered).reduce((total, c) => total + c.valueCents.value, 0));
      expect(contributions.filter((c) => c.delivered).every((c) => c.valueCents.sources.some((ref) => ref.type === 'PledgeFulfilled'))).toBe(true);
    });

    it('names, for every figure, events that are in the log exactly as cited (id, stream, revision, position, time, actor, correlation)', () => {
      const figures = figuresOf(ledger);
      expect(figures.length).toBeGreaterThan(50);
      for (const { path, figure } of figures) {
        if (figure.value !== 0) expect([path, figure.sources.length > 0]).toEqual([path, true]);
        for (const ref of figure.sources) expect([path, ref.eventId, inLog(ref)]).toEqual([path, ref.eventId, true]);
      }
      expect(ledger.counts.participants.value).toBe(indicators.participants.total.value);
      expect(ledger.counts.organizations.value).toBe(indicators.organizations.total.value);
    });
  });

  describe('GET /audit/indicators', () => {
    it('counts as participants exactly the people who attended a co-development workshop, broken down with unknown buckets that add up', () => {
      const coDevelopment = new Set(log.filter((e) => e.type === 'WorkshopPlanned' && (e.data as { kind: string }).kind === 'co-development').map((e) => (e.data as { workshopId: string }).workshopId));
      const attendances = log.filter((e) => e.type === 'AttendanceRecorded' && coDevelopment.has((e.data as { workshopId: string }).workshopId));
      const asParticipant = (e: RecordedEvent) => roleOf(e.data as { role?: WorkshopRole }) === 'participant';
      const attendees = new Set(attendances.filter(asParticipant).map((e) => (e.data as { personId: string }).personId));
      const { total, byGender, byAgeBand, byLabourMarketStatus, byEducationLevel } = indicators.participants;

      expect(total.value).toBe(attendees.size);
      // The people who ran the workshops attended too, and are left out of the participants (counted apart by role).
      const staff = new Set(attendances.filter((e) => !asParticipant(e)).map((e) => (e.data as { personId: string }).personId));
      expect(staff.size).toBeGreaterThan(0);
      expect(total.people).toHaveLength(attendees.size);
      expect(indicators.countedApart.byRole.organiser.value + indicators.countedApart.byRole.host.value + indicators.countedApart.byRole.speaker.value).toBeGreaterThanOrEqual(staff.size);
      expect(total.value).toBeGreaterThan(50);
      for (const breakdown of [byGender, byAgeBand, byLabourMarketStatus, byEducationLevel]) {
        expect(sum(breakdown)).toBe(total.value);
        expect(Object.keys(breakdown)).toContain('unknown');
      }
      expect(Object.keys(byAgeBand)).toEqual(['under-18', '18-29', '30-54', '55-plus', 'unknown']);
      expect(byGender.female.value + byGender.male.value).toBeGreaterThan(0);
    });

    it('counts supported organisations by ESF type, adding up, and information-event attendees apart', () => {
      const { total, byType } = indicators.organizations;
      expect(Object.keys(byType)).toEqual(['public-administration', 'sme', 'ngo', 'higher-education', 'other']);
      expect(sum(byType)).toBe(total.value);
      expect(total.organizations).toHaveLength(total.value);
      // The demo's second workshop is a street event (a bench café): its citizens are the tally recorded with their
      // input; the people registered there ran it (hosts, organisers) and are never counted as citizens.
      const streetEvents = new Set(log.filter((e) => e.type === 'WorkshopPlanned' && (e.data as { kind: string }).kind === 'street-event').map((e) => (e.data as { workshopId: string }).workshopId));
      const inStreetEvent = (e: RecordedEvent) => streetEvents.has((e.data as { workshopId: string }).workshopId);
      const ranIt = log.filter((e) => e.type === 'AttendanceRecorded' && inStreetEvent(e));
      const heard = log.filter((e) => e.type === 'CitizenInputCollected' && inStreetEvent(e)).reduce((total, e) => total + (e.data as { citizensHeard: number }).citizensHeard, 0);
      expect(streetEvents.size).toBe(1);
      expect(ranIt.length).toBeGreaterThan(0);
      expect(ranIt.every((e) => roleOf(e.data as { role?: WorkshopRole }) !== 'participant')).toBe(true);
      expect(indicators.countedApart.streetEventCitizens.value).toBe(heard);
      expect(indicators.countedApart.informationEventAttendees.value).toBe(0);
    });

    it('traces each count to its people as pseudonyms — never a person id — and to its events', () => {
      const personIds = new Set(log.filter((e) => e.type === 'PersonCreated').map((e) => (e.data as { personId: string }).personId));
      const { total, byGender } = indicators.participants;

      expect(total.people).toHaveLength(total.value);
      expect(total.people.some((p) => personIds.has(p))).toBe(false);
      expect(byGender.female.people.every((p) => total.people.includes(p))).toBe(true);
      const text = JSON.stringify(indicators) + JSON.stringify(ledger);
      expect([...personIds].filter((id) => text.includes(id))).toEqual([]);
      expect(total.sources.some((ref) => ref.type === 'PersonCreated' && ref.stream.startsWith('person-') && !personIds.has(ref.stream.slice(7)))).toBe(true);
    });
  });

  describe('GET /audit/trace/:eventId', () => {
    it('follows the 2,600 € figure to an expense event: who recorded it, when, the request around it, and every figure that counts it', async () => {
      const dearest = ledger.expenses.byWorkshop.find((w) => w.totalCents.value === 260_000)!;
      const expense = dearest.totalCents.sources.find((ref) => ref.type === 'ExpenseRecorded')!;

      const trace = await api.get<EventTrace>(`/audit/trace/${expense.eventId}`, { as: 'auditor' });

      expect(trace.status).toBe(200);
      expect(trace.body.event).toMatchObject({ eventId: expense.eventId, stream: expense.stream, revision: expense.revision, actor: expense.actor, correlationId: expense.correlationId });
      // The demo loader sends each fact as a command of its own: the trace names it, its request and its sender, and leaves out the empty.
      expect(trace.body.recordedBy).toBe(expense.actor);
      expect(trace.body.causedBy).toEqual({ kind: 'command', id: expect.any(String), request: expense.correlationId, summary: expect.stringContaining(`Recorded by ${expense.actor} for command `) });
      // Each demo command is its own request: the trace names how many other events that request wrote (first 100 listed).
      expect(trace.body.sameRequestTotal).toBe(log.filter((e) => e.metadata.correlationId === expense.correlationId).length - 1);
      expect(trace.body.sameRequest).toHaveLength(Math.min(100, trace.body.sameRequestTotal));
      expect(trace.body.sameRequestTotal).toBeLessThan(10);
      const paths = trace.body.includedIn.map((item) => item.path);
      expect(paths).toEqual(expect.arrayContaining(['expenses.totalCents', `expenses.byWorkshop[${dearest.workshopId}].totalCents`]));
      expect(trace.body.includedIn.find((item) => item.path === `expenses.byWorkshop[${dearest.workshopId}].totalCents`)!.value).toBe(260_000);
    });

    it('links the events of one command, and shows a participation among the indicators it counts in', async () => {
      const attendance = indicators.participants.total.sources.find((ref) => ref.type === 'AttendanceRecorded')!;
      const trace = await api.get<EventTrace>(`/audit/trace/${attendance.eventId}`, { as: 'auditor' });

      expect(trace.body.includedIn.filter((item) => item.report === 'indicators').map((item) => item.path)).toEqual(expect.arrayContaining(['participants.total']));
      expect(trace.body.includedIn.some((item) => item.path.startsWith('participants.byGender.'))).toBe(true);
      const personIds = new Set(log.filter((e) => e.type === 'PersonCreated').map((e) => (e.data as { personId: string }).personId));
      expect([...personIds].filter((id) => JSON.stringify(trace.body).includes(id))).toEqual([]);
    });

    it('answers 404 for an id the log does not hold and 400 for one that is not a UUID', async () => {
      const unknown = await api.get<Problem>('/audit/trace/00000000-0000-4000-8000-000000000000', { as: 'auditor' });
      const bad = await api.get<Problem>('/audit/trace/not-an-id', { as: 'auditor' });

      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('EVENT.NOT_FOUND');
      expect(bad.status).toBe(400);
    });

    it('finds the event whatever the case of its id, with the same figures', async () => {
      const attendance = indicators.participants.total.sources.find((ref) => ref.type === 'AttendanceRecorded')!;
      const lower = await api.get<EventTrace>(`/audit/trace/${attendance.eventId}`, { as: 'auditor' });
      const upper = await api.get<EventTrace>(`/audit/trace/${attendance.eventId.toUpperCase()}`, { as: 'auditor' });

      expect(upper.status).toBe(200);
      expect(upper.body.includedIn.length).toBeGreaterThan(0);
      expect(upper.body).toEqual(lower.body);
    });
  });

  it('lets auditors and the backoffice read the reports, and refuses analysts with 403', async () => {
    const eventId = log[0]!.id;
    for (const url of [`/audit/ledger?chainId=${chain}`, `/audit/indicators?chainId=${chain}`, `/audit/trace/${eventId}`]) {
      expect([url, (await api.get(url, { as: 'analyst' })).status]).toEqual([url, 403]);
      expect([url, (await api.get(url, { as: 'auditor' })).status]).toEqual([url, 200]);
      expect([url, (await api.get(url)).status]).toEqual([url, 200]);
    }
    expect((await api.get<Problem>('/audit/ledger?chainId=00000000-0000-4000-8000-000000000000', { as: 'auditor' })).status).toBe(404);
  });
});
