import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { rebuildFailure, type ReadTask, type ReadTaskProgress, type ReadTaskResult, type ReadTaskRunner } from '@kuhina/application';
import { ServerBusyError } from '../problem/http-problems';
import type { ReadWorkerAnswer, ReadWorkerData } from './read-worker';

export interface ReadWorkerSettings {
  /** Worker threads for expensive reads; 0 runs them on the event loop (tests, or a machine with one core). */
  threads: number;
  /** Expensive reads that may wait for a worker; one more is refused with 503 and Retry-After. */
  queue: number;
}

/** Workers start on the first expensive read and stop after this long without one (their connections with them). */
const IDLE_MS = 5 * 60_000;

/**
 * Lower CPU priority for the readers (nice(2), through Piscina's optional @napi-rs/nice): when they and the event loop
 * want the same core, the kernel gives it to the event loop, so writers do not wait behind an auditor's verification.
 */
const READER_NICENESS = 10;

/** How long a refused expensive read is asked to wait: about one verification of a large log. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * KUHINA_READ_WORKERS (default: the cores but one, at least 1, at most 4) and KUHINA_READ_QUEUE (default 8). One worker on
 * two cores leaves a core to the event loop: the writers' latency holds however many auditors verify at once.
 */
export function loadReadWorkerSettings(env: NodeJS.ProcessEnv = process.env): ReadWorkerSettings {
  const number = (name: string, fallback: number, max: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    if (!/^\d{1,4}$/.test(text) || Number(text) > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${env[name]}"`);
    return Number(text);
  };
  return { threads: number('KUHINA_READ_WORKERS', Math.min(4, Math.max(1, availableParallelism() - 1)), 64), queue: number('KUHINA_READ_QUEUE', 8, 10_000) };
}

/** The built worker: beside this file once compiled (dist), or in dist when this runs from the sources (jest). */
function workerFile(): string {
  const beside = join(__dirname, 'read-worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '../../../../../dist/apps/api/src/common/read-workers/read-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`No built read worker at ${beside} or ${built}: run "npm run build", or set KUHINA_READ_WORKERS=0`);
}

/**
 * Expensive reads (log verification, seal roots, ledgers, indicators, traces, networks at a cut, metrics, exports) run
 * here: on worker threads with their own store connections (Piscina), or inline when `threads` is 0. At most
 * `threads + queue` at once; past that a read is refused at once (ServerBusyError, 503) rather than queued without
 * bound, so a crowd of auditors cannot pile up work the writers then wait behind.
 */
export class ReadWorkers {
  private readonly pool: Piscina | null;
  private inFlight = 0;

  constructor(
    readonly settings: ReadWorkerSettings,
    data: ReadWorkerData,
    private readonly inline: ReadTaskRunner,
  ) {
    this.pool =
      settings.threads === 0
        ? null
        : new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: settings.threads, maxQueue: Math.max(1, settings.queue), idleTimeout: IDLE_MS, niceIncrement: READER_NICENESS, workerData: data });
  }

  /** Tasks running or waiting now. */
  get pending(): number {
    return this.inFlight;
  }

  async run<T extends ReadTask>(task: T, onProgress?: (progress: ReadTaskProgress) => void): Promise<ReadTaskResult<T>> {
    const capacity = Math.max(1, this.settings.threads) + this.settings.queue;
    if (this.inFlight >= capacity) throw new ServerBusyError(this.inFlight, BUSY_RETRY_AFTER_SECONDS);
    this.inFlight += 1;
    try {
      if (this.pool === null) return await this.inline.run(task, onProgress);
      return (await this.inWorker(this.pool, task, onProgress)) as ReadTaskResult<T>;
    } finally {
      this.inFlight -= 1;
    }
  }

  private async inWorker(pool: Piscina, task: ReadTask, onProgress?: (progress: ReadTaskProgress) => void): Promise<unknown> {
    const channel = onProgress ? new MessageChannel() : null;
    channel?.port1.on('message', (progress: ReadTaskProgress) => onProgress!(progress));
    try {
      const answer: ReadWorkerAnswer = await pool.run({ task, progress: channel?.port2 }, { transferList: channel ? [channel.port2] : [] });
      if (!answer.ok) throw rebuildFailure(answer.failure);
      return answer.value;
    } finally {
      channel?.port1.close();
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
