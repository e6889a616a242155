/**
 * npm run bench:audit — the auditors' reads on the million-event history, each against the raw read of the same log
 * in the same run (the trace reads the whole log twice, so ~2× the raw read is its floor).
 * 1. Generates the synthetic history of bench:rebuild (~1,000,000 events) into a temporary store.
 * 2. Reads the log raw (the limit), then: the trace of an expense, the trace of a person's own event (counted in
 *    the chains where that person took part), one chain's ledger and its indicators.
 * BENCH_SCALE=0.1 runs a tenth of the history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditReader } from '@kuhina/application';
import type { RecordedEvent } from '@kuhina/event-store';
import { writeBenchmarkLog } from './synthetic-log';

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'kuhina-bench-audit-'));
  try {
    const { storage, log, events, chainIds, seconds: generated } = await writeBenchmarkLog(dir, scale);
    console.log(`generated ${events.toLocaleString('en')} events in ${generated.toFixed(1)} s`);

    let start = process.hrtime.bigint();
    let expense: RecordedEvent | undefined;
    let person: RecordedEvent | undefined;
    let read = 0;
    for (let after: bigint | null = null; ; ) {
      const page = await log.readAll(after, 1000);
      if (page.length === 0) break;
      read += page.length;
      // The last ones of the log: nothing is found early.
      for (const event of page) {
        if (event.type === 'ExpenseRecorded') expense = event;
        if (event.type === 'PersonCreated') person = event;
      }
      after = page[page.length - 1]!.position;
    }
    const raw = seconds(start);
    if (!expense || !person || read !== events) throw new Error('the synthetic log lacks an expense or a person');

    const reader = new AuditReader(log, Buffer.alloc(32, 7));
    const auditor = { revealPeople: false };
    const rows: Array<[string, number]> = [];
    const time = async (label: string, work: () => Promise<unknown>): Promise<void> => {
      start = process.hrtime.bigint();
      await work();
      rows.push([label, seconds(start)]);
    };
    await time('trace of an expense (GET /audit/trace/:id)', () => reader.trace(expense!.id, auditor));
    await time("trace of a person's own event", () => reader.trace(person!.id, auditor));
    await time('ledger of one chain (GET /audit/ledger)', () => reader.ledger(chainIds[chainIds.length - 1]!, auditor));
    await time('indicators of one chain (GET /audit/indicators)', () => reader.indicators(chainIds[chainIds.length - 1]!, auditor));
    await storage.close();

    console.log(`\nAudit benchmark: ${events.toLocaleString('en')} events (SQLite event store); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    console.log('| measure | time | ratio to the raw read |');
    console.log('|---|---|---|');
    console.log(`| raw read of the whole log (limit) | ${raw.toFixed(2)} s | 1.00 |`);
    for (const [label, took] of rows) console.log(`| ${label} | ${took.toFixed(2)} s | ${(took / raw).toFixed(2)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
