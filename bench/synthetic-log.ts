import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { ChainedEventStore, SqliteEventStorage } from '@kuhina/event-store';
import { MILLION_EVENT_HISTORY, writeSyntheticHistory } from '@kuhina/testing';

/**
 * Writes the benchmarks' synthetic history (~1,000,000 events at scale 1: 100 chains, 5,000 workshops,
 * 200,000 people) into `<dir>/events.db`, with a progress bar; returns the open store (caller closes it).
 */
export async function writeBenchmarkLog(dir: string, scale: number): Promise<{ storage: SqliteEventStorage; log: ChainedEventStore; events: number; chainIds: string[]; seconds: number }> {
  const storage = new SqliteEventStorage({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const log = new ChainedEventStore(storage);
  const options = {
    ...MILLION_EVENT_HISTORY,
    chains: Math.max(1, Math.round(MILLION_EVENT_HISTORY.chains * scale)),
    people: Math.max(100, Math.round(MILLION_EVENT_HISTORY.people * scale)),
    organizations: Math.max(20, Math.round(MILLION_EVENT_HISTORY.organizations * scale)),
  };
  const expected = options.organizations + options.people + options.chains * (1 + options.workshopsPerChain * 151);
  const bar = new SingleBar({ format: ' generating |{bar}| {value}/{total} events | {eta_formatted}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  bar.start(expected, 0);
  const started = Date.now();
  const { events, chainIds } = await writeSyntheticHistory(log, { ...options, onProgress: (n) => bar.update(n) });
  bar.stop();
  return { storage, log, events, chainIds, seconds: (Date.now() - started) / 1000 };
}
