import { parseOrganizationStream, parsePersonStream } from '@kuhina/domain';
import { eventStoreHarness, writeSyntheticHistory, type EventStoreHarness } from '@kuhina/testing';
import { buildLedger } from './audit-ledger';
import { AuditReader } from './audit-reader';
import { figuresOf } from './audit-records';
import { buildIndicators } from './esf-indicators';

// Trace builds only the reports of the chains that can count the event. Checked against the brute force
// (every chain's ledger and indicators) on a synthetic log of several chains sharing people and organisations.
describe('AuditReader.trace over a real SQLite log of several chains', () => {
  let harness: EventStoreHarness;
  let chainIds: string[];
  beforeAll(async () => {
    harness = await eventStoreHarness();
    ({ chainIds } = await writeSyntheticHistory(harness.store, {
      chains: 4,
      workshopsPerChain: 3,
      people: 150,
      organizations: 25,
      registrationsPerWorkshop: 20,
      attendance: 0.8,
      feedbackPerWorkshop: 2,
      seed: 11,
    }));
  }, 60_000);
  afterAll(() => harness.cleanup());

  const reader = (): AuditReader => new AuditReader(harness.store, Buffer.alloc(32, 1));

  async function bruteForce(eventId: string): Promise<string[]> {
    const found: string[] = [];
    for (const chainId of chainIds) {
      const facts = await reader().facts(chainId);
      const reports = { ledger: buildLedger(facts), indicators: buildIndicators(facts, (id) => id) } as const;
      for (const report of ['ledger', 'indicators'] as const) {
        for (const { path, figure } of figuresOf(reports[report])) if (figure.sources.some((s) => s.eventId === eventId)) found.push(`${chainId} ${report} ${path}`);
      }
    }
    return found.sort();
  }

  it("lists, for people's and organisations' own events, every figure of every chain that counts them — and only those", async () => {
    const log = await harness.store.readAll(null, 100_000);
    const own = log.filter((event) => parsePersonStream(event.stream) !== null || parseOrganizationStream(event.stream) !== null);
    // Every tenth of them: people who registered, people who never did, organisations met in one chain or several.
    const sample = own.filter((_, i) => i % 10 === 0);
    let counted = 0;
    for (const event of sample) {
      const trace = await reader().trace(event.id, { revealPeople: true });
      const listed = trace.includedIn.map((item) => `${item.chainId} ${item.report} ${item.path}`).sort();
      expect({ event: event.id, listed }).toEqual({ event: event.id, listed: await bruteForce(event.id) });
      if (new Set(trace.includedIn.map((item) => item.chainId)).size > 1) counted++;
    }
    expect(sample.length).toBeGreaterThan(15);
    // Some of them count in more than one chain: the narrowing did not just pick the first.
    expect(counted).toBeGreaterThan(0);
  }, 120_000);
});
