import type { ReadTask, ReadTaskRunner } from '@kuhina/application';
import { ServerBusyError } from '../problem/http-problems';
import { loadReadWorkerSettings, ReadWorkers } from './read-workers';

/** A runner whose tasks finish only when the test says so. */
function heldRunner() {
  const releases: Array<() => void> = [];
  const runner = { run: () => new Promise((resolve) => releases.push(() => resolve({ intact: true }))) } as unknown as ReadTaskRunner;
  return { runner, release: () => releases.shift()!() };
}

const data = { dataDir: '', synchronous: 'FULL' as const, pseudonymKey: new Uint8Array(32) };
const verify: ReadTask = { kind: 'verify-log' };

describe('ReadWorkers: a bounded queue in front of the expensive reads', () => {
  it('takes one running and `queue` waiting, refuses the next with 503 and Retry-After, and takes again once one finished', async () => {
    const held = heldRunner();
    const sut = new ReadWorkers({ threads: 0, queue: 2 }, data, held.runner);
    const accepted = [sut.run(verify), sut.run(verify), sut.run(verify)];

    await expect(sut.run(verify)).rejects.toEqual(expect.objectContaining({ code: 'SERVER.BUSY', retryAfterSeconds: 5, queued: 3 }));
    expect(sut.pending).toBe(3);
    held.release();
    await accepted[0];
    const next = sut.run(verify);
    expect(sut.pending).toBe(3);
    held.release();
    held.release();
    held.release();
    await expect(Promise.all([...accepted, next])).resolves.toHaveLength(4);
    expect(sut.pending).toBe(0);
  });

  it('frees the place of a read that failed', async () => {
    const failing = { run: () => Promise.reject(new Error('disk')) } as unknown as ReadTaskRunner;
    const sut = new ReadWorkers({ threads: 0, queue: 0 }, data, failing);

    await expect(sut.run(verify)).rejects.toThrow('disk');
    await expect(sut.run(verify)).rejects.toThrow('disk');
    await expect(sut.run(verify)).rejects.not.toBeInstanceOf(ServerBusyError);
  });

  it('reads its settings from the environment and refuses nonsense', () => {
    expect(loadReadWorkerSettings({ KUHINA_READ_WORKERS: '2', KUHINA_READ_QUEUE: '16' })).toEqual({ threads: 2, queue: 16 });
    expect(loadReadWorkerSettings({}).threads).toBeGreaterThanOrEqual(1);
    expect(() => loadReadWorkerSettings({ KUHINA_READ_WORKERS: 'many' })).toThrow(/KUHINA_READ_WORKERS must be a whole number/);
    expect(() => loadReadWorkerSettings({ KUHINA_READ_QUEUE: '-1' })).toThrow(/KUHINA_READ_QUEUE/);
  });
});
