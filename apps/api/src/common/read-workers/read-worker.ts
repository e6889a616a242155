import { workerData, type MessagePort } from 'node:worker_threads';
import { createEventStore } from '@kuhina/event-store';
import { createReadStore } from '@kuhina/read-model';
import { ReadTaskRunner, describeFailure, type ReadTask, type ReadTaskFailure } from '@kuhina/application/read-tasks/read-tasks';

/** What the API hands every read worker: where the stores are, and the pseudonym key (the only secret a read needs). */
export interface ReadWorkerData {
  dataDir: string;
  kurrentdbUrl?: string;
  mongodbUrl?: string;
  synchronous: 'FULL' | 'NORMAL';
  pseudonymKey: Uint8Array;
}

export interface ReadWorkerRequest {
  task: ReadTask;
  /** Where the task's progress goes (the log verification's), if anyone listens. */
  progress?: MessagePort;
}

/** Failures come back as data: an Error crossing the thread boundary would lose its class and code. */
export type ReadWorkerAnswer = { ok: true; value: unknown } | { ok: false; failure: ReadTaskFailure };

let runner: Promise<ReadTaskRunner> | undefined;

/** The worker's own connections, opened on its first task: SQLite in WAL lets it read beside the API's writer. */
function open(): Promise<ReadTaskRunner> {
  const data = workerData as ReadWorkerData;
  runner ??= Promise.resolve().then(() => {
    const events = createEventStore({ dataDir: data.dataDir, kurrentdbUrl: data.kurrentdbUrl, synchronous: data.synchronous });
    const views = createReadStore({ dataDir: data.dataDir, mongodbUrl: data.mongodbUrl });
    return new ReadTaskRunner({ events, views, pseudonymKey: Buffer.from(data.pseudonymKey) });
  });
  return runner;
}

/** Piscina's entry point: one task at a time per worker. */
export default async function runReadTask({ task, progress }: ReadWorkerRequest): Promise<ReadWorkerAnswer> {
  try {
    const value = await (await open()).run(task, progress ? (report) => progress.postMessage(report) : undefined);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, failure: describeFailure(error) };
  } finally {
    progress?.close();
  }
}
