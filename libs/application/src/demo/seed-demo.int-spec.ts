import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChainedEventStore, EVENT_STORE, verifyAll, type RecordedEvent } from '@kuhina/event-store';
import { loadConfig } from '../kuhina-config';
import { KuhinaCoreModule } from '../kuhina-core.module';
import { DomainError } from '@kuhina/domain';
import { DEMO_CHAIN_ID, demoId, seedDemo, type DemoData } from './seed-demo';
import { DEMO_COLLABORATIONS, DEMO_ORGANIZATIONS, DEMO_WORKSHOPS, FIRST_NAMES, LAST_NAMES } from './demo-2023.data';

type Data = Record<string, unknown>;

async function readAll(store: ChainedEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after: bigint | null = null; ; ) {
    const page = await store.readAll(after, 1000);
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1]!.position;
  }
}

describe('kuhina seed demo: the real 2023 chain through the command handlers (real SQLite)', () => {
  let dir: string;
  let app: INestApplicationContext;
  let store: ChainedEventStore;
  let events: RecordedEvent[];
  let firstRun: Awaited<ReturnType<typeof seedDemo>>;
  const ofType = (type: string) => events.filter((e) => e.type === type).map((e) => e.data as Data);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuhina-seed-'));
    app = await NestFactory.createApplicationContext(KuhinaCoreModule.forRoot(loadConfig({ KUHINA_DATA_DIR: dir })), { logger: false });
    store = app.get(EVENT_STORE);
    firstRun = await seedDemo(app.get(CommandBus));
    events = await readAll(store);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans five workshops, April–October 2023, in Rauma, Pori, Kemi, Helsinki and online, all in the chain in order', () => {
    const planned = ofType('WorkshopPlanned');
    expect(planned.map((w) => (w.location as Data | null)?.municipality ?? 'online')).toEqual(['Rauma', 'Pori', 'Kemi', 'Helsinki', 'online']);
    expect(planned.map((w) => w.format)).toEqual(['in-person', 'in-person', 'hybrid', 'in-person', 'webinar']);
    expect(planned.map((w) => w.access)).toEqual(['open', 'open', 'open', 'invitation-only', 'open']);
    expect(planned.every((w) => String(w.startsAt) >= '2023-04-01' && String(w.startsAt) < '2023-11-01')).toBe(true);
    expect(ofType('WorkshopAddedToChain').map((a) => a.workshopId)).toEqual(planned.map((w) => w.workshopId));
    expect(ofType('ChainStarted')[0]).toMatchObject({ chainId: DEMO_CHAIN_ID });
    expect(ofType('WorkshopReported')).toHaveLength(5);
  });

  it('costs from 0 € to 2,600 € per workshop after corrections and voids, catering and travel the largest items, no speaker fees', () => {
    const byWorkshop = new Map<string, Map<string, { amount: number; category: string; voided: boolean }>>();
    for (const e of events) {
      const d = e.data as Data;
      const expenses = byWorkshop.get(String(d.workshopId)) ?? new Map();
      byWorkshop.set(String(d.workshopId), expenses);
      if (e.type === 'ExpenseRecorded') expenses.set(String(d.expenseId), { amount: Number(d.amountCents), category: String(d.category), voided: false });
      if (e.type === 'ExpenseCorrected') Object.assign(expenses.get(String(d.expenseId))!, { amount: Number(d.amountCents), category: String(d.category) });
      if (e.type === 'ExpenseVoided') expenses.get(String(d.expenseId))!.voided = true;
    }
    const totals = ofType('WorkshopPlanned').map((w) => [...(byWorkshop.get(String(w.workshopId))?.values() ?? [])].filter((x) => !x.voided).reduce((sum, x) => sum + x.amount, 0));
    expect(Math.min(...totals)).toBe(0);
    expect(Math.max(...totals)).toBe(260_000);
    const byCategory = new Map<string, number>();
    for (const expenses of byWorkshop.values()) for (const x of expenses.values()) if (!x.voided) byCategory.set(x.category, (byCategory.get(x.category) ?? 0) + x.amount);
    const ranked = [...byCategory.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 2)).toEqual(['catering', 'travel']);
    expect(byCategory.has('speaker-fees')).toBe(false);
    expect(ofType('ExpenseVoided').length).toBeGreaterThan(0);
    expect(ofType('ExpenseCorrected').length).toBeGreaterThan(0);
  });

  it('registers about 150 fictitious people, some attending several workshops, with a waitlist promotion', () => {
    expect(firstRun.people).toBeGreaterThanOrEqual(130);
    expect(firstRun.people).toBeLessThanOrEqual(170);
    const workshopsByPerson = new Map<string, Set<string>>();
    for (const a of ofType('AttendanceRecorded')) {
      const set = workshopsByPerson.get(String(a.personId)) ?? new Set<string>();
      set.add(String(a.workshopId));
      workshopsByPerson.set(String(a.personId), set);
    }
    const returning = [...workshopsByPerson.values()].filter((s) => s.size > 1).length;
    expect(returning).toBeGreaterThanOrEqual(15);
    expect(ofType('ParticipantWaitlisted').length).toBeGreaterThan(0);
    expect(ofType('WaitlistedParticipantPromoted').length).toBeGreaterThan(0);
    expect(ofType('PersonInvited').length).toBeGreaterThan(0);
  });

  it('records the pledges (city hall, tent space, storage room, materials and method, coffee, expertise), feedback, citizen input, meetings, sustainability and collaborations', () => {
    const pledgeKinds = new Set(ofType('ResourcePledged').map((p) => p.kind));
    for (const kind of ['venue', 'storage', 'materials', 'expertise', 'catering']) expect(pledgeKinds).toContain(kind);
    expect(ofType('PledgeFulfilled').length).toBeGreaterThan(5);
    expect(ofType('PledgeWithdrawn')).toHaveLength(1);
    const ratings = ofType('FeedbackSubmitted').map((f) => f.rating as number);
    expect(ratings.length).toBeGreaterThan(40);
    expect(ratings.every((r) => Number.isInteger(r) && r >= 1 && r <= 5)).toBe(true);
    expect(ofType('CitizenInputCollected')[0]).toMatchObject({ citizensHeard: 126 });
    expect(ofType('CitizenInputSummaryForwarded')).toHaveLength(1);
    const meetings = ofType('PlanningMeetingRecorded');
    expect(meetings.filter((m) => m.kind === 'core-team')).toHaveLength(30);
    expect(meetings.filter((m) => m.kind === 'partner').length).toBeGreaterThanOrEqual(25);
    expect(ofType('SustainabilityPracticesRecorded')).toHaveLength(5);
    const collaborations = ofType('CollaborationRecorded');
    expect(collaborations.length).toBeGreaterThanOrEqual(2);
    expect(collaborations.every((c) => typeof c.sparkedByWorkshopId === 'string')).toBe(true);
  });

  it('keeps no personal data in clear in the log', () => {
    const log = JSON.stringify(events.map((e) => [e.data, e.metadata]));
    expect(log).not.toContain('@example.org');
    const fullNames = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`));
    expect(fullNames.filter((name) => log.includes(name))).toEqual([]);
    expect(ofType('PersonCreated').every((p) => (p.personalData as Data).alg === 'A256GCM')).toBe(true);
  });

  it('leaves an intact hash-chained log', async () => {
    const result = await verifyAll(store.storage);
    expect(result).toMatchObject({ intact: true, events: events.length });
  });

  it('appends nothing when run a second time', async () => {
    const second = await seedDemo(app.get(CommandBus));
    expect(second.appended).toBe(0);
    expect(second.commands).toBe(firstRun.commands);
    expect(await readAll(store)).toHaveLength(events.length);
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
    const [first, ...rest] = DEMO_WORKSHOPS;
    const [pledge, ...otherPledges] = first!.pledges;
    const typo: DemoData = {
      organizations: DEMO_ORGANIZATIONS,
      workshops: [{ ...first!, pledges: [{ ...pledge!, org: 'roastry' }, ...otherPledges] }, ...rest],
      collaborations: DEMO_COLLABORATIONS,
    };
    const store = app.get<ChainedEventStore>(EVENT_STORE);

    const refusal = seedDemo(app.get(CommandBus), () => undefined, typo);

    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', kind: 'not-found', details: { organizationId: demoId('organization:roastry') } });
    const pledges = (await readAll(store)).filter((e) => e.type === 'ResourcePledged');
    expect(pledges).toEqual([]);
  }, 120_000);
});
